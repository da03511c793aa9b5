/**
 * School closures as calendar months (weeks start on Monday): closed days
 * filled, the day schools reopened outlined, the day the closure was
 * announced marked with a dot. Days are computed in UTC, so the calendar
 * does not depend on the build machine's time zone.
 *
 * A date known only to the month (or year) cannot pick out a day: a closure
 * bound given that way fills the whole period in a paler shade, and a
 * reopening or announcement given that way is not drawn (the table keeps it).
 */
import type { SchoolClosure } from '../data/schema';
import { formatDate } from '../data/dates';
import type { Locale } from '../i18n/locale';
import { t } from '../i18n/strings';
import { el, escapeXml, type Size } from '../lib/svg';
import type { ChartRenderOptions, ChartState, ChartTable } from './chart-state';
import {
  COMPACT_LEGEND,
  DAY_MS,
  FONT_SIZE,
  LINE_HEIGHT,
  SMALL_FONT_SIZE,
  SMALL_LINE_HEIGHT,
  chartSvg,
  circle,
  clamp,
  conditionalLabelAttrs,
  emptyChart,
  flowLegend,
  isNarrow,
  keepGroup,
  markAttrs,
  markContext,
  monthName,
  periodOf,
  rect,
  round,
  textLines,
  uniqueSources,
  wrapToWidth,
  type LegendItem,
  dataText,
} from './common';

const MIN_CELL = 28;
const MAX_CELL = 46;
const CELL_GAP = 3;
const MONTH_GAP = 24;
const MONTH_HEADER = 46;
/**
 * The narrow layout fits the height it is given: months side by side with
 * smaller cells when stacking them would not fit, tighter gaps and headers.
 */
const NARROW = { minCell: 17, cellGap: 2, monthGap: 12, monthHeader: 40 };

interface ClosureDays {
  closure: SchoolClosure;
  closed: { day: number; uncertain: boolean }[];
  reopen?: number;
  announced?: number;
}

function dayOrUndefined(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const p = periodOf(value);
  return p.precision === 'day' ? p.start : undefined;
}

export function closureDays(c: SchoolClosure): ClosureDays {
  const from = periodOf(c.start_date);
  const to = periodOf(c.end_date);
  if (to.end <= from.start) throw new Error(`school closure "${c.id}": end_date ${c.end_date} is before start_date ${c.start_date}`);
  const closed: ClosureDays['closed'] = [];
  for (let day = from.start; day < to.end; day += DAY_MS) {
    const uncertain = (from.precision !== 'day' && day < from.end) || (to.precision !== 'day' && day >= to.start);
    closed.push({ day, uncertain });
  }
  const out: ClosureDays = { closure: c, closed };
  const reopen = dayOrUndefined(c.reopen_date);
  const announced = dayOrUndefined(c.announced);
  if (reopen !== undefined) out.reopen = reopen;
  if (announced !== undefined) out.announced = announced;
  return out;
}

/**
 * "All schools nationwide: closed 27 Oct 2025 – 9 Nov 2025; reopened 10 Nov 2025; announced 26 Oct 2025".
 * French: "Toutes les écoles… : fermées du 27 oct. 2025 au 9 nov. 2025 ; réouverture le 10 nov. 2025 ; annonce le 26 oct. 2025".
 */
export function closureLabel(c: SchoolClosure, locale: Locale = 'en'): string {
  const date = (d: string) => formatDate(d, 'short', locale);
  const parts = [t(locale, 'graphics.cal.label.closed', { scope: dataText(c, 'scope', locale), from: date(c.start_date), to: date(c.end_date) })];
  if (c.reopen_date) parts.push(t(locale, 'graphics.cal.label.reopened', { date: date(c.reopen_date) }));
  if (c.announced) parts.push(t(locale, 'graphics.cal.label.announced', { date: date(c.announced) }));
  return parts.join(locale === 'fr' ? '\u202f; ' : '; ');
}

