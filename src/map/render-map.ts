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
import { dataText } from '../charts/common';
import type { Locale } from '../i18n/locale';
import { t } from '../i18n/strings';
import { classes, el, escapeXml, roundPath, type Size } from '../lib/svg';
import { MAP_FRAME } from './frame';
import type { MapGeometry } from './geo';
import { LINE_HEIGHT_EM, placeLabels, type Box, type LabelRequest, type PlacedLabel, type Point, type PointObstacle } from './label-placement';
import { annotationKey, MAP_VIEWS, type MapAnnotation, type MapState, type MapView } from './map-state';

export interface MapData {
  geometry: MapGeometry;
  places: Place[];
  corridors: Corridor[];
  tankers: TankerClaim[];
  convoys: Convoy[];
  timeline: TimelineEvent[];
}

export interface MapRenderOptions {
  mode: 'interactive' | 'static';
  /** Accessible name for the SVG (the caption and table carry the detail). */
  title: string;
  /** Makes ids unique when several maps share a page. */
  idPrefix: string;
  /** The language of every word drawn (default English). */
  locale?: Locale;
  /**
   * Interactive maps: every named state the page may switch to, so each gets
   * its own placed labels (shown when the page switches to it), and the name
   * of the state drawn. Without them the map holds its own state's labels only.
   */
  labelStates?: Record<string, MapState>;
  stateName?: string;
  /**
   * Static maps: the width in CSS pixels the file is meant to be shown at.
   * Its text, dots and markers are drawn for that width (13 px text there).
   */
  displayWidth?: number;
}

/** Map text, in CSS pixels on screen. */
export const MAP_TEXT_PX = 13;
/** Dots and markers, in CSS pixels on screen. */
const TOWN_RADIUS_PX = 3;
const CAPITAL_RADIUS_PX = 4.5;
/** An attack is a triangle, a convoy a square, drawn about their place. */
const ATTACK_MARKER = { d: 'M0,-6L5.4,3.6L-5.4,3.6Z', box: { x0: -5.4, y0: -6, x1: 5.4, y1: 3.6 } };
const CONVOY_MARKER = { size: 7.8, box: { x0: -3.9, y0: -3.9, x1: 3.9, y1: 3.9 } };
/**
 * The drawn widths, in CSS pixels, that interactive maps (the story's panel,
 * embeds) are laid out for: labels are placed so that none overlap anywhere
 * in this range, from a 320 px phone with margins to a wide desktop panel.
 */
export const INTERACTIVE_DRAWN_WIDTHS = { min: 300, max: 1400 } as const;
/** Without JavaScript an interactive map is drawn as if it were this wide (the step figures carry the phone view). */
const INTERACTIVE_DEFAULT_WIDTH = 480;
/** Characters per line of a note on the map. */
const NOTE_LINE_CHARS = 18;

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

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export function viewBoxString(v: ViewBox): string {
  return `${v.x} ${v.y} ${v.width} ${v.height}`;
}

interface AnnotationText { placeId: string | undefined; lines: string[] }

