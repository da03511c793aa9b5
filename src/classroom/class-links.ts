/**
 * The class view's reading of pasted scenario links: one link per line, each
 * read with the explorer's own decoder (src/scenarios/url-state.ts), which
 * never throws and never passes raw input through. A line counts when it is a
 * link to the scenario explorer (or a bare query string) carrying an
 * estimate; anything else is ignored with a reason, and nothing from an
 * ignored line is ever shown back.
 *
 * Pure TypeScript with no DOM: the page's script and the unit tests share it.
 */
import { decode, type Estimate } from '../scenarios/url-state';
import { SCENARIO_IDS, type ScenarioId } from '../scenarios/model';

/** More lines than any class needs; the rest are ignored. */
export const MAX_LINES = 500;
/** A real explorer link is far shorter; longer lines are ignored unread. */
export const MAX_LINE_LENGTH = 2048;

export type IgnoredReason = 'not-a-link' | 'not-the-explorer' | 'no-estimate' | 'too-long' | 'too-many';

export interface ReadLine {
  /** 1-based line number in the pasted text. */
  line: number;
  estimate: Estimate;
}

export interface IgnoredLine {
  line: number;
  reason: IgnoredReason;
}

export interface ClassLinks {
  estimates: ReadLine[];
  ignored: IgnoredLine[];
}

/** "{n} links" with { n: 3 } is "3 links": the class view's words (class-view-words.ts) filled in the browser. A placeholder with no value is left as it is. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/gu, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

const EXPLORER_PATH = /\/scenarios(?:\/(?:index\.html)?)?$/;
const BARE_QUERY = /^\??[a-z]+=/i;
const HOST_FIRST = /^[a-z0-9.-]+(?::\d+)?\//i;

/** The query string of one pasted line, or why it cannot be a scenario link. */
export function queryOf(line: string): { query: string } | { reason: IgnoredReason } {
  const text = line.trim();
  if (text.length > MAX_LINE_LENGTH) return { reason: 'too-long' };
  if (BARE_QUERY.test(text)) return { query: text };
  let url: URL;
  try {
    url = new URL(HOST_FIRST.test(text) ? `https://${text}` : text);
  } catch {
    return { reason: 'not-a-link' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { reason: 'not-a-link' };
  if (!EXPLORER_PATH.test(url.pathname)) return { reason: 'not-the-explorer' };
  return { query: url.search };
}

/** Reads every non-empty line of the pasted text. Never throws. */
export function readClassLinks(text: string): ClassLinks {
  const estimates: ReadLine[] = [];
  const ignored: IgnoredLine[] = [];
  const lines = typeof text === 'string' ? text.split(/\r\n|\r|\n/) : [];
  let seen = 0;
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    seen++;
    if (seen > MAX_LINES) {
      ignored.push({ line, reason: 'too-many' });
      return;
    }
    const read = queryOf(raw);
    if ('reason' in read) {
      ignored.push({ line, reason: read.reason });
      return;
    }
    const state = decode(read.query);
    if (state.estimate === null) ignored.push({ line, reason: 'no-estimate' });
    else estimates.push({ line, estimate: state.estimate });
  });
  return { estimates, ignored };
}

export interface Spread {
  scenario: ScenarioId;
  /** Each student's points for this scenario, in the order the links were pasted. */
  values: number[];
  min: number;
  median: number;
  max: number;
}

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Per scenario: every student's points and their lowest, median and highest; empty when there are no estimates. */
export function spreadOf(estimates: readonly Estimate[]): Spread[] {
  if (estimates.length === 0) return [];
  return SCENARIO_IDS.map((scenario, i) => {
    const values = estimates.map((e) => e[i]!);
    const sorted = [...values].sort((a, b) => a - b);
    return { scenario, values, min: sorted[0]!, median: median(sorted), max: sorted[sorted.length - 1]! };
  });
}

/**
 * Where the dots of one scenario's row go: equal values are stacked, so a
 * class that agrees shows a tall pile rather than one dot. Returns, for each
 * value in order, its stack level (0, 1, 2…) and the tallest stack.
 */
export function stackLevels(values: readonly number[]): { levels: number[]; tallest: number } {
  const counts = new Map<number, number>();
  const levels = values.map((v) => {
    const level = counts.get(v) ?? 0;
    counts.set(v, level + 1);
    return level;
  });
  return { levels, tallest: Math.max(0, ...counts.values()) };
}
