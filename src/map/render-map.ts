/**
 * The one map renderer: (data, state, size) → an SVG string. The story's
 * sticky panel, the static step figures, embed pages and downloads all call
 * it, so they cannot drift apart.
 *
 * In "interactive" mode every switchable element is drawn and the ones the
 * state does not show carry `is-off`; the browser then moves between states
 * by toggling classes, without geometry being shipped to it. In "static"
 * mode only what the state shows is drawn, for standalone files.
 */
import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, Polygon } from 'geojson';
import type { Convoy, Corridor, Place, TankerClaim, TimelineEvent } from '../data/schema';
import { formatDate } from '../data/dates';
import { formatConvoyCount, formatTankerCount } from '../data/format';
import { afterArticleSuffix } from '../data/currency';
import { classes, el, escapeXml, roundPath, type Size } from '../lib/svg';
import { MAP_FRAME } from './frame';
import type { MapGeometry } from './geo';
import { labelSide, type LabelSide } from './label-sides';
import { annotationKey, MAP_VIEWS, type MapAnnotation, type MapState, type MapView } from './map-state';

export interface MapData {
  geometry: MapGeometry;
  places: Place[];
  corridors: Corridor[];
  tankers: TankerClaim[];
  convoys: Convoy[];
  timeline: TimelineEvent[];
  /** Every annotation any state may show; interactive maps draw them all, hidden. */
  annotationPool: MapAnnotation[];
}

export interface MapRenderOptions {
  mode: 'interactive' | 'static';
  /** Accessible name for the SVG (the caption and table carry the detail). */
  title: string;
  /** Makes ids unique when several maps share a page. */
  idPrefix: string;
}

// Sized for the static figures: a 480-unit-wide SVG shown on a 320–360 px phone keeps text near 11 px.
const BASE_LABEL_SIZE = 16;
const BASE_MARKER_RADIUS = 4;

function bboxPolygon(b: { west: number; east: number; south: number; north: number }): Feature<Polygon> {
  // Clockwise ring, as d3-geo expects for a small polygon.
  return {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'Polygon',
      coordinates: [[[b.west, b.south], [b.west, b.north], [b.east, b.north], [b.east, b.south], [b.west, b.south]]],
    },
  };
}

export function mapProjection(size: Size): GeoProjection {
  return geoMercator().fitSize([size.width, size.height], bboxPolygon(MAP_FRAME));
}

export interface ViewBox { x: number; y: number; width: number; height: number }

export function viewBoxFor(view: MapView, size: Size): ViewBox {
  const projection = mapProjection(size);
  const b = MAP_VIEWS[view];
  const [x0, y0] = projection([b.west, b.north]) ?? [0, 0];
  const [x1, y1] = projection([b.east, b.south]) ?? [size.width, size.height];
  return { x: round(x0), y: round(y0), width: round(x1 - x0), height: round(y1 - y0) };
}