function monthsSpanned(closures: readonly SchoolClosure[]): number[] {
  const dates = closures.flatMap((c) => [c.start_date, c.end_date, c.reopen_date, c.announced]).filter((d): d is string => Boolean(d));
  const periods = dates.map(periodOf);
  const first = new Date(Math.min(...periods.map((p) => p.start)));
  const last = new Date(Math.max(...periods.map((p) => p.end)) - DAY_MS);
  const months: number[] = [];
  for (let y = first.getUTCFullYear(), m = first.getUTCMonth(); y * 12 + m <= last.getUTCFullYear() * 12 + last.getUTCMonth(); m++) {
    if (m === 12) {
      m = 0;
      y++;
    }
    months.push(Date.UTC(y, m, 1));
  }
  return months;
}

/** Monday = 0 … Sunday = 6. */
function weekdayIndex(t: number): number {
  return (new Date(t).getUTCDay() + 6) % 7;
}

function daysIn(month: number): number {
  const d = new Date(month);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
}

function weeksIn(month: number): number {
  return Math.ceil((weekdayIndex(month) + daysIn(month)) / 7);
}

function sortRows(rows: readonly SchoolClosure[]): SchoolClosure[] {
  return [...rows].sort((a, b) => periodOf(a.start_date).start - periodOf(b.start_date).start || a.id.localeCompare(b.id));
}

