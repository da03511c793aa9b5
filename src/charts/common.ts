/**
 * Shared pieces of the chart renderers: the root <svg>, the mark and label
 * attributes the browser toggles, partial-date periods, number formats and
 * a small legend. Everything returns strings; nothing touches a DOM.
 */
import { parsePartialDate, type DatePrecision } from '../data/dates';
import { formatNumber as formatLocaleNumber } from '../data/format';
import { textOf } from '../i18n/data-text';
import type { Locale } from '../i18n/locale';
import { frenchTypography } from '../i18n/typography';
import { attrs, classes, el, escapeXml, type Attrs, type Size } from '../lib/svg';
import type { ChartKind, ChartRenderOptions, ChartState } from './chart-state';
import { STANDALONE_CHART_CSS } from './standalone-css';

/** Text is drawn at this size in user units; layouts adapt to the width instead of scaling text. */
export const FONT_SIZE = 14;
export const SMALL_FONT_SIZE = 13;
export const LINE_HEIGHT = 18;
/** Line height for text at SMALL_FONT_SIZE in the compact (narrow) layouts. */
export const SMALL_LINE_HEIGHT = 16;
/**
 * At this width or less a chart uses its narrow layout: the phone panel, 320 ×
 * 372 units, where a chart must fit the height it is given (text at 13–14
 * units) instead of growing, since a taller SVG is scaled down until unreadable.
 */
export const NARROW_WIDTH = 420;

export function isNarrow(size: Size): boolean {
  return size.width <= NARROW_WIDTH;
}
/**
 * Advance widths in em, per character, of DejaVu Sans: what system-ui is on
 * Linux, and wider than Roboto, San Francisco or Segoe UI, so a label laid out
 * with these widths fits on every reader's screen. An average per character
 * (0.57 em) was too narrow for digits and capitals: labels laid out apart
 * touched in the browser (issue 11).
 */
const CHAR_EM: Record<string, number> = {
  // The no-break spaces of French ("1 300", "38,4 %", "date :") count as a full space, so an estimate errs wide.
  ' ': 0.318, '\u00a0': 0.318, '\u202f': 0.318, '«': 0.557, '»': 0.557, '.': 0.318, ',': 0.318, ':': 0.337, ';': 0.337, '!': 0.401, "'": 0.275, '’': 0.318, '“': 0.518, '”': 0.518,
  '-': 0.361, '–': 0.5, '—': 1, '…': 1, '·': 0.318, '(': 0.39, ')': 0.39, '/': 0.337, '%': 0.95, '+': 0.838, '−': 0.838,
  '×': 0.838, '&': 0.78, '<': 0.838, '>': 0.838, '"': 0.46, '?': 0.531, '|': 0.337,
  a: 0.613, b: 0.635, c: 0.55, d: 0.635, e: 0.615, f: 0.352, g: 0.635, h: 0.634, i: 0.278, j: 0.278, k: 0.579, l: 0.278, m: 0.974,
  n: 0.634, o: 0.612, p: 0.635, q: 0.635, r: 0.411, s: 0.521, t: 0.392, u: 0.634, v: 0.592, w: 0.818, x: 0.592, y: 0.592, z: 0.525,
  A: 0.684, B: 0.686, C: 0.698, D: 0.77, E: 0.632, F: 0.575, G: 0.775, H: 0.752, I: 0.295, J: 0.295, K: 0.656, L: 0.557, M: 0.863,
  N: 0.748, O: 0.787, P: 0.603, Q: 0.787, R: 0.695, S: 0.635, T: 0.611, U: 0.732, V: 0.684, W: 0.989, X: 0.685, Y: 0.611, Z: 0.685,
};
/** French letters with no base letter to fall back on (DejaVu Sans). */
CHAR_EM['œ'] = 0.995;
CHAR_EM['Œ'] = 1.07;
const DIGIT_EM = 0.636;
const OTHER_EM = 0.65;
/** DejaVu Sans Bold against Book (the charts' 600 and 700 both draw in it). */
const BOLD_FACTOR = 1.1;

function charEm(ch: string): number {
  if (ch >= '0' && ch <= '9') return DIGIT_EM;
  // An accented letter is as wide as its base letter: "é" as "e".
  return CHAR_EM[ch] ?? CHAR_EM[ch.normalize('NFD')[0] ?? ''] ?? OTHER_EM;
}

export const DAY_MS = 86_400_000;

export function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export function clamp(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, n));
}