/** Text and markers keep the same on-screen size whichever view is zoomed to. */
export function viewScale(view: MapView, size: Size): number {
  return viewBoxFor(view, size).width / viewBoxFor('frame', size).width;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export function viewBoxString(v: ViewBox): string {
  return `${v.x} ${v.y} ${v.width} ${v.height}`;
}

interface AnnotationText { placeId: string | undefined; lines: string[] }

function wrap(text: string, width = 30): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function tankerClaimLabel(claim: TankerClaim): string {
  return `${formatDate(claim.date)}: ${formatTankerCount(claim)} tankers, per ${claim.claimant}${afterArticleSuffix(claim.date)}`;
}

export function convoyLabel(convoy: Convoy, places: Map<string, Place>): string {
  const to = places.get(convoy.to_place)?.name ?? convoy.to_place;
  const count = formatConvoyCount(convoy);
  const verb = convoy.outcome === 'arrived' ? 'reach' : 'attacked near';
  return `${formatDate(convoy.date)}: ${count ? `${count} ` : ''}tankers ${verb} ${to}${afterArticleSuffix(convoy.date)}`;
}

function annotationText(a: MapAnnotation, data: MapData, places: Map<string, Place>): AnnotationText {
  switch (a.type) {
    case 'tankers': {
      const claim = data.tankers.find((t) => t.id === a.claim);
      if (!claim) throw new Error(`map annotation: unknown tanker claim "${a.claim}"`);
      return { placeId: claim.place, lines: wrap(tankerClaimLabel(claim)) };
    }
    case 'convoy': {
      const convoy = data.convoys.find((c) => c.id === a.convoy);
      if (!convoy) throw new Error(`map annotation: unknown convoy "${a.convoy}"`);
      return { placeId: convoy.to_place, lines: wrap(convoyLabel(convoy, places)) };
    }
    case 'event': {
      const event = data.timeline.find((e) => e.id === a.event);
      if (!event) throw new Error(`map annotation: unknown timeline event "${a.event}"`);
      return { placeId: event.places[0], lines: wrap(`${formatDate(event.date)}: ${event.title}`) };
    }
  }
}

export function renderMap(data: MapData, state: MapState, size: Size, options: MapRenderOptions): string {
  const interactive = options.mode === 'interactive';
  const projection = mapProjection(size);
  const path = geoPath(projection);
  const places = new Map(data.places.map((p) => [p.id, p]));
  const scale = viewScale(state.view, size);
  const labelSize = round(BASE_LABEL_SIZE * scale);
  const markerRadius = round(BASE_MARKER_RADIUS * scale);
  const highlighted = new Set<string>(state.highlight);
  const layerOn = (layer: MapState['layers'][number]) => state.layers.includes(layer);
  const xy = (p: Place) => (projection([p.lon, p.lat]) ?? [0, 0]).map(round) as [number, number];
  const offClass = (shown: boolean) => (shown ? undefined : 'is-off');
  const keep = (shown: boolean) => interactive || shown;

  const sea = el('rect', { class: 'map-sea', x: -size.width, y: -size.height, width: size.width * 3, height: size.height * 3 });

  // Background countries are context: whole-unit precision is plenty and saves a third of the bytes.
  const countries = el('g', { class: 'map-countries' }, [
    el('path', { class: 'map-country', d: roundPath(path(data.geometry.land), 0) }),
    el('path', { class: 'map-country is-neighbour', d: roundPath(path(data.geometry.neighbours), 0) }),
    el('path', { class: 'map-country-border', d: roundPath(path(data.geometry.countryBorders), 0) }),
  ]);

  const regions = el(
    'g',
    { class: 'map-regions' },
    data.geometry.regions.map((r) =>
      el('path', {
        class: classes('map-region', highlighted.has(String(r.id)) && 'is-highlighted'),
        'data-region': String(r.id),
        d: roundPath(path(r)),
      }),
    ),
  );

  const outline = el('path', { class: 'map-mali-outline', d: roundPath(path(data.geometry.maliOutline)) });

  const rivers = keep(layerOn('rivers'))
    ? el(
        'g',
        { class: classes('map-rivers', offClass(layerOn('rivers'))), 'data-layer': 'rivers' },
        data.geometry.rivers.map((r) => el('path', { class: 'map-river', d: roundPath(path(r)) })),
      )
    : '';

  const corridorShown = (c: Corridor) => layerOn('corridors') && (state.corridors.length === 0 || state.corridors.includes(c.id));
  const corridors = keep(layerOn('corridors'))
    ? el(
        'g',
        { class: 'map-corridors', 'data-layer': 'corridors' },
        data.corridors
          .filter((c) => keep(corridorShown(c)))
          .map((c) => {
            const points = c.places.map((id) => places.get(id)).filter((p): p is Place => Boolean(p)).map(xy);
            return el('path', {
              class: classes('map-corridor', offClass(corridorShown(c))),
              'data-corridor': c.id,
              d: `M${points.map((p) => p.join(',')).join('L')}`,
            });
          }),
      )
    : '';

  const townIds = new Set(data.corridors.flatMap((c) => c.places));
  for (const id of state.labels) townIds.add(id);
  const towns = el(
    'g',
    { class: classes('map-towns', offClass(layerOn('towns'))), 'data-layer': 'towns' },
    data.places
      .filter((p) => townIds.has(p.id) || interactive)
      .filter((p) => keep(layerOn('towns') && (townIds.has(p.id) || state.labels.includes(p.id))))
      .map((p) => {
        const [x, y] = xy(p);
        const labelled = state.labels.includes(p.id);
        const onCorridor = townIds.has(p.id);
        const dot = el('circle', {
          class: classes('map-town', p.kind === 'capital' && 'is-capital', !onCorridor && !labelled && 'is-off'),
          'data-place': p.id,
          cx: x,
          cy: y,
          r: p.kind === 'capital' ? markerRadius * 1.4 : markerRadius * 0.8,
        });
        const label = keep(labelled)
          ? el(
              'text',
              {
                class: classes('map-label', p.kind === 'capital' && 'is-capital', offClass(labelled)),
                'data-label': p.id,
                ...labelPosition(labelSide(p.id), x, y, markerRadius, labelSize),
                'font-size': labelSize,
              },
              escapeXml(p.name),
            )
          : '';
        return dot + label;
      }),
  );

  const markerLayer = (layer: 'tanker-attacks' | 'convoys', placeIds: string[]) =>
    keep(layerOn(layer))
      ? el(
          'g',
          { class: classes(`map-markers map-${layer}`, offClass(layerOn(layer))), 'data-layer': layer },
          [...new Set(placeIds)]
            .map((id) => places.get(id))
            .filter((p): p is Place => Boolean(p))
            .map((p) => {
              const [x, y] = xy(p);
              return layer === 'tanker-attacks'
                ? el('path', {
                    class: 'map-marker-attack',
                    d: `M${x},${round(y - markerRadius * 2)}L${round(x + markerRadius * 1.8)},${round(y + markerRadius * 1.2)}L${round(x - markerRadius * 1.8)},${round(y + markerRadius * 1.2)}Z`,
                  })
                : el('rect', {
                    class: 'map-marker-convoy',
                    x: round(x - markerRadius * 1.3),
                    y: round(y - markerRadius * 1.3),
                    width: round(markerRadius * 2.6),
                    height: round(markerRadius * 2.6),
                  });
            }),
        )
      : '';

  // An attack is drawn where a source places it: a claim's own place, or the town an attacked convoy was near.
  const tankerPlaces = [
    ...data.tankers.map((t) => t.place).filter((p): p is string => Boolean(p)),
    ...data.convoys.filter((c) => c.outcome === 'attacked').map((c) => c.to_place),
  ];
  const convoyPlaces = data.convoys.filter((c) => c.outcome === 'arrived').map((c) => c.to_place);

  const shownAnnotations = new Set(state.annotations.map(annotationKey));
  const pool = interactive ? dedupe([...data.annotationPool, ...state.annotations]) : state.annotations;
  const annotations = el(
    'g',
    { class: 'map-annotations' },
    pool.map((a) => {
      const { placeId, lines } = annotationText(a, data, places);
      const place = placeId ? places.get(placeId) : undefined;
      if (!place) return '';
      const [x, y] = xy(place);
      const tx = round(x + markerRadius * 2.5);
      // Lines are spaced in em, not map units: the story's panel scales map text to one size on screen
      // whatever the zoom, and the spacing has to scale with it. The block sits right of the place and
      // clear of the place's own name: above the dot, ending a line and a half up, unless the name is
      // written above the dot, in which case the block starts level with the dot and runs down.
      const lineEm = 1.2;
      const firstLineEm = labelSide(place.id) === 'above' ? 0.35 : round(-lineEm * (lines.length + 0.5));
      return el(
        'text',
        {
          class: classes('map-annotation', offClass(shownAnnotations.has(annotationKey(a)))),
          'data-annotation': annotationKey(a),
          x: tx,
          y: round(y),
          'font-size': labelSize,
        },
        lines.map((line, i) => el('tspan', { x: tx, dy: `${i === 0 ? firstLineEm : lineEm}em` }, escapeXml(line))),
      );
    }),
  );

  const titleId = `${options.idPrefix}-title`;
  // A standalone file has no page stylesheet; it carries its own (light) colours.
  const ownStyle = interactive ? '' : el('style', {}, STANDALONE_MAP_CSS);
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: 'graphic-map',
      viewBox: viewBoxString(viewBoxFor(state.view, size)),
      'data-view': state.view,
      'data-base-label-size': BASE_LABEL_SIZE,
      role: 'img',
      'aria-labelledby': titleId,
      preserveAspectRatio: 'xMidYMid meet',
    },
    [
      el('title', { id: titleId }, escapeXml(options.title)),
      ownStyle,
      sea,
      countries,
      regions,
      outline,
      rivers,
      corridors,
      markerLayer('tanker-attacks', tankerPlaces),
      markerLayer('convoys', convoyPlaces),
      towns,
      annotations,
    ],
  );
}