function wrap(text: string, width = NOTE_LINE_CHARS): string[] {
  const lines: string[] = [];
  let line = '';
  // Only ordinary spaces break a line: a no-break space keeps "1 300" and "2025 :" together.
  for (const word of text.split(/[ \t\n\r]+/)) {
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

/** A place's name in one language ("Tombouctou" in French), or its id when data/ has no such place. */
export function placeName(places: Map<string, Place>, id: string, locale: Locale = 'en'): string {
  const place = places.get(id);
  return place ? dataText(place, 'name', locale) : id;
}

/** "14 Sep 2025: at least 40 tankers, per Truckers' union…"; French "14 sept. 2025 : au moins 40 citernes, selon le syndicat…". */
export function tankerClaimLabel(claim: TankerClaim, locale: Locale = 'en'): string {
  const text = t(locale, 'graphics.map.tankers', {
    date: formatDate(claim.date, 'short', locale),
    count: formatTankerCount(claim, locale),
    claimant: dataText(claim, 'claimant', locale),
  });
  return text + afterArticleSuffix(claim.date, locale);
}

/** "30 Oct 2025: 20 tankers reach Gao"; French "30 oct. 2025 : 20 citernes rallient Gao" (shorter than "arrivent à", so the notes fit a phone). */
export function convoyLabel(convoy: Convoy, places: Map<string, Place>, locale: Locale = 'en'): string {
  const count = formatConvoyCount(convoy, locale);
  const key =
    convoy.outcome === 'arrived'
      ? count ? 'graphics.map.convoyArrived' : 'graphics.map.convoyArrivedUncounted'
      : count ? 'graphics.map.convoyAttacked' : 'graphics.map.convoyAttackedUncounted';
  const text = t(locale, key, { date: formatDate(convoy.date, 'short', locale), count, place: placeName(places, convoy.to_place, locale) });
  return text + afterArticleSuffix(convoy.date, locale);
}

/** A note starts like a sentence: "Nov. 2025 : …" (French month names are written in lower case). */
function sentenceStart(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

function annotationText(a: MapAnnotation, data: MapData, places: Map<string, Place>, locale: Locale): AnnotationText {
  const { placeId, text } = annotationWords(a, data, places, locale);
  return { placeId, lines: wrap(sentenceStart(text)) };
}

function annotationWords(a: MapAnnotation, data: MapData, places: Map<string, Place>, locale: Locale): { placeId: string | undefined; text: string } {
  switch (a.type) {
    case 'tankers': {
      const claim = data.tankers.find((c) => c.id === a.claim);
      if (!claim) throw new Error(`map annotation: unknown tanker claim "${a.claim}"`);
      return { placeId: claim.place, text: tankerClaimLabel(claim, locale) };
    }
    case 'convoy': {
      const convoy = data.convoys.find((c) => c.id === a.convoy);
      if (!convoy) throw new Error(`map annotation: unknown convoy "${a.convoy}"`);
      return { placeId: convoy.to_place, text: convoyLabel(convoy, places, locale) };
    }
    case 'event': {
      const event = data.timeline.find((e) => e.id === a.event);
      if (!event) throw new Error(`map annotation: unknown timeline event "${a.event}"`);
      if (!event.map_note) {
        throw new Error(`data/timeline.csv, row "${event.id}", field "map_note": empty, but a map state shows this event as a note`);
      }
      const note = t(locale, 'graphics.map.event', { date: formatDate(event.date, 'short', locale), note: dataText(event, 'map_note', locale) });
      return { placeId: event.places[0], text: note + afterArticleSuffix(event.date, locale) };
    }
  }
}

export function renderMap(data: MapData, state: MapState, size: Size, options: MapRenderOptions): string {
  const interactive = options.mode === 'interactive';
  const projection = mapProjection(size);
  const path = geoPath(projection);
  const places = new Map(data.places.map((p) => [p.id, p]));
  const viewBox = viewBoxFor(state.view, size);
  // Map units per CSS pixel as drawn without JavaScript; the page's script then sets the real one (--label-scale).
  const unitsPerPx = viewBox.width / (interactive ? INTERACTIVE_DEFAULT_WIDTH : (options.displayWidth ?? size.width));
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

  const corridorPoints = (c: Corridor) => c.places.map((id) => places.get(id)).filter((p): p is Place => Boolean(p)).map(xy);
  const corridors = keep(layerOn('corridors'))
    ? el(
        'g',
        { class: 'map-corridors', 'data-layer': 'corridors' },
        data.corridors
          .filter((c) => keep(corridorShown(state, c)))
          .map((c) =>
            el('path', {
              class: classes('map-corridor', offClass(corridorShown(state, c))),
              'data-corridor': c.id,
              d: `M${corridorPoints(c).map((p) => p.join(',')).join('L')}`,
            }),
          ),
      )
    : '';

  // Markers keep one size on screen, like text: each is drawn in pixels inside a box that the page scales.
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
              const marker =
                layer === 'tanker-attacks'
                  ? el('path', { class: 'map-marker-attack', d: ATTACK_MARKER.d })
                  : el('rect', { class: 'map-marker-convoy', x: -CONVOY_MARKER.size / 2, y: -CONVOY_MARKER.size / 2, width: CONVOY_MARKER.size, height: CONVOY_MARKER.size });
              return pixelBox(x, y, unitsPerPx, marker);
            }),
        )
      : '';

  const titleId = `${options.idPrefix}-title`;
  // A standalone file has no page stylesheet; it carries its own (light) colours.
  const ownStyle = interactive ? '' : el('style', {}, STANDALONE_MAP_CSS);
  const labelStates: [string, MapState][] =
    interactive && options.labelStates ? Object.entries(options.labelStates) : [[options.stateName ?? 'current', state]];
  const shownStateName = options.stateName ?? labelStates.find(([, s]) => s === state)?.[0] ?? labelStates[0]?.[0];
  const stateLabels = labelStates
    .map(([name, labelState]) => {
      const layout = layoutStateLabels(data, labelState, size, interactive ? { interactive: true } : { interactive: false, unitsPerPx }, options.locale);
      const shown = name === shownStateName;
      return el(
        'g',
        { class: classes('map-state-labels', offClass(shown)), 'data-labels-for': interactive ? name : undefined },
        drawStateLabels(layout, interactive ? viewBoxFor(labelState.view, size).width / INTERACTIVE_DEFAULT_WIDTH : unitsPerPx),
      );
    })
    .filter((_, i) => interactive || i === 0);
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: 'graphic-map',
      viewBox: viewBoxString(viewBox),
      'data-view': state.view,
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
      markerLayer('tanker-attacks', tankerPlaceIds(data)),
      markerLayer('convoys', convoyPlaceIds(data)),
      // Towns are drawn where a state names them: a dot and its name, placed for that state.
      keep(layerOn('towns')) ? el('g', { class: classes('map-towns', offClass(layerOn('towns'))), 'data-layer': 'towns' }, stateLabels) : '',
    ],
  );
}

