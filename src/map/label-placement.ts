/**
 * Places the map's text at build time so that no two labels overlap and no
 * label covers a dot, marker or road it does not name, at every size the map
 * may be drawn at.
 *
 * Map text, dots and markers keep one size on screen (in CSS pixels) however
 * wide the map is drawn: the story panel and embeds counter-scale them. Only
 * the places move apart as the map grows. So a label is an offset, in
 * pixels, from its place; the map's scale s (pixels per map unit) decides
 * where the place is. For two pixel-sized boxes anchored at places a and b,
 * the scales at which they overlap form one interval (each edge condition is
 * linear in s), so a placement is checked exactly over the whole range of
 * scales, not at a few sample sizes. Roads are drawn in map units and scale
 * with the map; they are checked at sample scales across the range.
 *
 * The method is greedy with candidate positions: labels are taken in
 * priority order, each tries its candidates in order of preference (right of
 * the dot first, then the diagonals, left, above, below; notes further out,
 * with a leader line), and takes the first that is free. A label with no
 * free candidate is dropped and reported, never drawn over another.
 */
import { ASCENT_EM, DESCENT_EM, textWidth } from './text-width';

export interface Point { x: number; y: number }

/** A rectangle in pixels, relative to its anchor place. */
export interface Box { x0: number; y0: number; x1: number; y1: number }

export interface LabelRequest {
  id: string;
  /** The place the label names, in map units. */
  anchor: Point;
  lines: string[];
  fontPx: number;
  bold: boolean;
  /** A town's name sits next to its dot; a note may move further out, with a leader line. */
  kind: 'town' | 'note';
  /** Radius of the label's own dot in pixels: the label keeps clear of it. */
  ownRadiusPx: number;
}

/** Something drawn at a place with a fixed on-screen size: a town's dot, a marker. */
export interface PointObstacle { anchor: Point; box: Box; placeId?: string }

export interface Obstacles {
  points: PointObstacle[];
  /** Roads, in map units. */
  polylines: Point[][];
}

export interface PlacementRange {
  /** The area labels must stay inside, in map units. */
  bounds: { x: number; y: number; width: number; height: number };
  /** Pixels per map unit at the narrowest and the widest drawing. */
  minScale: number;
  maxScale: number;
}

export type TextAnchor = 'start' | 'middle' | 'end';

export interface PlacedLabel {
  id: string;
  anchor: Point;
  textAnchor: TextAnchor;
  /** Where the first line's baseline starts, in pixels from the anchor. */
  dx: number;
  dy: number;
  lineHeightPx: number;
  lines: string[];
  fontPx: number;
  bold: boolean;
  /** The text's box, in pixels from the anchor. */
  box: Box;
  /** A line from the place to a note set further out, in pixels from the anchor. */
  leader?: { x1: number; y1: number; x2: number; y2: number };
}

export interface PlacementResult {
  placed: PlacedLabel[];
  dropped: string[];
  /** For each dropped label, what stood in the way: other labels' ids, `dot:<place>`, `road`, `edge`, `leader`. */
  reasons: Map<string, string[]>;
}

export const LINE_HEIGHT_EM = 1.2;
/** Room kept around text for its halo and a little air. */
const PAD_PX = 2;
/** Scales at which roads and leader lines are checked, spread evenly in ratio across the range. */
const ROAD_SAMPLES = 16;

/** The scales s with lo < s < hi; empty when lo >= hi. */
type Interval = [lo: number, hi: number];

/** The scales at which c·s < d holds. */
function linearBelow(c: number, d: number): Interval {
  if (c > 0) return [-Infinity, d / c];
  if (c < 0) return [d / c, Infinity];
  return d > 0 ? [-Infinity, Infinity] : [0, 0];
}

function intersect(a: Interval, b: Interval): Interval {
  return [Math.max(a[0], b[0]), Math.min(a[1], b[1])];
}

/** Whether box A at place a and box B at place b overlap at some scale in [minScale, maxScale]. */
export function overlapsInRange(a: Point, boxA: Box, b: Point, boxB: Box, minScale: number, maxScale: number): boolean {
  // Overlap on x: a.x·s + A.x0 < b.x·s + B.x1 and b.x·s + B.x0 < a.x·s + A.x1; likewise on y.
  let s: Interval = [minScale, maxScale];
  s = intersect(s, linearBelow(a.x - b.x, boxB.x1 - boxA.x0));
  s = intersect(s, linearBelow(b.x - a.x, boxA.x1 - boxB.x0));
  s = intersect(s, linearBelow(a.y - b.y, boxB.y1 - boxA.y0));
  s = intersect(s, linearBelow(b.y - a.y, boxA.y1 - boxB.y0));
  // One scale only (a static figure): the interval test needs a point check.
  if (minScale === maxScale) return s[0] <= minScale && minScale <= s[1] && strictlyInside(a, boxA, b, boxB, minScale);
  return s[0] < s[1];
}

