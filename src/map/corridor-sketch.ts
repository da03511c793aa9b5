/**
 * The scenario explorer's small corridor maps: Mali's outline and the
 * corridors a scenario speaks about, styled by what it implies for them.
 */
import { geoPath } from 'd3-geo';
import type { Place } from '../data/schema';
import type { Locale } from '../i18n/locale';
import { el, escapeXml, roundPath, type Size } from '../lib/svg';
import { mapProjection, viewBoxFor, viewBoxString, type MapData, type ViewBox } from './render-map';

export type CorridorStatus = 'escorted' | 'contested' | 'not-covered';

/**
 * The towns named on every sketch, most important first: each is placed after
 * the ones before it, so it is the later ones that move out of the way.
 */
export const SKETCH_TOWNS = ['bamako', 'dakar', 'abidjan'] as const;

/**
 * Sizes in the sketch's own units (the frame view of a 240 × 220 map is about
 * 225 units wide). The sketch is shown from about 120 px wide (two side by side
 * on a 320 px phone) to 224 px, so a 24-unit name draws at 12.2 to 23 px.
 */
export const SKETCH_LABEL_SIZE = 24;
const TOWN_RADIUS = 5;
const CORRIDOR_WIDTH = 5;
/** Space kept between a name and its own dot. */
const GAP = 3;
/** Space kept between a name and anything it does not name: another name, a corridor's edge, a dot. */
const CLEARANCE = 2;
/** How far past the frame of Mali a name may reach; the sketch's view grows to take it in. */
const OVERHANG = 30;

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
type Point = readonly [number, number];
type Anchor = 'start' | 'middle' | 'end';

/** The sides of its dot a name is tried on, in order; the first free one wins. */
export const LABEL_CANDIDATES = [
  'right',
  'above-right',
  'below-right',
  'above',
  'below',
  'left',
  'above-left',
  'below-left',
] as const;
export type LabelCandidate = (typeof LABEL_CANDIDATES)[number];

export interface PlacedLabel {
  id: string;
  text: string;
  side: LabelCandidate;
  x: number;
  y: number;
  anchor: Anchor;
  box: Box;
}

// Advance widths in em, those of DejaVu Sans (the widest common system-ui face, the one the tests run
// with), rounded up; other faces draw narrower, so a name placed with these never takes more room.
const NARROW = new Set([...'fijlrtI.,;:\'’ ()-']);
const WIDE = new Set([...'mwMW']);
function advance(ch: string): number {
  if (NARROW.has(ch)) return ch === 'r' || ch === 't' || ch === 'f' ? 0.42 : 0.3;
  if (WIDE.has(ch)) return 1;
  if (ch !== ch.toLowerCase()) return 0.78;
  return 0.64;
}

/** The box a name's glyphs take, in the sketch's units, for a text drawn at (x, baseline y). */
export function textBox(text: string, x: number, y: number, anchor: Anchor, size = SKETCH_LABEL_SIZE): Box {
  const width = [...text].reduce((sum, ch) => sum + advance(ch), 0) * size;
  const x0 = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
  // Ascent and descent of the font's line box, as browsers report a text's box.
  return { x0, y0: y - 0.93 * size, x1: x0 + width, y1: y + 0.24 * size };
}

/** Where the text goes for each side of a dot at (cx, cy). */
function candidatePosition(side: LabelCandidate, cx: number, cy: number, size: number): { x: number; y: number; anchor: Anchor } {
  const near = TOWN_RADIUS + GAP;
  const diagonal = Math.round(near * 0.75);
  const middle = cy + 0.345 * size; // baseline that centres the line box on the dot
  const above = (d: number) => cy - d - 0.24 * size;
  const below = (d: number) => cy + d + 0.93 * size;
  switch (side) {
    case 'right':
      return { x: cx + near, y: middle, anchor: 'start' };
    case 'left':
      return { x: cx - near, y: middle, anchor: 'end' };
    case 'above':
      return { x: cx, y: above(near), anchor: 'middle' };
    case 'below':
      return { x: cx, y: below(near), anchor: 'middle' };
    case 'above-right':
      return { x: cx + diagonal, y: above(diagonal), anchor: 'start' };
    case 'below-right':
      return { x: cx + diagonal, y: below(diagonal), anchor: 'start' };
    case 'above-left':
      return { x: cx - diagonal, y: above(diagonal), anchor: 'end' };
    case 'below-left':
      return { x: cx - diagonal, y: below(diagonal), anchor: 'end' };
  }
}

function grow(b: Box, by: number): Box {
  return { x0: b.x0 - by, y0: b.y0 - by, x1: b.x1 + by, y1: b.y1 + by };
}

