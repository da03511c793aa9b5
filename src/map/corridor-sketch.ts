/**
 * The scenario explorer's small corridor maps: Mali's outline and the
 * corridors a scenario speaks about, styled by what it implies for them.
 */
import { geoPath } from 'd3-geo';
import type { Place } from '../data/schema';
import { el, escapeXml, roundPath, type Size } from '../lib/svg';
import { mapProjection, viewBoxFor, viewBoxString, type MapData } from './render-map';

export type CorridorStatus = 'escorted' | 'contested' | 'not-covered';

/**
 * A small schematic map for the scenario explorer: Mali's outline and the
 * corridors a scenario speaks about, styled by what it implies for them. Same
 * projection and geometry as the story's map; no background countries, so it
 * stays a couple of kilobytes.
 */
export function renderCorridorSketch(
  data: Pick<MapData, 'geometry' | 'places' | 'corridors'>,
  statuses: ReadonlyMap<string, CorridorStatus>,
  size: Size,
  options: { title: string; idPrefix: string },
): string {
  const projection = mapProjection(size);
  const path = geoPath(projection);
  const places = new Map(data.places.map((p) => [p.id, p]));
  const xy = (p: Place) => (projection([p.lon, p.lat]) ?? [0, 0]).map((n) => Math.round(n)) as [number, number];
  const view = viewBoxFor('frame', size);
  const corridors = data.corridors
    .filter((c) => statuses.has(c.id))
    .map((c) => {
      const points = c.places.map((id) => places.get(id)).filter((p): p is Place => Boolean(p)).map(xy);
      return el('path', { class: `sketch-corridor is-${statuses.get(c.id)}`, 'data-corridor': c.id, d: `M${points.map((p) => p.join(',')).join('L')}` });
    });
  // Each name sits where no corridor passes: the roads run east from Dakar, and into Bamako from the west and
  // north and out to the south-east, so Dakar's name goes above its dot and Bamako's below and to the left;
  // Abidjan's road arrives from the north, so its name goes right.
  const SKETCH_LABELS: Record<string, { dx: number; dy: number; anchor: 'start' | 'end' }> = {
    bamako: { dx: -8, dy: 24, anchor: 'end' },
    dakar: { dx: -4, dy: -12, anchor: 'start' },
    abidjan: { dx: 8, dy: 6, anchor: 'start' },
  };
  const labelled = Object.entries(SKETCH_LABELS)
    .map(([id, at]) => [places.get(id), at] as const)
    .filter((entry): entry is readonly [Place, (typeof SKETCH_LABELS)[string]] => Boolean(entry[0]))
    .map(([p, { dx, dy, anchor }]) => {
      const [x, y] = xy(p);
      return (
        el('circle', { class: 'sketch-town', cx: x, cy: y, r: 5 }) +
        el('text', { class: 'sketch-label', x: x + dx, y: y + dy, 'font-size': 22, 'text-anchor': anchor === 'end' ? 'end' : undefined }, escapeXml(p.name))
      );
    });
  const titleId = `${options.idPrefix}-title`;
  return el(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', class: 'corridor-sketch', viewBox: viewBoxString(view), role: 'img', 'aria-labelledby': titleId },
    [
      el('title', { id: titleId }, escapeXml(options.title)),
      el('path', { class: 'sketch-mali', d: roundPath(path(data.geometry.maliOutline), 0) }),
      ...corridors,
      ...labelled,
    ],
  );
}