function strictlyInside(a: Point, boxA: Box, b: Point, boxB: Box, s: number): boolean {
  const A = absoluteBox(a, boxA, s);
  const B = absoluteBox(b, boxB, s);
  return A.x0 < B.x1 && B.x0 < A.x1 && A.y0 < B.y1 && B.y0 < A.y1;
}

/** Whether a box at place a stays inside the bounds at every scale of the range (linear in s: the ends suffice). */
function insideBounds(a: Point, box: Box, range: PlacementRange): boolean {
  const { bounds } = range;
  return [range.minScale, range.maxScale].every(
    (s) =>
      a.x * s + box.x0 >= bounds.x * s &&
      a.x * s + box.x1 <= (bounds.x + bounds.width) * s &&
      a.y * s + box.y0 >= bounds.y * s &&
      a.y * s + box.y1 <= (bounds.y + bounds.height) * s,
  );
}

export function sampleScales(range: Pick<PlacementRange, 'minScale' | 'maxScale'>): number[] {
  if (range.maxScale <= range.minScale) return [range.minScale];
  const ratio = range.maxScale / range.minScale;
  return Array.from({ length: ROAD_SAMPLES }, (_, i) => range.minScale * ratio ** (i / (ROAD_SAMPLES - 1)));
}

/** Whether the segment p–q crosses or touches the rectangle (Liang–Barsky clipping). */
export function segmentHitsRect(p: Point, q: Point, r: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const clips: [number, number][] = [
    [-dx, p.x - r.x0],
    [dx, r.x1 - p.x],
    [-dy, p.y - r.y0],
    [dy, r.y1 - p.y],
  ];
  for (const [pv, qv] of clips) {
    if (pv === 0) {
      if (qv < 0) return false;
      continue;
    }
    const t = qv / pv;
    if (pv < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
  }
  return t0 <= t1;
}

function absoluteBox(anchor: Point, box: Box, s: number): Box {
  return { x0: anchor.x * s + box.x0, y0: anchor.y * s + box.y0, x1: anchor.x * s + box.x1, y1: anchor.y * s + box.y1 };
}

function boxHitsRoads(anchor: Point, box: Box, roads: Point[][], scales: number[]): boolean {
  return scales.some((s) => {
    const abs = absoluteBox(anchor, box, s);
    return roads.some((road) =>
      road.some((p, i) => {
        const q = road[i + 1];
        return q !== undefined && segmentHitsRect({ x: p.x * s, y: p.y * s }, { x: q.x * s, y: q.y * s }, abs);
      }),
    );
  });
}

function leaderHitsBoxes(anchor: Point, leader: NonNullable<PlacedLabel['leader']>, others: { anchor: Point; box: Box }[], scales: number[]): boolean {
  return scales.some((s) =>
    others.some((o) => {
      const p = { x: anchor.x * s + leader.x1, y: anchor.y * s + leader.y1 };
      const q = { x: anchor.x * s + leader.x2, y: anchor.y * s + leader.y2 };
      return segmentHitsRect(p, q, absoluteBox(o.anchor, o.box, s));
    }),
  );
}

interface Candidate {
  textAnchor: TextAnchor;
  dx: number;
  dy: number;
  box: Box;
  leader?: PlacedLabel['leader'];
}

/** The text block's box for a given anchor and first baseline, padded. */
function textBox(textAnchor: TextAnchor, dx: number, dy: number, width: number, request: LabelRequest): Box {
  const f = request.fontPx;
  const x0 = textAnchor === 'start' ? dx : textAnchor === 'end' ? dx - width : dx - width / 2;
  const top = dy - ASCENT_EM * f;
  const bottom = dy + (request.lines.length - 1) * LINE_HEIGHT_EM * f + DESCENT_EM * f;
  return { x0: x0 - PAD_PX, y0: top - PAD_PX, x1: x0 + width + PAD_PX, y1: bottom + PAD_PX };
}

/** Directions around a place, in order of preference: right, the diagonals, left, above, below. */
const DIRECTIONS: { dirX: -1 | 0 | 1; dirY: -1 | 0 | 1 }[] = [
  { dirX: 1, dirY: 0 },
  { dirX: 1, dirY: -1 },
  { dirX: 1, dirY: 1 },
  { dirX: -1, dirY: 0 },
  { dirX: -1, dirY: -1 },
  { dirX: -1, dirY: 1 },
  { dirX: 0, dirY: -1 },
  { dirX: 0, dirY: 1 },
];

/**
 * Distances from the dot's edge at which a label may sit; beyond the first
 * it gets a leader line. A town's name tries next to its dot first and moves
 * out only where towns crowd; a note, a block of several lines, may go
 * further.
 */
const TOWN_DISTANCES_PX = [3, 9, 18, 30, 45];
const NOTE_DISTANCES_PX = [4, 14, 28, 44, 64, 90, 120];

function candidatesFor(request: LabelRequest): Candidate[] {
  const f = request.fontPx;
  const width = Math.max(...request.lines.map((line) => textWidth(line, f, request.bold)));
  const height = (request.lines.length - 1) * LINE_HEIGHT_EM * f + (ASCENT_EM + DESCENT_EM) * f;
  const distances = request.kind === 'note' ? NOTE_DISTANCES_PX : TOWN_DISTANCES_PX;
  const candidates: Candidate[] = [];
  for (const distance of distances) {
    const gap = request.ownRadiusPx + distance;
    for (const { dirX, dirY } of DIRECTIONS) {
      // A diagonal position sits a little closer in, so the text still reads as the dot's.
      const g = dirX !== 0 && dirY !== 0 ? gap * 0.75 : gap;
      const textAnchor: TextAnchor = dirX > 0 ? 'start' : dirX < 0 ? 'end' : 'middle';
      const dx = dirX * g;
      // Vertical: centred on the dot, or the whole block above or below it.
      const top = dirY === 0 ? -height / 2 : dirY < 0 ? -g - height : g;
      const dy = top + ASCENT_EM * f;
      const box = textBox(textAnchor, dx, dy, width, request);
      const candidate: Candidate = { textAnchor, dx, dy, box };
      if (distance > distances[0]!) {
        // From the dot's edge towards the nearest point of the text block.
        const nx = Math.max(box.x0, Math.min(0, box.x1));
        const ny = Math.max(box.y0, Math.min(0, box.y1));
        const length = Math.hypot(nx, ny);
        if (length > 0) {
          const r = request.ownRadiusPx + 1;
          candidate.leader = { x1: (nx / length) * r, y1: (ny / length) * r, x2: nx, y2: ny };
        }
      }
      candidates.push(candidate);
    }
  }
  return candidates;
}

export function placeLabels(requests: LabelRequest[], obstacles: Obstacles, range: PlacementRange): PlacementResult {
  const scales = sampleScales(range);
  const placed: PlacedLabel[] = [];
  const dropped: string[] = [];
  const reasons = new Map<string, string[]>();
  const sameAnchor = (a: Point, b: Point) => a.x === b.x && a.y === b.y;
  for (const request of requests) {
    // Why each candidate was refused, so a dropped label can be explained.
    const blockers = new Set<string>();
    const fits = (c: Candidate): boolean => {
      if (!insideBounds(request.anchor, c.box, range)) return void blockers.add('edge'), false;
      const label = placed.find((p) => overlapsInRange(request.anchor, c.box, p.anchor, p.box, range.minScale, range.maxScale));
      if (label) return void blockers.add(label.id), false;
      // Dots and markers of other places: a label never covers one. Its own place's are kept clear by ownRadiusPx.
      const point = obstacles.points.find(
        (o) => !sameAnchor(o.anchor, request.anchor) && overlapsInRange(request.anchor, c.box, o.anchor, o.box, range.minScale, range.maxScale),
      );
      if (point) return void blockers.add(`dot:${point.placeId ?? '?'}`), false;
      if (boxHitsRoads(request.anchor, c.box, obstacles.polylines, scales)) return void blockers.add('road'), false;
      // Leader lines, both ways: a new leader crosses no label or marker, a new label crosses no leader.
      const others = [...placed, ...obstacles.points.filter((o) => !sameAnchor(o.anchor, request.anchor))];
      if (c.leader && leaderHitsBoxes(request.anchor, c.leader, others, scales)) return void blockers.add('leader'), false;
      if (placed.some((p) => p.leader && leaderHitsBoxes(p.anchor, p.leader, [{ anchor: request.anchor, box: c.box }], scales))) {
        return void blockers.add('leader'), false;
      }
      return true;
    };
    const choice = candidatesFor(request).find(fits);
    if (!choice) {
      dropped.push(request.id);
      reasons.set(request.id, [...blockers]);
      continue;
    }
    placed.push({
      id: request.id,
      anchor: request.anchor,
      textAnchor: choice.textAnchor,
      dx: choice.dx,
      dy: choice.dy,
      lineHeightPx: LINE_HEIGHT_EM * request.fontPx,
      lines: request.lines,
      fontPx: request.fontPx,
      bold: request.bold,
      box: choice.box,
      ...(choice.leader ? { leader: choice.leader } : {}),
    });
  }
  return { placed, dropped, reasons };
}