function boxesOverlap(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function inside(p: Point, b: Box): boolean {
  return p[0] >= b.x0 && p[0] <= b.x1 && p[1] >= b.y0 && p[1] <= b.y1;
}

/** Whether segment p–q crosses or touches box b (Liang–Barsky clipping). */
export function segmentHitsBox(p: Point, q: Point, b: Box): boolean {
  if (inside(p, b) || inside(q, b)) return true;
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, p[0] - b.x0],
    [dx, b.x1 - p[0]],
    [-dy, p[1] - b.y0],
    [dy, b.y1 - p[1]],
  ];
  for (const [pp, qq] of edges) {
    if (pp === 0) {
      if (qq < 0) return false;
      continue;
    }
    const t = qq / pp;
    if (pp < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

function distanceToBox(p: Point, b: Box): number {
  const dx = Math.max(b.x0 - p[0], 0, p[0] - b.x1);
  const dy = Math.max(b.y0 - p[1], 0, p[1] - b.y1);
  return Math.hypot(dx, dy);
}

/**
 * Places each town's name on the first side of its dot where it stays inside
 * the allowed area and clear of every corridor, every dot (its own included)
 * and every name already placed. Deterministic: the same inputs always give the
 * same places, so the static page and the downloads agree. Should no side be
 * free, the name goes where it collides with the fewest things.
 */
export function placeSketchLabels(
  towns: readonly { id: string; text: string; at: Point }[],
  corridors: readonly (readonly Point[])[],
  area: Box,
  size = SKETCH_LABEL_SIZE,
): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const segments = corridors.flatMap((line) => line.slice(1).map((q, i) => [line[i]!, q] as const));
  for (const town of towns) {
    let best: { label: PlacedLabel; conflicts: number } | undefined;
    for (const side of LABEL_CANDIDATES) {
      const { x, y, anchor } = candidatePosition(side, town.at[0], town.at[1], size);
      const box = textBox(town.text, x, y, anchor, size);
      const clear = grow(box, CLEARANCE);
      let conflicts = 0;
      if (box.x0 < area.x0 || box.y0 < area.y0 || box.x1 > area.x1 || box.y1 > area.y1) conflicts += 1;
      const lineClear = grow(box, CLEARANCE + CORRIDOR_WIDTH / 2);
      for (const [p, q] of segments) if (segmentHitsBox(p, q, lineClear)) conflicts += 1;
      for (const other of towns) {
        const room = TOWN_RADIUS + (other === town ? GAP - 0.5 : CLEARANCE);
        if (distanceToBox(other.at, box) < room) conflicts += 1;
      }
      for (const other of placed) if (boxesOverlap(clear, other.box)) conflicts += 1;
      const label: PlacedLabel = { id: town.id, text: town.text, side, x, y, anchor, box };
      if (conflicts === 0) {
        best = { label, conflicts };
        break;
      }
      if (!best || conflicts < best.conflicts) best = { label, conflicts };
    }
    if (best) placed.push(best.label);
  }
  return placed;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * A small schematic map for the scenario explorer: Mali's outline and the
 * corridors a scenario speaks about, styled by what it implies for them. Same
 * projection and geometry as the story's map; no background countries, so it
 * stays a couple of kilobytes. The towns' names are placed by
 * placeSketchLabels, and the view grows just enough to hold them; in the
 * language of `options.locale` (English by default), with the title given.
 */
export function renderCorridorSketch(
  data: Pick<MapData, 'geometry' | 'places' | 'corridors'>,
  statuses: ReadonlyMap<string, CorridorStatus>,
  size: Size,
  options: { title: string; idPrefix: string; locale?: Locale | undefined },
): string {
  const projection = mapProjection(size);
  const path = geoPath(projection);
  const places = new Map(data.places.map((p) => [p.id, p]));
  const xy = (p: Place) => (projection([p.lon, p.lat]) ?? [0, 0]).map((n) => Math.round(n)) as [number, number];
  const frame = viewBoxFor('frame', size);
  const lines = data.corridors
    .filter((c) => statuses.has(c.id))
    .map((c) => ({ corridor: c, points: c.places.map((id) => places.get(id)).filter((p): p is Place => Boolean(p)).map(xy) }));
  const corridors = lines.map(({ corridor, points }) =>
    el('path', { class: `sketch-corridor is-${statuses.get(corridor.id)}`, 'data-corridor': corridor.id, d: `M${points.map((p) => p.join(',')).join('L')}` }),
  );
  const towns = SKETCH_TOWNS.map((id) => places.get(id))
    .filter((p): p is Place => Boolean(p))
    .map((p) => ({ id: p.id, text: options.locale === 'fr' ? p.name_fr : p.name, at: xy(p) }));
  const frameBox: Box = { x0: frame.x, y0: frame.y, x1: frame.x + frame.width, y1: frame.y + frame.height };
  const labels = placeSketchLabels(
    towns,
    lines.map((l) => l.points),
    grow(frameBox, OVERHANG),
  );
  // The view: Mali's frame, widened to take in every name with a little room.
  const view: ViewBox = labels.reduce((v, l) => {
    const x0 = Math.min(v.x, Math.floor(l.box.x0 - 2));
    const y0 = Math.min(v.y, Math.floor(l.box.y0 - 2));
    const x1 = Math.max(v.x + v.width, Math.ceil(l.box.x1 + 2));
    const y1 = Math.max(v.y + v.height, Math.ceil(l.box.y1 + 2));
    return { x: x0, y: y0, width: round1(x1 - x0), height: round1(y1 - y0) };
  }, frame);
  const dots = towns.map((t) => el('circle', { class: 'sketch-town', cx: t.at[0], cy: t.at[1], r: TOWN_RADIUS }));
  const names = labels.map((l) =>
    el(
      'text',
      {
        class: 'sketch-label',
        'data-place': l.id,
        x: round1(l.x),
        y: round1(l.y),
        'font-size': SKETCH_LABEL_SIZE,
        'text-anchor': l.anchor === 'start' ? undefined : l.anchor,
      },
      escapeXml(l.text),
    ),
  );
  const titleId = `${options.idPrefix}-title`;
  return el(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', class: 'corridor-sketch', viewBox: viewBoxString(view), role: 'img', 'aria-labelledby': titleId },
    [
      el('title', { id: titleId }, escapeXml(options.title)),
      el('path', { class: 'sketch-mali', d: roundPath(path(data.geometry.maliOutline), 0) }),
      ...corridors,
      ...dots,
      ...names,
    ],
  );
}
