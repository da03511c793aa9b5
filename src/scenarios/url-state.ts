/**
 * The explorer's state in the URL, so that a reader or a class can share a
 * view with a link.
 *
 * Format (query string, readable, only what differs from the defaults):
 *
 *   v=1                 format version; written first whenever anything else is written
 *   c=i,iv              scenarios set side by side: 2 to 4 of i, ii, iii, iv (default: all four)
 *   p=iv,i              the two scenarios a phone compares, in the reader's order (A, then B): two
 *                       different ids. Default: the two of `c` when it holds exactly two, else I and II;
 *                       written only when it differs from that default
 *   escorts=no          the four assumption switches, each yes or no; written only when it
 *   reforms=yes         differs from the default (see DEFAULT_ASSUMPTIONS)
 *   dialogue=yes
 *   uncoordinated=yes
 *   e=40,10,10,40       the reader's own 100 points, in the order I, II, III, IV (default: none yet)
 *
 * The default state encodes to the empty string, so a plain link to the page
 * carries no parameters at all. Example: `?v=1&c=i,iv&p=iv,ii&reforms=yes&e=50,5,5,40`.
 *
 * Decoding never throws and never passes raw input through: every value is
 * checked against a closed set of allowed forms and rebuilt from our own
 * constants, so nothing the reader's link contains is echoed into the page.
 *   - Unknown parameters, malformed values and out-of-range numbers are ignored
 *     (the default is kept for that part of the state).
 *   - A repeated parameter: the first occurrence wins, even if it is malformed;
 *     later ones are ignored. This matches URLSearchParams.get().
 *   - Keys are matched by string comparison, never used to index an object, so
 *     `__proto__` or `constructor` are just unknown keys.
 *   - Input longer than MAX_QUERY_LENGTH is cut there and its last, possibly cut,
 *     parameter dropped; at most MAX_PARAMS parameters are read, and a single
 *     parameter longer than MAX_PARAM_LENGTH is skipped.
 *   - A pair that names one scenario twice, or anything but two ids, is ignored.
 *   - Values are matched case-insensitively (`c=I,IV` works). Assumptions also
 *     accept y/n, 1/0, true/false, on/off; encode always writes yes/no.
 *   - Versions: a link without `v` is read as the current version. A link from an
 *     older version is upgraded through MIGRATIONS; a link from a newer version
 *     than this code knows is read as far as it is understood.
 */
import {
  ASSUMPTION_IDS,
  SCENARIO_IDS,
  isScenarioId,
  sortScenarioIds,
  type Assumptions,
  type ScenarioId,
} from './model';

/** The two scenarios compared on a phone: A, then B, always two different ones. */
export type Pair = readonly [ScenarioId, ScenarioId];

/** A reader's own split: four whole numbers from 0 to 100 that add up to 100, in the order I, II, III, IV. */
export type Estimate = readonly [number, number, number, number];

export interface ExplorerState {
  /** Scenarios set side by side: 2 to 4 ids, in the order I, II, III, IV. */
  readonly compare: readonly ScenarioId[];
  /** The two scenarios the phone comparison shows, in the reader's order. */
  readonly pair: Pair;
  readonly assumptions: Assumptions;
  /** The reader's split of 100 points, or null before they make one. */
  readonly estimate: Estimate | null;
}

/**
 * The defaults describe the situation as the article saw it when it was
 * written (9 December 2025); data/scenario-assumptions.csv gives the reasons
 * with sources, and a unit test checks that the two agree.
 *   - escorts: yes. Escorted convoys under Fuga Kènè had brought more frequent
 *     deliveries to Bamako and fuel to Ségou (Scenario I section).
 *   - reforms: no. The article reports, from an anonymous member of the
 *     transitional council and an opposition figure, that no meaningful
 *     anti-fraud measures had been adopted (Scenario IV section).
 *   - dialogue: no. The article presents the 2020–21 channels as an option the
 *     junta could return to, not as reopened (Scenario II section).
 *   - uncoordinated: no. The article describes JNIM as more unified and
 *     coordinated than before, and more cohesive than the 2013 factions.
 * With these defaults the rule table points to I and IV, the two scenarios the
 * article's closing paragraph names.
 */
export const DEFAULT_ASSUMPTIONS: Assumptions = Object.freeze({
  escorts: true,
  reforms: false,
  dialogue: false,
  uncoordinated: false,
});

export const URL_VERSION = 1;
export const MAX_QUERY_LENGTH = 2048;
export const MAX_PARAMS = 32;
export const MAX_PARAM_LENGTH = 128;

/**
 * The pair a phone shows when the link names none: the two scenarios set side
 * by side when there are exactly two (so a link made on a wide screen shows the
 * same two on a phone), otherwise I and II, the first two the article sets out.
 */
export function defaultPair(compare: readonly ScenarioId[]): Pair {
  const [a, b] = compare;
  return compare.length === 2 && a !== undefined && b !== undefined && a !== b ? [a, b] : ['i', 'ii'];
}