/** The width `text` takes at `fontSize`, by the widths above. */
export function textWidth(text: string, fontSize = FONT_SIZE, bold = false): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * fontSize * (bold ? BOLD_FACTOR : 1);
}

/** Greedy word wrap to a width (by textWidth); a word wider than the width is cut. */
export function wrapToWidth(text: string, width: number, fontSize = FONT_SIZE, bold = false): string[] {
  const average = textWidth('abcdefghijklmnopqrstuvwxyz ', fontSize, bold) / 27;
  let maxChars = Math.max(4, Math.floor(width / average));
  // Character counts stand in for widths in wrapText; narrow the count until every line fits.
  for (;;) {
    const lines = wrapText(text, maxChars);
    if (maxChars <= 4 || lines.every((l) => textWidth(l, fontSize, bold) <= width)) return lines;
    maxChars -= 1;
  }
}

/**
 * A data row's words as a graphic shows them: the row's own field in English, its `_fr` twin in French with
 * French typography (’ for ', a narrow no-break space before : ; ! ?). An empty field gives ''.
 */
export function dataText<R extends object, F extends keyof R & string>(row: R, field: F, locale: Locale): string {
  const value = row[field] === undefined || row[field] === null || row[field] === '' ? '' : textOf(row, field, locale);
  const text = String(value ?? '');
  // French keeps a number with its short unit on one line: "1 km", "6 h".
  return locale === 'fr' ? frenchTypography(text).replace(/(\d) (?=(?:km|h|kg|t|l)(?!\p{L}))/gu, '$1\u00a0') : text;
}