export function renderSchoolCalendar(closures: SchoolClosure[], state: ChartState, size: Size, options: ChartRenderOptions): string {
  const ctx = markContext(state, options);
  const locale = options.locale ?? 'en';
  if (closures.length === 0) return emptyChart('school-calendar', size, options, t(locale, 'graphics.cal.empty'));
  const rows = sortRows(closures);
  const days = rows.map(closureDays);
  const W = size.width;
  const pad = 10;

  const legendItems: LegendItem[] = [];
  if (keepGroup(ctx, 'closed')) {
    legendItems.push({ swatch: (cx, cy) => rect(cx - 8, cy - 8, 16, 16, 'cal-closed-day'), text: t(locale, 'graphics.cal.legend.closed') });
    if (days.some((d) => d.closed.some((c) => c.uncertain))) {
      legendItems.push({ swatch: (cx, cy) => rect(cx - 8, cy - 8, 16, 16, 'cal-closed-day is-uncertain'), text: t(locale, 'graphics.cal.legend.uncertain') });
    }
  }
  if (keepGroup(ctx, 'reopen') && days.some((d) => d.reopen !== undefined)) {
    legendItems.push({ swatch: (cx, cy) => rect(cx - 7, cy - 7, 14, 14, 'cal-reopen-day'), text: t(locale, 'graphics.cal.legend.reopen') });
  }
  if (keepGroup(ctx, 'announced') && days.some((d) => d.announced !== undefined)) {
    legendItems.push({ swatch: (cx, cy) => circle(cx, cy, 4.5, 'cal-announced'), text: t(locale, 'graphics.cal.legend.announced') });
  }
  const narrow = isNarrow(size);
  const legend = flowLegend(legendItems, pad, 2, W - 2 * pad, narrow ? COMPACT_LEGEND : undefined);

  // Conditional labels: one slot per closure under the months.
  const labelSize = narrow ? SMALL_FONT_SIZE : FONT_SIZE;
  const labelLine = narrow ? SMALL_LINE_HEIGHT : LINE_HEIGHT;
  const labelled = rows.map((c) => ({ c, attrs: conditionalLabelAttrs(ctx, c.id, 'cal-label'), lines: wrapToWidth(closureLabel(c, locale), W - 2 * pad, labelSize, true) }));
  const labelHeight = labelled.reduce((h, l) => h + (l.attrs ? l.lines.length * labelLine + 6 : 0), 0);

  const cellGap = narrow ? NARROW.cellGap : CELL_GAP;
  const monthGap = narrow ? NARROW.monthGap : MONTH_GAP;
  const monthHeader = narrow ? NARROW.monthHeader : MONTH_HEADER;
  const months = monthsSpanned(rows);
  const gridTop = legend.height + (narrow ? 10 : 14);
  const layout = (perRow: number) => {
    const blockRows = Math.ceil(months.length / perRow);
    const widthCell = ((W - 2 * pad - (perRow - 1) * monthGap) / perRow - 6 * cellGap) / 7;
    const weeksPerBlockRow = Array.from({ length: blockRows }, (_, i) => Math.max(...months.slice(i * perRow, (i + 1) * perRow).map(weeksIn)));
    const totalWeeks = weeksPerBlockRow.reduce((a, b) => a + b, 0);
    const available = size.height - gridTop - labelHeight - 12 - blockRows * (monthHeader + 16);
    const heightCell = available / totalWeeks - cellGap;
    return { perRow, blockRows, widthCell, heightCell, weeksPerBlockRow, fit: Math.min(widthCell, heightCell, MAX_CELL) };
  };
  // Wide: as many months side by side as fit at the smallest legible cell size.
  // Narrow: whichever arrangement gives the largest cells within the height, stacked if about as good.
  let chosen = layout(Math.min(months.length, Math.max(1, Math.floor((W - 2 * pad + monthGap) / (7 * MIN_CELL + 6 * cellGap + monthGap)))));
  if (narrow) {
    for (let perRow = 2; perRow <= months.length; perRow++) {
      const next = layout(perRow);
      if (next.widthCell >= NARROW.minCell && next.fit > chosen.fit * 1.1) chosen = next;
    }
  }
  const { perRow, blockRows, widthCell, heightCell, weeksPerBlockRow } = chosen;
  const minCell = narrow ? NARROW.minCell : MIN_CELL;
  const cell = clamp(Math.min(widthCell, heightCell, MAX_CELL), Math.min(minCell, widthCell), MAX_CELL);
  const blockWidth = 7 * cell + 6 * cellGap;
  const rowWidth = perRow * blockWidth + (perRow - 1) * monthGap;
  const left = Math.max(pad, (W - rowWidth) / 2);
  const numberSize = cell >= 26 ? FONT_SIZE : SMALL_FONT_SIZE;
  // In a small cell the number sits a little high, leaving room under it for the announcement dot.
  const numberLift = cell >= 26 ? 0 : 1.5;
  // Two-letter weekday names need about 20 units; narrower cells get one letter.
  const weekdays = t(locale, cell >= 20 ? 'graphics.cal.weekdays' : 'graphics.cal.weekdayLetters').split(' ');

  const cellAt = new Map<number, { x: number; y: number }>();
  const base: string[] = [];
  // Day numbers, one per day, drawn over the marks with a halo in the background colour, so they read on
  // an empty day and on a filled one alike, whichever groups a state shows. (A second, light copy on each
  // filled day lay exactly on the first: two texts in one place.)
  const dayNumbers: string[] = [];
  let blockTop = gridTop;
  months.forEach((month, i) => {
    const col = i % perRow;
    const row = Math.floor(i / perRow);
    if (col === 0 && row > 0) blockTop += monthHeader + (weeksPerBlockRow[row - 1] ?? 6) * (cell + cellGap) + 16;
    const bx = left + col * (blockWidth + monthGap);
    const d = new Date(month);
    // A heading: French capitalises the month there ("Octobre 2025"), as English always does.
    const name = monthName(d.getUTCMonth(), true, locale);
    const title = `${name.charAt(0).toUpperCase()}${name.slice(1)} ${d.getUTCFullYear()}`;
    base.push(el('text', { class: 'cal-month-title', x: round(bx), y: round(blockTop + 16) }, escapeXml(title)));
    weekdays.forEach((w, k) =>
      base.push(
        el(
          'text',
          { class: 'cal-weekday', x: round(bx + k * (cell + cellGap) + cell / 2), y: round(blockTop + monthHeader - 8), 'text-anchor': 'middle', 'font-size': SMALL_FONT_SIZE },
          escapeXml(w),
        ),
      ),
    );
    const offset = weekdayIndex(month);
    for (let day = 1; day <= daysIn(month); day++) {
      const pos = offset + day - 1;
      const x = bx + (pos % 7) * (cell + cellGap);
      const y = blockTop + monthHeader + Math.floor(pos / 7) * (cell + cellGap);
      const t = month + (day - 1) * DAY_MS;
      cellAt.set(t, { x, y });
      base.push(rect(x, y, cell, cell, 'cal-day'));
      dayNumbers.push(el('text', { x: round(x + cell / 2), y: round(y + cell / 2 + numberSize * 0.35 - numberLift) }, String(day)));
    }
  });
  const gridBottom = blockTop + monthHeader + (weeksPerBlockRow[blockRows - 1] ?? 6) * (cell + cellGap);

  const closedMarks: string[] = [];
  const reopenMarks: string[] = [];
  const announcedMarks: string[] = [];
  // The announcement dot keeps clear of the day number: in the top corner of a large cell; in a small
  // one, where the number fills the width, a smaller dot under the (raised) number.
  const largeCell = cell >= 26;
  const dotR = largeCell ? 4.5 : 1.8;
  const dotAt = (at: { x: number; y: number }) =>
    largeCell ? { cx: at.x + cell - 6.5, cy: at.y + 6.5 } : { cx: at.x + cell / 2, cy: at.y + cell - dotR - 0.5 };
  for (const d of days) {
    const id = d.closure.id;
    if (keepGroup(ctx, 'closed')) {
      const parts = d.closed.flatMap(({ day, uncertain }) => {
        const at = cellAt.get(day);
        return at ? [rect(at.x, at.y, cell, cell, uncertain ? 'cal-closed-day is-uncertain' : 'cal-closed-day')] : [];
      });
      closedMarks.push(el('g', markAttrs(ctx, 'closed', id, 'cal-mark', 'cal-mark--closed'), parts));
    }
    const reopenAt = d.reopen === undefined ? undefined : cellAt.get(d.reopen);
    if (reopenAt && keepGroup(ctx, 'reopen')) {
      reopenMarks.push(el('g', markAttrs(ctx, 'reopen', id, 'cal-mark', 'cal-mark--reopen'), rect(reopenAt.x + 1.5, reopenAt.y + 1.5, cell - 3, cell - 3, 'cal-reopen-day')));
    }
    const announcedAt = d.announced === undefined ? undefined : cellAt.get(d.announced);
    if (announcedAt && keepGroup(ctx, 'announced')) {
      announcedMarks.push(
        el('g', markAttrs(ctx, 'announced', id, 'cal-mark', 'cal-mark--announced'), circle(dotAt(announcedAt).cx, dotAt(announcedAt).cy, dotR, 'cal-announced')),
      );
    }
  }

  let labelY = gridBottom + 14;
  const labels = labelled.flatMap(({ attrs, lines }) => {
    if (!attrs) return [];
    const svg = textLines(lines, pad, labelY + labelSize, narrow ? { ...attrs, 'font-size': labelSize } : attrs, labelLine);
    labelY += lines.length * labelLine + 6;
    return [svg];
  });
  // Cells stop growing at MAX_CELL: a taller box than the months need is left out rather than drawn empty.
  const height = labelY + 8;

  return chartSvg('school-calendar', { width: W, height }, options, ctx, [
    legend.svg,
    el('g', { class: 'cal-months' }, base),
    el('g', { class: 'chart-marks' }, [...closedMarks, ...reopenMarks]),
    el('g', { class: 'cal-day-num', 'text-anchor': 'middle', 'font-size': numberSize }, dayNumbers),
    // The announcement dot sits in its day's corner, over the number's halo.
    el('g', { class: 'chart-marks' }, announcedMarks),
    el('g', { class: 'chart-labels' }, labels),
  ]);
}

export function schoolCalendarTable(closures: SchoolClosure[], locale: Locale = 'en'): ChartTable {
  const rows = sortRows(closures);
  const date = (d: string) => formatDate(d, 'short', locale);
  return {
    caption: t(locale, 'graphics.cal.caption'),
    columns: [
      t(locale, 'graphics.cal.col.scope'),
      t(locale, 'graphics.cal.col.from'),
      t(locale, 'graphics.cal.col.until'),
      t(locale, 'graphics.cal.col.days'),
      t(locale, 'graphics.cal.col.reopened'),
      t(locale, 'graphics.cal.col.announced'),
    ],
    rows: rows.map((c) => {
      const from = periodOf(c.start_date);
      const to = periodOf(c.end_date);
      const exact = from.precision === 'day' && to.precision === 'day';
      return [
        dataText(c, 'scope', locale),
        date(c.start_date),
        date(c.end_date),
        exact ? Math.round((to.end - from.start) / DAY_MS) : '',
        c.reopen_date ? date(c.reopen_date) : '',
        c.announced ? date(c.announced) : '',
      ];
    }),
    sourceIds: uniqueSources(rows),
    rowSourceIds: rows.map((r) => r.source_ids),
  };
}