function corridorShown(state: MapState, c: Corridor): boolean {
  return state.layers.includes('corridors') && (state.corridors.length === 0 || state.corridors.includes(c.id));
}

// An attack is drawn where a source places it: a claim's own place, or the town an attacked convoy was near.
function tankerPlaceIds(data: Pick<MapData, 'tankers' | 'convoys'>): string[] {
  return [
    ...data.tankers.map((t) => t.place).filter((p): p is string => Boolean(p)),
    ...data.convoys.filter((c) => c.outcome === 'attacked').map((c) => c.to_place),
  ];
}

function convoyPlaceIds(data: Pick<MapData, 'convoys'>): string[] {
  return data.convoys.filter((c) => c.outcome === 'arrived').map((c) => c.to_place);
}

/**
 * Something drawn in CSS pixels about a place: the outer group moves it to
 * the place, the inner one scales pixels to map units. Interactive pages
 * replace that scale with the one they measure (.map-px-box in graphics.css).
 */
function pixelBox(x: number, y: number, unitsPerPx: number, content: string): string {
  return el('g', { transform: `translate(${round(x)} ${round(y)})` }, el('g', { class: 'map-px-box', transform: `scale(${roundScale(unitsPerPx)})` }, content));
}

function roundScale(n: number): number {
  return Math.round(n * 10000) / 10000;
}

export interface StateLabelLayout {
  placed: PlacedLabel[];
  dropped: string[];
  reasons: Map<string, string[]>;
  /** The dots of the towns this state names. */
  dots: { id: string; at: Point; capital: boolean }[];
  /** The data-label / data-annotation key of each placed label, by its id. */
  keys: Map<string, { attr: 'data-label' | 'data-annotation'; value: string; className: string }>;
}

/**
 * Where one state's names and notes go. Interactive maps are placed for
 * every drawn width in INTERACTIVE_DRAWN_WIDTHS; a static map for its one
 * display width.
 */