export function defaultState(): ExplorerState {
  const compare = [...SCENARIO_IDS];
  return { compare, pair: defaultPair(compare), assumptions: { ...DEFAULT_ASSUMPTIONS }, estimate: null };
}

/** One decoded `key=value` pair. */
export type Param = readonly [key: string, value: string];
export type ParamList = readonly Param[];

/**
 * Upgrades the parameters of a link written under one version to the next.
 * MIGRATIONS.get(n) takes a version-n link one step up; the entry for the
 * current version is the identity and ends the chain. To introduce version 2:
 * replace entry 1 with the conversion from 1 to 2, add `[2, identity]` and set
 * URL_VERSION to 2. Links with v=1 then keep working.
 */
export type Migration = (params: ParamList) => ParamList;

const identity: Migration = (params) => params;

export const MIGRATIONS: ReadonlyMap<number, Migration> = new Map<number, Migration>([[1, identity]]);

export interface CodecConfig {
  readonly version: number;
  readonly migrations: ReadonlyMap<number, Migration>;
}

export const CODEC: CodecConfig = { version: URL_VERSION, migrations: MIGRATIONS };

// ---------------------------------------------------------------------------
// Checking a state

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function hasExactKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((k) => Object.prototype.hasOwnProperty.call(value, k));
}

export function isValidCompare(value: unknown): value is readonly ScenarioId[] {
  if (!Array.isArray(value) || value.length < 2 || value.length > SCENARIO_IDS.length) return false;
  if (!value.every(isScenarioId)) return false;
  const canonical = sortScenarioIds(value);
  return canonical.length === value.length && canonical.every((id, i) => id === value[i]);
}

export function isValidPair(value: unknown): value is Pair {
  return Array.isArray(value) && value.length === 2 && isScenarioId(value[0]) && isScenarioId(value[1]) && value[0] !== value[1];
}

export function isValidEstimate(value: unknown): value is Estimate {
  if (!Array.isArray(value) || value.length !== SCENARIO_IDS.length) return false;
  let sum = 0;
  for (const n of value) {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 100) return false;
    sum += n;
  }
  return sum === 100;
}

export function isValidAssumptions(value: unknown): value is Assumptions {
  if (!isPlainObject(value) || !hasExactKeys(value, ASSUMPTION_IDS)) return false;
  return ASSUMPTION_IDS.every((k) => typeof value[k] === 'boolean');
}

/** True for a well-formed state: the shape decode() always returns and encode() expects. */
export function isValidState(value: unknown): value is ExplorerState {
  if (!isPlainObject(value) || !hasExactKeys(value, ['compare', 'pair', 'assumptions', 'estimate'])) return false;
  return (
    isValidCompare(value.compare) &&
    isValidPair(value.pair) &&
    isValidAssumptions(value.assumptions) &&
    (value.estimate === null || isValidEstimate(value.estimate))
  );
}

// ---------------------------------------------------------------------------
// Encoding

function isDefaultCompare(compare: readonly ScenarioId[]): boolean {
  return compare.length === SCENARIO_IDS.length;
}

/**
 * The query string for a state, without the leading "?": only what differs
 * from the defaults, after `v=1`; the empty string for the default state.
 * Parts of the state that are not well formed are left out (so they read back
 * as defaults) rather than written.
 */
export function encode(state: ExplorerState): string {
  const parts: string[] = [];
  const compare = sortScenarioIds(state.compare.filter(isScenarioId));
  if (isValidCompare(compare) && compare.length === state.compare.length && !isDefaultCompare(compare)) {
    parts.push(`c=${compare.join(',')}`);
  }
  // The pair is written only when it differs from the one the link would give anyway (see defaultPair).
  const implied = defaultPair(isValidCompare(compare) && compare.length === state.compare.length ? compare : SCENARIO_IDS);
  if (isValidPair(state.pair) && (state.pair[0] !== implied[0] || state.pair[1] !== implied[1])) {
    parts.push(`p=${state.pair.join(',')}`);
  }
  for (const key of ASSUMPTION_IDS) {
    const value = state.assumptions[key];
    if (typeof value === 'boolean' && value !== DEFAULT_ASSUMPTIONS[key]) parts.push(`${key}=${value ? 'yes' : 'no'}`);
  }
  if (state.estimate !== null && isValidEstimate(state.estimate)) parts.push(`e=${state.estimate.join(',')}`);
  if (parts.length === 0) return '';
  return [`v=${URL_VERSION}`, ...parts].join('&');
}

/** `?…` for a link, or the empty string for the default state. */
export function toSearch(state: ExplorerState): string {
  const query = encode(state);
  return query ? `?${query}` : '';
}

// ---------------------------------------------------------------------------
// Decoding