function dedupe(list: MapAnnotation[]): MapAnnotation[] {
  const seen = new Set<string>();
  return list.filter((a) => {
    const key = annotationKey(a);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Same palette as src/styles/graphics.css (light theme), for SVG files opened on their own. */
export const STANDALONE_MAP_CSS = [
  '.map-sea{fill:#dce8ee}',
  '.map-country{fill:#eeebe4}',
  '.map-country-border{fill:none;stroke:#fff;stroke-width:.8}',
  '.map-country.is-neighbour{fill:#e4dfd5}',
  '.map-region{fill:#fbf8f2;stroke:#b3a999;stroke-width:.7}',
  '.map-region.is-highlighted{fill:#e8a07f}',
  '.map-mali-outline{fill:none;stroke:#2b2b2b;stroke-width:1.4}',
  '.map-river{fill:none;stroke:#6ea6cc;stroke-width:1.2}',
  '.map-corridor{fill:none;stroke:#8c1d18;stroke-width:2.4;stroke-dasharray:6 3;stroke-linejoin:round}',
  '.map-town{fill:#222}',
  '.map-label,.map-annotation{font-family:system-ui,sans-serif;fill:#1b1b1b;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}',
  '.map-label.is-capital{font-weight:700}',
  '.map-annotation{font-weight:600}',
  '.map-marker-attack{fill:#b42318;stroke:#fff;stroke-width:.8}',
  '.map-marker-convoy{fill:#1f6f5c;stroke:#fff;stroke-width:.8}',
  '.is-off{display:none}',
].join('');

function labelPosition(side: LabelSide, x: number, y: number, radius: number, size: number) {
  switch (side) {
    case 'right':
      return { x: round(x + radius * 1.6), y: round(y + size * 0.35) };
    case 'left':
      return { x: round(x - radius * 1.6), y: round(y + size * 0.35), 'text-anchor': 'end' };
    case 'above':
      return { x, y: round(y - radius * 1.8), 'text-anchor': 'middle' };
    case 'below':
      return { x, y: round(y + radius * 1.8 + size * 0.8), 'text-anchor': 'middle' };
  }
}
