/**
 * Keeping conditional labels apart and off the marks: each label gets a list
 * of candidate boxes with a cost (how far from its mark), and the cheapest
 * one that overlaps nothing wins; when every candidate overlaps something,
 * the one that overlaps least does. Deterministic: same input, same layout.
 */
import { line } from './common';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Candidate {
  box: Box;
  cost: number;
}

export function overlaps(a: Box, b: Box, gap = 2): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

export function overlapArea(a: Box, b: Box, gap = 0): number {
  const w = Math.min(a.x + a.width + gap, b.x + b.width + gap) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height + gap, b.y + b.height + gap) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function inside(box: Box, bounds: Box): boolean {
  return box.x >= bounds.x && box.y >= bounds.y && box.x + box.width <= bounds.x + bounds.width && box.y + box.height <= bounds.y + bounds.height;
}

/**
 * The best candidate: free of `taken` labels (weighted heavily) and of
 * `obstacles` such as marks (weighted lightly), inside `bounds`, cheapest.
 */
export function pickBox(
  candidates: readonly Candidate[],
  taken: readonly Box[],
  obstacles: readonly Box[] = [],
  bounds?: Box,
  obstacleWeight = 2,
  extraCost?: (box: Box) => number,
): Box {
  let best: Box | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (bounds && !inside(c.box, bounds)) continue;
    let score = c.cost;
    for (const t of taken) score += overlapArea(c.box, t, 4) * 10;
    for (const o of obstacles) score += overlapArea(c.box, o, 1) * obstacleWeight;
    if (extraCost && score < bestScore) score += extraCost(c.box);
    if (score < bestScore) {
      bestScore = score;
      best = c.box;
    }
  }
  return best ?? candidates[0]?.box ?? { x: 0, y: 0, width: 0, height: 0 };
}

/** The two ends of the leader `leader()` would draw, or undefined when it draws none. */
export function leaderEnds(from: Box, to: Box): [number, number, number, number] | undefined {
  const cx = (x: number, b: Box) => Math.max(b.x, Math.min(b.x + b.width, x));
  const cy = (y: number, b: Box) => Math.max(b.y, Math.min(b.y + b.height, y));
  const toX = cx(from.x + from.width / 2, to);
  const toY = cy(from.y + from.height / 2, to);
  const fromX = cx(toX, from);
  const fromY = cy(toY, from);
  return Math.hypot(toX - fromX, toY - fromY) < 8 ? undefined : [fromX, fromY, toX, toY];
}

/** How many of `boxes` the segment passes through (sampled; enough to steer labels). */
export function segmentCrossings(ends: [number, number, number, number] | undefined, boxes: readonly Box[]): number {
  if (!ends) return 0;
  const [x1, y1, x2, y2] = ends;
  let count = 0;
  for (const b of boxes) {
    for (let i = 1; i < 12; i++) {
      const x = x1 + ((x2 - x1) * i) / 12;
      const y = y1 + ((y2 - y1) * i) / 12;
      if (x > b.x && x < b.x + b.width && y > b.y && y < b.y + b.height) {
        count++;
        break;
      }
    }
  }
  return count;
}

/** A leader from the edge of `from` to the nearest edge of `to`, or '' when they nearly touch. */
export function leader(from: Box, to: Box, cls = 'chart-label-line'): string {
  const ends = leaderEnds(from, to);
  return ends ? line(...ends, cls) : '';
}

/**
 * Which conditional labels a reader can see at the same time. An interactive
 * chart is drawn once and shown in several states by toggling classes; each
 * state shows the labels of the rows it highlights. Labels that share a state
 * must keep apart; labels that never do may use the same space.
 *
 * Labels are placed in an order that does not depend on the state being
 * rendered (`rank`), so a static render of a state puts its labels exactly
 * where the interactive render, toggled to that state, shows them.
 */
export class CoVisibleLabels {
  private readonly sets: ReadonlySet<string>[];
  private readonly placed = new Map<string, Box>();
  private readonly unranked: Box[] = [];

  constructor(sets: readonly (readonly string[])[]) {
    this.sets = sets.filter((s) => s.length > 0).map((s) => new Set(s));
  }

  /** In some state's highlight: such labels are placed first, and apart from their companions. */
  ranked(id: string): boolean {
    return this.sets.some((s) => s.has(id));
  }

  /** The most labels any one state shows. */
  get largestSet(): number {
    return Math.max(0, ...this.sets.map((s) => s.size));
  }

  /**
   * Boxes a new label must keep clear of: for a ranked label, the placed
   * labels that share a state with it; for any other (shown only if a reader
   * highlights it some other way), every ranked label and the last `recent`
   * unranked ones, its nearest neighbours in placing order.
   */
  companions(id: string, recent = 0): Box[] {
    if (!this.ranked(id)) return [...this.placed.values(), ...(recent > 0 ? this.unranked.slice(-recent) : [])];
    const mine = this.sets.filter((s) => s.has(id));
    return [...this.placed].filter(([other]) => mine.some((s) => s.has(other))).map(([, box]) => box);
  }

  add(id: string, box: Box): void {
    if (this.ranked(id)) this.placed.set(id, box);
    else this.unranked.push(box);
  }
}

/** Ids sorted so that ranked labels come first; ties keep the given order. */
export function rankFirst<T>(items: readonly T[], id: (item: T) => string, labels: CoVisibleLabels): T[] {
  return [...items].sort((a, b) => Number(labels.ranked(id(b))) - Number(labels.ranked(id(a))));
}
