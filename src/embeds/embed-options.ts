/**
 * Render options of an embed page, read from its query string:
 *
 *   theme=auto|light|dark   colours: follow the reader's system (default), or force one
 *   plain=1                 no title, subtitle or footer: the host page writes its own
 *   static=1                no interaction: no share control, no transitions
 *   step=<id>               which of the story's states the graphic shows: a story step id
 *                           (e.g. step=convoys-burned) or a graphic state name; only the
 *                           states this embed shows are accepted
 *
 * Reading never throws and never passes raw input through, like the scenario
 * explorer's parameters (src/scenarios/url-state.ts, whose length-capped,
 * decode-safe splitter is reused here): every value is matched against a
 * closed set and the result is rebuilt from our own constants or from the
 * caller's list of steps, so nothing from the address reaches the page.
 *   - Unknown parameters and malformed values are ignored (the default is kept).
 *   - A repeated parameter: the first occurrence wins, even if it is malformed.
 *   - Keys are compared as strings, never used to index an object.
 *   - Values are matched case-insensitively, after trimming; booleans accept
 *     1/0, yes/no, y/n, true/false, on/off.
 */
import { parseQuery, type ParamList } from '../scenarios/url-state';

export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export interface EmbedOptions {
  readonly theme: Theme;
  readonly plain: boolean;
  readonly static: boolean;
  /** One of the accepted steps (the caller's own string), or null for the default. */
  readonly step: string | null;
}

export const DEFAULT_EMBED_OPTIONS: EmbedOptions = Object.freeze({ theme: 'auto', plain: false, static: false, step: null });

const TRUE_WORDS = ['1', 'yes', 'y', 'true', 'on'];
const FALSE_WORDS = ['0', 'no', 'n', 'false', 'off'];
const STEP_FORM = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_STEP_LENGTH = 64;

function firstValue(params: ParamList, key: string): string | undefined {
  for (const [k, v] of params) if (k === key) return v;
  return undefined;
}

function readBoolean(raw: string | undefined): boolean | undefined {
  if (raw === undefined) return undefined;
  const word = raw.trim().toLowerCase();
  if (TRUE_WORDS.includes(word)) return true;
  if (FALSE_WORDS.includes(word)) return false;
  return undefined;
}

function readTheme(raw: string | undefined): Theme | undefined {
  if (raw === undefined) return undefined;
  const word = raw.trim().toLowerCase();
  return THEMES.find((t) => t === word);
}

function readStep(raw: string | undefined, steps: readonly string[]): string | null {
  if (raw === undefined) return null;
  const word = raw.trim().toLowerCase();
  if (word.length > MAX_STEP_LENGTH || !STEP_FORM.test(word)) return null;
  return steps.find((s) => s === word) ?? null;
}

/** The parser without its safety net; every step is total, and the fuzz tests call it directly. */
export function readEmbedOptions(search: string, steps: readonly string[] = []): EmbedOptions {
  if (typeof search !== 'string') return DEFAULT_EMBED_OPTIONS;
  const params = parseQuery(search);
  return {
    theme: readTheme(firstValue(params, 'theme')) ?? DEFAULT_EMBED_OPTIONS.theme,
    plain: readBoolean(firstValue(params, 'plain')) ?? DEFAULT_EMBED_OPTIONS.plain,
    static: readBoolean(firstValue(params, 'static')) ?? DEFAULT_EMBED_OPTIONS.static,
    step: readStep(firstValue(params, 'step'), Array.isArray(steps) ? steps : []),
  };
}

/** Reads the options from a query string (with or without "?"). Never throws. */
export function parseEmbedOptions(search: string, steps: readonly string[] = []): EmbedOptions {
  try {
    return readEmbedOptions(search, steps);
  } catch {
    return DEFAULT_EMBED_OPTIONS;
  }
}

/** The query string for a set of options, "" for the defaults: what the share control writes. */
export function embedQuery(options: Partial<EmbedOptions>): string {
  const parts: string[] = [];
  if (options.theme && options.theme !== 'auto' && THEMES.includes(options.theme)) parts.push(`theme=${options.theme}`);
  if (options.plain) parts.push('plain=1');
  if (options.static) parts.push('static=1');
  if (options.step && STEP_FORM.test(options.step) && options.step.length <= MAX_STEP_LENGTH) parts.push(`step=${options.step}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/**
 * The query an embed's language link carries to the same graphic in the other language: the
 * options read from `search`, written back normalised and in the order the address gave them
 * ("?step=x&theme=dark" stays so, "?Theme=DARK&utm=1" becomes "?theme=dark"). Nothing of the
 * address passes through but what embedQuery would write. Never throws.
 */
export function carriedEmbedQuery(search: string, steps: readonly string[] = []): string {
  const options = parseEmbedOptions(search, steps);
  const written = embedQuery(options).replace(/^\?/, '').split('&').filter(Boolean);
  let order: string[] = [];
  try {
    order = parseQuery(search).map(([key]) => key);
  } catch {
    // The parser is total; should it ever throw, the options keep embedQuery's order.
  }
  const position = (part: string) => {
    const at = order.indexOf(part.slice(0, part.indexOf('=')));
    return at === -1 ? order.length : at;
  };
  const ordered = written.map((part, i) => ({ part, at: position(part), i })).sort((a, b) => a.at - b.at || a.i - b.i);
  return ordered.length > 0 ? `?${ordered.map((p) => p.part).join('&')}` : '';
}