function safeDecode(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** Splits a query string into decoded pairs, within the length limits. Never throws. */
export function parseQuery(input: string): Param[] {
  let text = input;
  if (text.length > MAX_QUERY_LENGTH) {
    text = text.slice(0, MAX_QUERY_LENGTH);
    const lastAmp = text.lastIndexOf('&');
    text = lastAmp >= 0 ? text.slice(0, lastAmp) : '';
  }
  const hash = text.indexOf('#');
  if (hash >= 0) text = text.slice(0, hash);
  if (text.startsWith('?')) text = text.slice(1);
  const params: Param[] = [];
  for (const piece of text.split('&', MAX_PARAMS)) {
    if (piece === '' || piece.length > MAX_PARAM_LENGTH) continue;
    const eq = piece.indexOf('=');
    const key = safeDecode(eq < 0 ? piece : piece.slice(0, eq));
    const value = safeDecode(eq < 0 ? '' : piece.slice(eq + 1));
    if (key === null || value === null) continue;
    params.push([key, value]);
  }
  return params;
}

function firstValue(params: ParamList, key: string): string | undefined {
  for (const [k, v] of params) if (k === key) return v;
  return undefined;
}

const VERSION_FORM = /^[0-9]{1,4}$/;

function readVersion(params: ParamList, config: CodecConfig): number {
  const raw = firstValue(params, 'v');
  if (raw === undefined || !VERSION_FORM.test(raw)) return config.version;
  return Number(raw);
}

/** Brings the parameters of a link written under `from` up to the current version. */
export function upgrade(params: ParamList, from: number, config: CodecConfig = CODEC): ParamList {
  // Newer than this code, or a version that never existed: read what is understood.
  if (from >= config.version || !config.migrations.has(from)) return params;
  let current = params;
  for (let v = from; v <= config.version; v++) {
    const step = config.migrations.get(v);
    if (!step) break;
    current = step(current);
  }
  return current;
}

const TRUE_WORDS = new Set(['yes', 'y', '1', 'true', 'on']);
const FALSE_WORDS = new Set(['no', 'n', '0', 'false', 'off']);

function readBoolean(raw: string | undefined): boolean | undefined {
  if (raw === undefined) return undefined;
  const word = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

const COMPARE_FORM = /^[a-z]{1,3}(?:,[a-z]{1,3}){1,3}$/;

function readCompare(raw: string | undefined): ScenarioId[] | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim().toLowerCase();
  if (!COMPARE_FORM.test(text)) return undefined;
  const ids = text.split(',');
  if (!ids.every(isScenarioId)) return undefined;
  const canonical = sortScenarioIds(ids);
  if (canonical.length !== ids.length) return undefined; // a scenario named twice
  return canonical;
}

const PAIR_FORM = /^[a-z]{1,3},[a-z]{1,3}$/;

function readPair(raw: string | undefined): Pair | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim().toLowerCase();
  if (!PAIR_FORM.test(text)) return undefined;
  const [a, b] = text.split(',');
  // Rebuilt from our own constants, so nothing of the input is kept.
  const first = SCENARIO_IDS.find((id) => id === a);
  const second = SCENARIO_IDS.find((id) => id === b);
  if (first === undefined || second === undefined || first === second) return undefined;
  return [first, second];
}

const ESTIMATE_FORM = /^[0-9]{1,3}(?:,[0-9]{1,3}){3}$/;

function readEstimate(raw: string | undefined): Estimate | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (!ESTIMATE_FORM.test(text)) return undefined;
  const [a, b, c, d] = text.split(',').map(Number);
  if (a === undefined || b === undefined || c === undefined || d === undefined) return undefined;
  const estimate: Estimate = [a, b, c, d];
  return isValidEstimate(estimate) ? estimate : undefined;
}

/**
 * The decoder without its safety net. Every step is total by construction,
 * and the fuzz tests call this directly so that a throwing step is caught by
 * the tests rather than hidden by decode()'s catch.
 */
export function readState(search: string, config: CodecConfig = CODEC): ExplorerState {
  if (typeof search !== 'string') return defaultState();
  const raw = parseQuery(search);
  const params = upgrade(raw, readVersion(raw, config), config);
  const compare = readCompare(firstValue(params, 'c')) ?? [...SCENARIO_IDS];
  const pair = readPair(firstValue(params, 'p')) ?? defaultPair(compare);
  const assumptions: Assumptions = {
    escorts: readBoolean(firstValue(params, 'escorts')) ?? DEFAULT_ASSUMPTIONS.escorts,
    reforms: readBoolean(firstValue(params, 'reforms')) ?? DEFAULT_ASSUMPTIONS.reforms,
    dialogue: readBoolean(firstValue(params, 'dialogue')) ?? DEFAULT_ASSUMPTIONS.dialogue,
    uncoordinated: readBoolean(firstValue(params, 'uncoordinated')) ?? DEFAULT_ASSUMPTIONS.uncoordinated,
  };
  const estimate = readEstimate(firstValue(params, 'e')) ?? null;
  return { compare, pair, assumptions, estimate };
}

/** Reads a state from a query string (with or without "?"). Never throws; always returns a valid state. */
export function decode(search: string, config: CodecConfig = CODEC): ExplorerState {
  try {
    return readState(search, config);
  } catch {
    // Not expected (readState is total, and the fuzz tests check it); kept so that a link can never break the page.
    return defaultState();
  }
}