/** 1500 → "1,500"; 4.5 → "4.5". French: "1 500" (a narrow no-break space), "4,5". */
export function formatNumber(n: number, locale: Locale = 'en'): string {
  if (locale === 'fr') return `${n < 0 ? '−' : ''}${formatLocaleNumber(Math.abs(n), 'fr')}`;
  const [int = '', frac] = String(Math.abs(n)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '−' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** "1,500" or "1,500–2,000" (French "1 500–2 000": a chart's label has no room for "de … à …"). */
export function formatRange(min: number, max: number, locale: Locale = 'en'): string {
  return min === max ? formatNumber(min, locale) : `${formatNumber(min, locale)}–${formatNumber(max, locale)}`;
}

/** The stretch of time a partial date covers, in UTC milliseconds; `end` is exclusive. */
export interface Period {
  start: number;
  end: number;
  precision: DatePrecision;
}

export function periodOf(value: string): Period {
  const p = parsePartialDate(value);
  if (!p) throw new Error(`not a valid date: "${value}"`);
  if (p.precision === 'year') return { start: Date.UTC(p.year, 0, 1), end: Date.UTC(p.year + 1, 0, 1), precision: 'year' };
  const month = (p.month ?? 1) - 1;
  if (p.precision === 'month') return { start: Date.UTC(p.year, month, 1), end: Date.UTC(p.year, month + 1, 1), precision: 'month' };
  const start = Date.UTC(p.year, month, p.day ?? 1);
  return { start, end: start + DAY_MS, precision: 'day' };
}

/** From the start of `from`'s period to the end of `to`'s (or of `from`'s when there is no `to`). */
export function spanOf(from: string, to?: string): Period {
  const a = periodOf(from);
  if (!to) return a;
  const b = periodOf(to);
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end), precision: a.precision };
}

/** Greedy word wrap; a word longer than the width is cut rather than overflowing. */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  // Only ordinary spaces break a line: a no-break space keeps "1 300" and "2025 :" together.
  for (const raw of text.trim().split(/[ \t\n\r]+/)) {
    let word = raw;
    while (word.length > maxChars) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(word.slice(0, maxChars - 1) + '-');
      word = word.slice(maxChars - 1);
    }
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The longest start of `text` that fits `width`, with an ellipsis if cut; whole words when it can. */
export function truncateToWidth(text: string, width: number, fontSize = FONT_SIZE, bold = false): string {
  if (textWidth(text, fontSize, bold) <= width) return text;
  const maxChars = Math.max(1, Math.floor(width / textWidth('x', fontSize, bold)) - 1);
  const cut = text.slice(0, maxChars);
  const space = cut.lastIndexOf(' ');
  const kept = space > maxChars * 0.6 ? cut.slice(0, space) : cut;
  return `${kept.replace(/[\s,;:·–-]+$/, '')}…`;
}

/** Wraps to at most `maxLines` lines; the last line kept ends with an ellipsis when text was left out. */
export function wrapLines(text: string, maxChars: number, maxLines: number): string[] {
  const lines = wrapText(text, maxChars);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const rest = lines.slice(maxLines - 1).join(' ');
  const last = rest.length > maxChars - 1 ? rest.slice(0, maxChars - 1) : rest;
  const space = last.lastIndexOf(' ');
  const cut = space > (maxChars - 1) * 0.6 ? last.slice(0, space) : last;
  kept[maxLines - 1] = `${cut.replace(/[\s,;:·–-]+$/, '')}…`;
  return kept;
}

/**
 * A number the schema requires. (Until the row types say so, a required
 * numeric cell is typed `number | undefined`; this keeps the charts honest
 * either way: a missing number stops the build instead of being drawn as 0.)
 */
export function required(value: number | undefined, what: string): number {
  if (value === undefined || !Number.isFinite(value)) throw new Error(`${what} is missing`);
  return value;
}

export function uniqueSources(rows: readonly { source_ids: string[] }[]): string[] {
  return [...new Set(rows.flatMap((r) => r.source_ids))];
}

/** What a state asks of a renderer, in the form the renderers use. */
export interface MarkContext {
  interactive: boolean;
  groups: Set<string>;
  highlight: Set<string>;
}

export function markContext(state: ChartState, options: ChartRenderOptions): MarkContext {
  return { interactive: options.mode === 'interactive', groups: new Set(state.groups), highlight: new Set(state.highlight) };
}

export function groupShown(ctx: MarkContext, group: string): boolean {
  return ctx.groups.size === 0 || ctx.groups.has(group);
}

/** Interactive charts draw every mark; static ones only the marks the state shows. */
export function keepGroup(ctx: MarkContext, group: string): boolean {
  return ctx.interactive || groupShown(ctx, group);
}

/** Attributes of a mark (or its <g>): what the browser toggles. */
export function markAttrs(ctx: MarkContext, group: string, id: string, ...extra: (string | false | undefined)[]): Attrs {
  return {
    class: classes('chart-mark', ...extra, !groupShown(ctx, group) && 'is-off', ctx.highlight.has(id) && 'is-highlighted'),
    'data-group': group,
    'data-mark': id,
  };
}

/**
 * Attributes of a label shown only while its row is highlighted, or null
 * when a static chart should leave it out. Like the browser, this looks at
 * the highlight only, not at the mark's group.
 */
export function conditionalLabelAttrs(ctx: MarkContext, id: string, ...extra: (string | false | undefined)[]): Attrs | null {
  const on = ctx.highlight.has(id);
  if (!on && !ctx.interactive) return null;
  return { class: classes('chart-label', 'chart-label--conditional', ...extra, !on && 'is-off'), 'data-label-for': id };
}

/** A <text> of one or more lines; `x`/`y` is the first baseline. */
export function textLines(
  lines: string[],
  x: number,
  y: number,
  values: Attrs = {},
  lineHeight = LINE_HEIGHT,
): string {
  if (lines.length === 1) return el('text', { ...values, x: round(x), y: round(y) }, escapeXml(lines[0] ?? ''));
  return el(
    'text',
    { ...values, x: round(x), y: round(y) },
    lines.map((line, i) => el('tspan', { x: round(x), dy: i === 0 ? undefined : lineHeight }, escapeXml(line))),
  );
}

export function line(x1: number, y1: number, x2: number, y2: number, cls: string, extra: Attrs = {}): string {
  return `<line${attrs({ class: cls, x1: round(x1), y1: round(y1), x2: round(x2), y2: round(y2), ...extra })}/>`;
}

export function rect(x: number, y: number, width: number, height: number, cls: string, extra: Attrs = {}): string {
  return `<rect${attrs({ class: cls, x: round(x), y: round(y), width: round(Math.max(0, width)), height: round(Math.max(0, height)), ...extra })}/>`;
}

export function circle(cx: number, cy: number, r: number, cls: string, extra: Attrs = {}): string {
  return `<circle${attrs({ class: cls, cx: round(cx), cy: round(cy), r: round(r), ...extra })}/>`;
}

export interface LegendItem {
  /** Draws the key, centred on (cx, cy), at most 16 units wide. */
  swatch: (cx: number, cy: number) => string;
  text: string;
}

export interface LegendStyle {
  fontSize: number;
  rowHeight: number;
  /** Space between items on a row. */
  gap: number;
  /** From an item's left edge to its text; the swatch is centred 8 units in. */
  textOffset: number;
}

const LEGEND_STYLE: LegendStyle = { fontSize: FONT_SIZE, rowHeight: 22, gap: 16, textOffset: 21 };
/** The narrow layouts' legend: smaller text, tighter rows. */
export const COMPACT_LEGEND: LegendStyle = { fontSize: SMALL_FONT_SIZE, rowHeight: 20, gap: 10, textOffset: 21 };

/** Legend items flowed left to right, wrapping to new rows within `maxWidth`; `width` is the widest row drawn. */
export function flowLegend(
  items: LegendItem[],
  x: number,
  y: number,
  maxWidth: number,
  style: LegendStyle = LEGEND_STYLE,
): { svg: string; height: number; width: number } {
  const { fontSize, rowHeight, gap, textOffset } = style;
  let cx = x;
  let row = 0;
  let right = x;
  const parts: string[] = [];
  for (const item of items) {
    const width = textOffset + 1 + textWidth(item.text, fontSize);
    if (cx > x && cx + width > x + maxWidth) {
      cx = x;
      row += 1;
    }
    const cy = y + row * rowHeight + rowHeight / 2;
    parts.push(item.swatch(cx + 8, cy));
    parts.push(
      el(
        'text',
        { class: 'chart-legend-text', x: round(cx + textOffset), y: round(cy + fontSize * 0.35), 'font-size': fontSize === FONT_SIZE ? undefined : fontSize },
        escapeXml(item.text),
      ),
    );
    right = Math.max(right, cx + width);
    cx += width + gap;
  }
  return {
    svg: items.length ? el('g', { class: 'chart-legend' }, parts) : '',
    height: items.length ? (row + 1) * rowHeight : 0,
    width: right - x,
  };
}

/** The root element every chart shares. */
export function chartSvg(kind: ChartKind, box: Size, options: ChartRenderOptions, ctx: MarkContext, body: string[], extra: Attrs = {}): string {
  const titleId = `${options.idPrefix}-title`;
  const interactive = options.mode === 'interactive';
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: classes('chart', `chart-${kind}`, interactive && ctx.highlight.size > 0 && 'has-highlight'),
      viewBox: `0 0 ${round(box.width)} ${round(box.height)}`,
      role: 'img',
      'aria-labelledby': titleId,
      'font-size': FONT_SIZE,
      'data-chart': kind,
      ...extra,
    },
    [
      el('title', { id: titleId }, escapeXml(options.title)),
      // A standalone file has no page stylesheet; it carries its own (light) colours,
      // and its own background, so it stays legible on a dark page or viewer.
      interactive ? '' : el('style', {}, STANDALONE_CHART_CSS),
      interactive ? '' : rect(0, 0, box.width, box.height, 'chart-bg'),
      ...body,
    ],
  );
}