export function layoutStateLabels(
  data: MapData,
  state: MapState,
  size: Size,
  scale: { interactive: true } | { interactive: false; unitsPerPx: number },
  locale: Locale = 'en',
): StateLabelLayout {
  const projection = mapProjection(size);
  const places = new Map(data.places.map((p) => [p.id, p]));
  const at = (p: Place): Point => {
    const [x, y] = projection([p.lon, p.lat]) ?? [0, 0];
    return { x: round(x), y: round(y) };
  };
  const view = viewBoxFor(state.view, size);
  const range = scale.interactive
    ? { bounds: view, minScale: INTERACTIVE_DRAWN_WIDTHS.min / view.width, maxScale: INTERACTIVE_DRAWN_WIDTHS.max / view.width }
    : { bounds: view, minScale: 1 / scale.unitsPerPx, maxScale: 1 / scale.unitsPerPx };
  const layerOn = (layer: MapState['layers'][number]) => state.layers.includes(layer);

  // What labels must keep clear of: dots, markers and the roads this state draws.
  const dot = (r: number): Box => ({ x0: -r, y0: -r, x1: r, y1: r });
  const points: PointObstacle[] = [];
  const ownRadius = new Map<string, number>();
  const grow = (id: string, r: number) => ownRadius.set(id, Math.max(ownRadius.get(id) ?? 0, r));
  if (layerOn('towns')) {
    for (const p of data.places) {
      if (!state.labels.includes(p.id)) continue;
      const r = p.kind === 'capital' ? CAPITAL_RADIUS_PX : TOWN_RADIUS_PX;
      points.push({ anchor: at(p), box: dot(r), placeId: p.id });
      grow(p.id, r);
    }
  }
  const markers = [
    ...(layerOn('tanker-attacks') ? tankerPlaceIds(data).map((id) => [id, ATTACK_MARKER.box] as const) : []),
    ...(layerOn('convoys') ? convoyPlaceIds(data).map((id) => [id, CONVOY_MARKER.box] as const) : []),
  ];
  for (const [id, box] of markers) {
    const p = places.get(id);
    if (!p) continue;
    points.push({ anchor: at(p), box, placeId: id });
    grow(id, Math.max(-box.x0, box.x1, -box.y0, box.y1));
  }
  const polylines = data.corridors
    .filter((c) => corridorShown(state, c))
    .map((c) => c.places.map((id) => places.get(id)).filter((p): p is Place => Boolean(p)).map(at));

  // Priority: the step's notes first (they are what the step is about), then the capital, then the towns in
  // the order the state lists them.
  const keys: StateLabelLayout['keys'] = new Map();
  const townRequest = (p: Place): LabelRequest => {
    keys.set(`label:${p.id}`, { attr: 'data-label', value: p.id, className: classes('map-label', p.kind === 'capital' && 'is-capital') });
    return {
      id: `label:${p.id}`,
      anchor: at(p),
      lines: [dataText(p, 'name', locale)],
      fontPx: MAP_TEXT_PX,
      bold: p.kind === 'capital',
      kind: 'town',
      ownRadiusPx: ownRadius.get(p.id) ?? TOWN_RADIUS_PX,
    };
  };
  const labelled = state.labels.map((id) => {
    const p = places.get(id);
    if (!p) throw new Error(`map state: unknown place "${id}" in labels`);
    return p;
  });
  const notes = state.annotations.flatMap((a): LabelRequest[] => {
    const { placeId, lines } = annotationText(a, data, places, locale);
    const p = placeId ? places.get(placeId) : undefined;
    if (!p) return [];
    const key = annotationKey(a);
    keys.set(`note:${key}`, { attr: 'data-annotation', value: key, className: 'map-annotation' });
    return [{ id: `note:${key}`, anchor: at(p), lines, fontPx: MAP_TEXT_PX, bold: true, kind: 'note', ownRadiusPx: ownRadius.get(p.id) ?? TOWN_RADIUS_PX }];
  });
  const requests = [
    ...notes,
    ...labelled.filter((p) => p.kind === 'capital').map(townRequest),
    ...labelled.filter((p) => p.kind !== 'capital').map(townRequest),
  ];
  const { placed, dropped, reasons } = placeLabels(requests, { points, polylines }, range);
  const dots = labelled.map((p) => ({ id: p.id, at: at(p), capital: p.kind === 'capital' }));
  return { placed, dropped, reasons, dots, keys };
}

function drawStateLabels(layout: StateLabelLayout, unitsPerPx: number): string[] {
  const dots = layout.dots.map((d) =>
    pixelBox(d.at.x, d.at.y, unitsPerPx, el('circle', { class: classes('map-town', d.capital && 'is-capital'), 'data-place': d.id, r: d.capital ? CAPITAL_RADIUS_PX : TOWN_RADIUS_PX })),
  );
  const labels = layout.placed.map((label) => {
    const key = layout.keys.get(label.id);
    const leader = label.leader
      ? el('line', { class: 'map-leader', x1: round(label.leader.x1), y1: round(label.leader.y1), x2: round(label.leader.x2), y2: round(label.leader.y2) })
      : '';
    const x = round(label.dx);
    const text = el(
      'text',
      {
        class: key?.className,
        [key?.attr ?? 'data-label']: key?.value,
        x,
        y: round(label.dy),
        'font-size': label.fontPx,
        'text-anchor': label.textAnchor === 'start' ? undefined : label.textAnchor,
      },
      label.lines.length === 1
        ? escapeXml(label.lines[0] ?? '')
        : label.lines.map((line, i) => el('tspan', { x, dy: i === 0 ? undefined : `${LINE_HEIGHT_EM}em` }, escapeXml(line))),
    );
    return pixelBox(label.anchor.x, label.anchor.y, unitsPerPx, leader + text);
  });
  return [...dots, ...labels];
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
  '.map-leader{stroke:#1b1b1b;stroke-width:1}',
  '.map-marker-attack{fill:#b42318;stroke:#fff;stroke-width:.8}',
  '.map-marker-convoy{fill:#1f6f5c;stroke:#fff;stroke-width:.8}',
  '.is-off{display:none}',
].join('');