/** A chart with no rows says so instead of drawing empty axes. */
export function emptyChart(kind: ChartKind, size: Size, options: ChartRenderOptions, message: string): string {
  return chartSvg(kind, size, options, { interactive: options.mode === 'interactive', groups: new Set(), highlight: new Set() }, [
    el('text', { class: 'chart-note', x: round(size.width / 2), y: round(size.height / 2), 'text-anchor': 'middle' }, escapeXml(message)),
  ]);
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** French month names as Intl writes them (CLDR): "janv." … "déc." and "janvier" … "décembre". */
let frenchMonths: { short: string[]; long: string[] } | undefined;

function frenchMonthNames(): { short: string[]; long: string[] } {
  const names = (month: 'short' | 'long') => {
    const format = new Intl.DateTimeFormat('fr', { month, timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, i) => format.format(new Date(Date.UTC(2025, i, 15))));
  };
  frenchMonths ??= { short: names('short'), long: names('long') };
  return frenchMonths;
}

export function monthName(month0: number, long = false, locale: Locale = 'en'): string {
  if (locale === 'fr') return (long ? frenchMonthNames().long : frenchMonthNames().short)[month0] ?? '';
  return (long ? LONG_MONTH_NAMES : MONTH_NAMES)[month0] ?? '';
}

/** UTC month starts m with from <= m < to. */
export function monthStarts(from: number, to: number): number[] {
  const d = new Date(from);
  let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  if (t < from) t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  const out: number[] = [];
  while (t < to) {
    out.push(t);
    const m = new Date(t);
    t = Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1);
  }
  return out;
}
