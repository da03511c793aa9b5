/**
 * Events from 2012 to early 2026 on one horizontal axis, one mark per event.
 * Most events fall in 2025, so the scale is broken: linear within each part,
 * with 2012–2024 in the left 45% and 2025 onwards in the right 55%; a gap,
 * a break symbol and a shaded band make the change of scale visible.
 *
 * A day is a dot; a month, a year or an event with an end date is a span
 * across the period it covers. Marks that would collide stack upwards, in
 * a deterministic order (date, then id).
 */
import type { TimelineEvent } from '../data/schema';
import { formatDate, formatDateRange, startOfDate } from '../data/dates';
import { AFTER_ARTICLE_FLAGS, ARTICLE_DATE, afterArticleCell, afterArticleSuffix, isAfterArticle } from '../data/currency';
import type { Locale } from '../i18n/locale';
import { t } from '../i18n/strings';
import { el, escapeXml, type Size } from '../lib/svg';
import { TIMELINE_GROUPS, type ChartRenderOptions, type ChartState, type ChartTable } from './chart-state';
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
  line,
  markAttrs,
  markContext,
  monthName,
  monthStarts,
  rect,
  round,
  spanOf,
  textWidth,
  uniqueSources,
  wrapLines,
  wrapText,
  type LegendItem,
  type MarkContext,
  type Period,
  dataText,
} from './common';
import { CoVisibleLabels, leader, leaderEnds, pickBox, rankFirst, segmentCrossings, type Box, type Candidate } from './labels';

type Category = TimelineEvent['category'];

export const TIMELINE_START = Date.UTC(2012, 0, 1);
export const TIMELINE_SPLIT = Date.UTC(2025, 0, 1);
export const TIMELINE_END = Date.UTC(2026, 1, 1);
const LEFT_SHARE = 0.45;
const BREAK_GAP = 16;
const R = 5;
const LANE = 2 * R + 2;
const LABEL_CHARS = 28;

function categoryName(category: Category, locale: Locale): string {
  return t(locale, `graphics.tl.category.${category}`);
}

export interface TimelineScale {
  (t: number): number;
  start: number;
  end: number;
  leftEnd: number;
  rightStart: number;
}

/** Piecewise-linear time scale: [start, 2025) → left 45%, [2025, end] → right 55%, with a gap between. */
export function timelineScale(start: number, end: number, left: number, right: number): TimelineScale {
  const width = right - left - BREAK_GAP;
  const leftEnd = left + width * LEFT_SHARE;
  const rightStart = leftEnd + BREAK_GAP;
  const scale = ((t: number) =>
    t < TIMELINE_SPLIT
      ? left + ((t - start) / (TIMELINE_SPLIT - start)) * (leftEnd - left)
      : rightStart + ((t - TIMELINE_SPLIT) / (end - TIMELINE_SPLIT)) * (right - rightStart)) as TimelineScale;
  return Object.assign(scale, { start, end, leftEnd, rightStart });
}

function sortRows(rows: readonly TimelineEvent[]): TimelineEvent[] {
  return [...rows].sort((a, b) => spanOf(a.date).start - spanOf(b.date).start || a.id.localeCompare(b.id));
}

function dateText(e: TimelineEvent, locale: Locale): string {
  return compactDateText(e, false, locale) + afterArticleSuffix(e.date, locale);
}

export function timelineLabelLines(e: TimelineEvent, locale: Locale = 'en'): string[] {
  return [...wrapText(dataText(e, 'title', locale), LABEL_CHARS), dateText(e, locale)];
}

interface Placed {
  event: TimelineEvent;
  period: Period;
  x0: number;
  x1: number;
  cx: number;
  lane: number;
  point: boolean;
}

/**
 * Marks on the time axis, in lanes: a mark goes in the lowest lane where it
 * touches nothing. Rows must be sorted (date, then id), so the result is deterministic.
 */
function placeMarks(rows: readonly TimelineEvent[], periods: ReadonlyMap<string, Period>, x: TimelineScale, r: number): { placed: Placed[]; lanes: number } {
  const laneEnds: number[] = [];
  const placed: Placed[] = rows.map((event) => {
    const period = periods.get(event.id) ?? spanOf(event.date, event.end_date);
    const point = period.precision === 'day' && period.end - period.start === DAY_MS;
    let x0: number;
    let x1: number;
    if (point) {
      const c = x(period.start + DAY_MS / 2);
      x0 = c - r;
      x1 = c + r;
    } else {
      x0 = x(period.start);
      x1 = x(period.end);
      if (x1 - x0 < 2 * r) {
        const c = (x0 + x1) / 2;
        x0 = c - r;
        x1 = c + r;
      }
    }
    let lane = laneEnds.findIndex((endX) => endX + 1 < x0);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(x1);
    } else {
      laneEnds[lane] = x1;
    }
    return { event, period, x0, x1, cx: (x0 + x1) / 2, lane, point };
  });
  return { placed, lanes: laneEnds.length };
}

function markShape(p: Placed, cy: number, r: number): string {
  return p.point ? circle(p.cx, cy, r, 'tl-dot') : rect(p.x0, cy - r, p.x1 - p.x0, 2 * r, 'tl-dot tl-dot--span', { rx: r });
}

function markGroup(ctx: MarkContext, p: Placed, shape: string): string {
  return el(
    'g',
    markAttrs(
      ctx,
      p.event.category,
      p.event.id,
      'tl-event',
      `tl-event--${p.event.category}`,
      p.event.confidence !== 'confirmed' && 'is-uncertain',
      isAfterArticle(p.event.date) && 'is-after-article',
    ),
    shape,
  );
}

function categoryLegendItems(rows: readonly TimelineEvent[], r: number, uncertainText: string, locale: Locale): LegendItem[] {
  const categories = TIMELINE_GROUPS.filter((c) => rows.some((e) => e.category === c));
  const items: LegendItem[] = categories.map((c) => ({
    swatch: (cx, cy) => el('g', { class: `tl-event tl-event--${c}` }, circle(cx, cy, r, 'tl-dot')),
    text: categoryName(c, locale),
  }));
  if (rows.some((e) => e.confidence !== 'confirmed')) {
    items.push({
      swatch: (cx, cy) => el('g', { class: 'tl-event tl-event--key is-uncertain' }, circle(cx, cy, r, 'tl-dot')),
      text: uncertainText,
    });
  }
  if (rows.some((e) => isAfterArticle(e.date))) {
    items.push({
      swatch: (cx, cy) => rect(cx - r, cy - r, 2 * r, 2 * r, 'tl-after-band'),
      text: t(locale, 'graphics.tl.legend.after', { flag: AFTER_ARTICLE_FLAGS[locale] }),
    });
  }
  return items;
}

/** Year ticks on the left part of the axis, month ticks on the stretched right part, and the note on the change of scale. */
function timelineAxis(x: TimelineScale, axisY: number, W: number, noteY: number, locale: Locale): string[] {
  const start = x.start;
  const end = x.end;
  const axis: string[] = [
    line(x(start), axisY, x.leftEnd, axisY, 'chart-axis-line'),
    line(x.rightStart, axisY, x(end), axisY, 'chart-axis-line'),
    // The break: two slanted strokes across the gap in the axis.
    line(x.leftEnd + 3, axisY + 6, x.leftEnd + 7, axisY - 6, 'tl-break'),
    line(x.rightStart - 7, axisY + 6, x.rightStart - 3, axisY - 6, 'tl-break'),
  ];
  const firstYear = new Date(start).getUTCFullYear();
  const yearPx = (x.leftEnd - x(start)) / (2025 - firstYear);
  const yearStep = [1, 2, 3, 4, 5, 10].find((s) => s * yearPx >= textWidth('2012') + 10) ?? 10;
  const rightLabelWidth = textWidth('2025', FONT_SIZE, true);
  for (let year = firstYear; year < 2025; year++) {
    const tx = x(Date.UTC(year, 0, 1));
    axis.push(line(tx, axisY, tx, axisY + 5, 'chart-tick'));
    const half = textWidth(String(year)) / 2;
    if ((year - firstYear) % yearStep === 0 && tx + half <= x.rightStart - rightLabelWidth / 2 - 6) {
      axis.push(el('text', { class: 'chart-tick-label', x: round(Math.max(tx, half + 2)), y: round(axisY + 20), 'text-anchor': 'middle' }, String(year)));
    }
  }
  const months = monthStarts(TIMELINE_SPLIT, end + 1);
  const monthPx = (x(end) - x.rightStart) / Math.max(1, months.length);
  const monthStep = [1, 2, 3, 6, 12].find((s) => s * monthPx >= textWidth('2026', FONT_SIZE, true) + 8) ?? 12;
  for (const m of months) {
    const d = new Date(m);
    const tx = x(m);
    const january = d.getUTCMonth() === 0;
    axis.push(line(tx, axisY, tx, axisY + (january ? 8 : 5), 'chart-tick'));
    if (d.getUTCMonth() % monthStep !== 0 || tx + textWidth('2026') / 2 > W) continue;
    axis.push(
      el(
        'text',
        { class: january ? 'chart-tick-label chart-tick-label--major' : 'chart-tick-label', x: round(tx), y: round(axisY + 20), 'text-anchor': 'middle' },
        january ? String(d.getUTCFullYear()) : escapeXml(monthName(d.getUTCMonth(), false, locale)),
      ),
    );
  }
  axis.push(
    el(
      'text',
      { class: 'chart-note', x: round(x(end)), y: round(noteY), 'text-anchor': 'end', 'font-size': SMALL_FONT_SIZE },
      escapeXml(t(locale, 'graphics.tl.scaleNote')),
    ),
  );
  return axis;
}

export function renderTimeline(events: TimelineEvent[], state: ChartState, size: Size, options: ChartRenderOptions): string {
  const ctx = markContext(state, options);
  const locale = options.locale ?? 'en';
  const rows = sortRows(events).filter((e) => keepGroup(ctx, e.category));
  if (rows.length === 0) return emptyChart('timeline', size, options, t(locale, 'graphics.tl.empty'));
  const periods = new Map(rows.map((e) => [e.id, spanOf(e.date, e.end_date)]));
  const start = Math.min(TIMELINE_START, ...[...periods.values()].map((p) => Date.UTC(new Date(p.start).getUTCFullYear(), 0, 1)));
  const end = Math.max(TIMELINE_END, ...[...periods.values()].map((p) => p.end));
  if (isNarrow(size)) return renderNarrowTimeline(ctx, state, rows, periods, start, end, size, options);

  const W = size.width;
  const H = size.height;
  const pad = 10;
  const x = timelineScale(start, end, pad + 4, W - pad - 4);

  // Legend: the categories drawn, and what a hollow mark means.
  const legend = flowLegend(categoryLegendItems(rows, R, t(locale, 'graphics.tl.legend.unconfirmed'), locale), pad, 2, W - 2 * pad);

  const { placed, lanes } = placeMarks(rows, periods, x, R);
  const lanesHeight = lanes * LANE;

  // Vertical layout: legend, labels above, stacked marks, axis, labels below.
  const axisBlock = 50;
  // The label zones (above and below) grow, and the chart with them, until
  // the highlighted labels fit side by side in rows: they must not overlap.
  // The zones are sized for the labels any state shows (options.shownTogether), so every state's render,
  // static or toggled in the browser, has the same geometry.
  const shownTogether = new CoVisibleLabels(options.shownTogether ?? [state.highlight]);
  const labelSizes = rows
    .filter((e) => ctx.interactive || shownTogether.ranked(e.id))
    .map((e) => {
      const lines = timelineLabelLines(e, locale);
      return { id: e.id, width: Math.max(...lines.map((l, i) => textWidth(l, FONT_SIZE, i < lines.length - 1))), height: lines.length * LINE_HEIGHT };
    });
  const tallest = Math.max(3 * LINE_HEIGHT, ...labelSizes.map((l) => l.height)) + 8;
  const ranked = labelSizes.filter((l) => shownTogether.ranked(l.id));
  const perRow = Math.max(1, Math.floor((W - 2 * pad) / (Math.max(0, ...ranked.map((l) => l.width)) + 12)));
  const labelRows = Math.ceil(Math.min(ranked.length, shownTogether.largestSet) / perRow);
  const zones = Math.max(2 * tallest, (labelRows + (labelRows % 2)) * tallest, H - legend.height - 12 - lanesHeight - 6 - axisBlock - 8);
  const aboveTop = legend.height + 12;
  const axisY = aboveTop + zones / 2 + lanesHeight + 6;
  const dotsTop = axisY - 6 - lanesHeight;
  const belowTop = axisY + axisBlock;
  const height = Math.max(H, belowTop + zones / 2 + 8);

  const marks = placed.map((p) => markGroup(ctx, p, markShape(p, axisY - 6 - R - p.lane * LANE, R)));

  // Axis: years on the left part, months on the stretched right part.
  const axis = timelineAxis(x, axisY, W, axisY + 40, locale);
  axis.splice(2, 0, rect(x.rightStart, dotsTop - 8, x(end) - x.rightStart, axisY - dotsTop + 8, 'tl-zoom-band'));
  const articleEdge = x(startOfDate(ARTICLE_DATE).getTime() + DAY_MS);
  if (rows.some((e) => isAfterArticle(e.date)) && articleEdge < x(end)) {
    axis.splice(3, 0, rect(articleEdge, dotsTop - 8, x(end) - articleEdge, axisY - dotsTop + 8, 'tl-after-band'));
  }

  // Conditional labels. Highlighted events are placed first, alternating
  // above and below and kept apart from each other. The others (shown only if
  // the browser later highlights them) keep clear of the highlighted labels
  // and of their nearest neighbours in time, which are the events most likely
  // to be highlighted together.
  const ordered = rankFirst([...placed].sort((a, b) => a.cx - b.cx), (p) => p.event.id, shownTogether);
  // Labels above may come down to the axis wherever the stacks of marks are low: marks are obstacles.
  const aboveZone: Box = { x: pad, y: aboveTop, width: W - 2 * pad, height: axisY - 6 - aboveTop };
  const belowZone: Box = { x: pad, y: belowTop, width: W - 2 * pad, height: height - 4 - belowTop };
  const markBoxes: Box[] = placed.map((q) => ({ x: q.x0 - 2, y: axisY - 6 - 2 * R - q.lane * LANE - 4, width: q.x1 - q.x0 + 4, height: 2 * R + 6 }));
  const rankedBoxes: Box[] = [];
  let rankedIndex = 0;
  let otherIndex = 0;
  const labels: string[] = [];
  for (const p of ordered) {
    const attrs = conditionalLabelAttrs(ctx, p.event.id, 'tl-label');
    const isRanked = shownTogether.ranked(p.event.id);
    // A label a static render leaves out is still placed, so the others sit where the interactive render puts them.
    if (!attrs && !isRanked) continue;
    const lines = timelineLabelLines(p.event, locale);
    const width = Math.max(...lines.map((l, i) => textWidth(l, FONT_SIZE, i < lines.length - 1)));
    const boxHeight = lines.length * LINE_HEIGHT;
    const preferAbove = (isRanked ? rankedIndex++ : otherIndex++) % 2 === 0;
    const markTop = axisY - 6 - 2 * R - p.lane * LANE;
    const candidates: Candidate[] = [];
    for (const above of [true, false]) {
      const zone = above ? aboveZone : belowZone;
      // Where a label sits best: just above its own mark, or at the top of the zone below.
      const ideal = above ? Math.min(markTop - 8 - boxHeight, zone.y + zone.height - boxHeight) : zone.y;
      for (let y = zone.y + zone.height - boxHeight; y >= zone.y; y -= 6) {
        for (let j = 0; j <= 30; j++) {
          const dx = (j % 2 === 0 ? 1 : -1) * Math.ceil(j / 2) * 20;
          const x = clamp(p.cx - width / 2 + dx, pad, W - pad - width);
          candidates.push({
            box: { x, y, width, height: boxHeight },
            cost: Math.abs(y - ideal) + Math.abs(x + width / 2 - p.cx) + (above === preferAbove ? 0 : 30),
          });
        }
      }
    }
    if (candidates.length === 0) {
      // Taller than the space: sit against the axis side of the preferred zone.
      const zone = preferAbove ? aboveZone : belowZone;
      const y = preferAbove ? zone.y + zone.height - boxHeight : zone.y;
      candidates.push({ box: { x: clamp(p.cx - width / 2, pad, W - pad - width), y, width, height: boxHeight }, cost: 0 });
    }
    const markBox: Box = { x: p.x0, y: markTop, width: p.x1 - p.x0, height: 2 * R };
    const others = shownTogether.companions(p.event.id, 3);
    // A leader that runs through another label is as bad as a long way round.
    const box = pickBox(candidates, others, markBoxes, undefined, 10, (b) => 300 * segmentCrossings(leaderEnds(markBox, b), others));
    shownTogether.add(p.event.id, box);
    if (isRanked) rankedBoxes.push(box);
    if (!attrs) continue;
    const text = el(
      'text',
      { x: round(box.x), y: round(box.y + FONT_SIZE) },
      lines.map((l, i) =>
        el('tspan', { x: round(box.x), dy: i === 0 ? undefined : LINE_HEIGHT, class: i === lines.length - 1 ? 'tl-label-date' : 'tl-label-title' }, escapeXml(l)),
      ),
    );
    labels.push(el('g', attrs, [leader(markBox, box), text]));
  }

  // When the zones were grown for the labels, drop the space they left unused.
  let shift = 0;
  let finalHeight = height;
  if (height > H) {
    // Only the labels some state shows count: the others are never seen.
    const drawn = rankedBoxes;
    const top = Math.min(dotsTop - 12, ...drawn.map((b) => b.y));
    const bottom = Math.max(belowTop, ...drawn.map((b) => b.y + b.height));
    shift = Math.max(0, top - aboveTop);
    finalHeight = Math.max(H, bottom - shift + 8);
  }
  const body = [
    el('g', { class: 'chart-axis chart-axis--x' }, axis),
    el('g', { class: 'chart-marks' }, marks),
    el('g', { class: 'chart-labels' }, labels),
  ];
  return chartSvg('timeline', { width: W, height: finalHeight }, options, ctx, [
    legend.svg,
    shift > 0 ? el('g', { transform: `translate(0 ${round(-shift)})` }, body) : body.join(''),
  ]);
}

/**
 * "21–22 Oct 2024", "Mar–Apr 2012", "9 Jan – 3 Jul 2022": an event's dates through the site's one range
 * formatter. `short` drops the days of a range across years: "Jan 2013 – Jul 2014".
 */
export function compactDateText(e: TimelineEvent, short = false, locale: Locale = 'en'): string {
  const acrossYears = e.end_date !== undefined && e.end_date.slice(0, 4) !== e.date.slice(0, 4);
  return short && acrossYears
    ? formatDateRange(e.date.slice(0, 7), e.end_date!.slice(0, 7), 'short', locale)
    : formatDateRange(e.date, e.end_date, 'short', locale);
}

const NARROW_R = 4;
/** Gap-free stacking of the marks; the layout may stack them closer, overlapping, down to MIN_PITCH. */
const NARROW_PITCH = 2 * NARROW_R + 1;
const MIN_PITCH = 4.5;
/**
 * Closer than this, the legend drops to one line per entry before the marks squeeze further. Stacked
 * marks may overlap by more than a third before the events' titles are cut to a line: on a phone a line
 * holds the date and two or three words of the title, too little to read the step's events by.
 */
const TWO_LINE_MIN_PITCH = 5;
const BADGE_R = 8.5;
/** A badge and the gap between it and the marks below it. */
const BADGE_ROOM = 2 * BADGE_R + 5;
const ENTRY_GAP = 3;
/** From the axis line to the numbered legend: tick labels and the note on the change of scale. */
const NARROW_AXIS_BLOCK = 42;

function badge(cx: number, cy: number, n: number): string {
  return [
    circle(cx, cy, BADGE_R, 'tl-badge-circle'),
    el('text', { class: 'tl-badge-num', x: round(cx), y: round(cy + SMALL_FONT_SIZE * 0.35), 'text-anchor': 'middle', 'font-size': SMALL_FONT_SIZE }, String(n)),
  ].join('');
}

/** Badge centres, in order, at least `gap` apart, as close to `targets` (sorted) as the bounds allow. */
function spreadOut(targets: readonly number[], gap: number, min: number, max: number): number[] {
  const xs = targets.map((t) => clamp(t, min, max));
  for (let i = 1; i < xs.length; i++) xs[i] = Math.max(xs[i] ?? 0, (xs[i - 1] ?? 0) + gap);
  for (let i = xs.length - 1; i >= 0; i--) {
    const limit = i === xs.length - 1 ? max : (xs[i + 1] ?? max) - gap;
    xs[i] = Math.min(xs[i] ?? 0, limit);
  }
  return xs;
}

/** How many lanes of marks stand anywhere between x = a and x = b. */
function lanesBetween(placed: readonly Placed[], a: number, b: number): number {
  return placed.reduce((n, p) => (p.x1 >= a && p.x0 <= b ? Math.max(n, p.lane + 1) : n), 0);
}

/**
 * The phone layout (width ≤ NARROW_WIDTH): it must fit the height it is
 * given, so there are no leader-line labels. The highlighted events get
 * numbers, 1, 2, 3… in date order, in badges just above their stack of marks
 * with a thin line down to their mark, and a numbered legend below the axis:
 * date and title, one or two lines each, cut with an ellipsis (the full text
 * is in the entry's <title>). The category legend sits over the low stacks
 * of marks (before 2025), not above the tall ones.
 *
 * The numbering and the numbered legend are laid out for the state rendered:
 * the browser cannot renumber them by toggling classes. The legend is wrapped
 * in <g class="timeline-legend" data-legend-for="id,id,…"> (the state's
 * highlight list, as given) so that the page can render one narrow timeline
 * per state and show the one that matches. Badges and entries also carry
 * `chart-label--conditional` and `data-label-for`, so applying another state
 * to this render hides them instead of showing wrong numbers.
 *
 * The layout keeps room for `options.maxHighlights` entries (default 4) and
 * for a badge above the tallest stack, so every state's render has the same
 * height and its axis in the same place. When the height is short, stacked
 * marks overlap a little, then entries drop to one line, then the marks
 * overlap more, then entries beyond what fits are left out ("+N more").
 */
function renderNarrowTimeline(
  ctx: MarkContext,
  state: ChartState,
  rows: TimelineEvent[],
  periods: ReadonlyMap<string, Period>,
  start: number,
  end: number,
  size: Size,
  options: ChartRenderOptions,
): string {
  const W = size.width;
  const H = size.height;
  const locale = options.locale ?? 'en';
  const pad = 10;
  const top = 1;
  const bottomPad = 3;
  const x = timelineScale(start, end, pad + 4, W - pad - 4);
  const { placed, lanes } = placeMarks(rows, periods, x, NARROW_R);
  const numbered = placed.filter((p) => ctx.highlight.has(p.event.id));
  const slots = Math.max(numbered.length, options.maxHighlights ?? 4);
  const stack = (n: number, pitch: number) => (n > 0 ? 2 * NARROW_R + (n - 1) * pitch + 5 : 0);
  const entriesHeight = (n: number, lines: number) => (n > 0 ? n * lines * SMALL_LINE_HEIGHT + (n - 1) * ENTRY_GAP : 0);

  // The category legend goes where the stacks of marks are lowest: the widest
  // legend (fewest rows) that does not push the axis down, else the one that pushes it least.
  const legendItems = categoryLegendItems(rows, NARROW_R + 0.5, t(locale, 'graphics.tl.legend.unconfirmedShort'), locale);
  const legends: ReturnType<typeof flowLegend>[] = [];
  for (let maxWidth = W - 2 * pad; maxWidth >= Math.min(W - 2 * pad, 140); maxWidth -= 10) {
    legends.push(flowLegend(legendItems, pad, top, maxWidth, COMPACT_LEGEND));
  }
  const axisFor = (pitch: number) => {
    const tallest = top + BADGE_ROOM + stack(lanes, pitch);
    const under = (l: ReturnType<typeof flowLegend>) => top + l.height + 4 + BADGE_ROOM + stack(lanesBetween(placed, 0, pad + l.width + 4), pitch);
    const fitting = legends.find((l) => under(l) <= tallest);
    const legend = fitting ?? legends.reduce((a, b) => (under(b) < under(a) ? b : a));
    return { legend, axisY: Math.max(tallest, under(legend)) };
  };
  const total = (pitch: number, lines: number, n: number) => axisFor(pitch).axisY + NARROW_AXIS_BLOCK + entriesHeight(n, lines) + bottomPad;

  let pitch = MIN_PITCH;
  let maxLines = 1;
  let shown = numbered.length;
  const pitches: number[] = [];
  for (let p = NARROW_PITCH; p >= MIN_PITCH - 1e-9; p -= 0.5) pitches.push(p);
  const choice =
    pitches.filter((p) => p >= TWO_LINE_MIN_PITCH).map((p) => ({ p, lines: 2 })).find((c) => total(c.p, c.lines, slots) <= H) ??
    pitches.map((p) => ({ p, lines: 1 })).find((c) => total(c.p, c.lines, slots) <= H);
  if (choice) {
    pitch = choice.p;
    maxLines = choice.lines;
  } else {
    // Too many entries even at one line each: keep those that fit, and say how many are left out.
    const free = H - total(pitch, 1, 0);
    const fit = Math.max(0, Math.floor((free + ENTRY_GAP) / (SMALL_LINE_HEIGHT + ENTRY_GAP)));
    shown = Math.min(numbered.length, Math.max(0, fit - 1));
  }
  const { legend, axisY } = axisFor(pitch);
  const markTop = (p: Placed) => axisY - 5 - 2 * NARROW_R - p.lane * pitch;

  const marks = placed.map((p) => markGroup(ctx, p, markShape(p, markTop(p) + NARROW_R, NARROW_R)));
  const axis = timelineAxis(x, axisY, W, axisY + 37, locale);
  const bandTop = axisY - stack(lanesBetween(placed, x.rightStart, x(end)), pitch) - 4;
  axis.splice(2, 0, rect(x.rightStart, bandTop, x(end) - x.rightStart, axisY - bandTop, 'tl-zoom-band'));

  // Badges: numbered in date order, spread apart, each just above the marks under it, with a line down to its mark.
  const badgeXs = spreadOut(numbered.map((p) => p.cx), 2 * BADGE_R + 3, pad + BADGE_R, W - pad - BADGE_R);
  const badges = numbered.flatMap((p, i) => {
    const attrs = conditionalLabelAttrs(ctx, p.event.id, 'tl-badge');
    if (!attrs) return [];
    const bx = badgeXs[i] ?? p.cx;
    const below = lanesBetween(placed, Math.min(bx, p.cx) - BADGE_R, Math.max(bx, p.cx) + BADGE_R);
    const by = Math.max(top + BADGE_R, axisY - stack(below, pitch) - BADGE_ROOM + BADGE_R);
    return [el('g', attrs, [line(bx, by + BADGE_R, p.cx, markTop(p) - 1, 'chart-label-line tl-badge-line'), badge(bx, by, i + 1)])];
  });

  // The numbered legend.
  const textX = pad + 2 * BADGE_R + 6;
  const maxChars = Math.max(12, Math.floor((W - pad - textX) / textWidth('x', SMALL_FONT_SIZE)));
  let y = axisY + NARROW_AXIS_BLOCK;
  const entries = numbered.slice(0, shown).flatMap((p, i) => {
    const attrs = conditionalLabelAttrs(ctx, p.event.id, 'tl-legend-item');
    if (!attrs) return [];
    // On one line, a long date would leave no room for the title.
    const long = dateText(p.event, locale);
    const date = maxLines === 1 && long.length > maxChars - 18 ? compactDateText(p.event, true, locale) + afterArticleSuffix(p.event.date, locale) : long;
    const title = dataText(p.event, 'title', locale);
    const lines = wrapLines(`${date} · ${title}`, maxChars, maxLines);
    const baseline = y + SMALL_FONT_SIZE - 1;
    const first = lines[0] ?? '';
    const tspans = [
      el('tspan', { class: 'tl-legend-date' }, escapeXml(first.slice(0, date.length))),
      el('tspan', { class: 'tl-legend-title' }, escapeXml(first.slice(date.length))),
      ...lines.slice(1).map((l) => el('tspan', { class: 'tl-legend-title', x: round(textX), dy: SMALL_LINE_HEIGHT }, escapeXml(l))),
    ];
    y += lines.length * SMALL_LINE_HEIGHT + ENTRY_GAP;
    return [
      el('g', attrs, [
        el('title', {}, escapeXml(`${dateText(p.event, locale)} · ${title}`)),
        badge(pad + BADGE_R, baseline - SMALL_FONT_SIZE * 0.35, i + 1),
        el('text', { x: round(textX), y: round(baseline), 'font-size': SMALL_FONT_SIZE }, tspans),
      ]),
    ];
  });
  if (shown < numbered.length) {
    entries.push(
      el(
        'text',
        { class: 'chart-note', x: round(textX), y: round(y + SMALL_FONT_SIZE - 1), 'font-size': SMALL_FONT_SIZE },
        escapeXml(t(locale, 'graphics.tl.more', { n: numbered.length - shown })),
      ),
    );
  }
  const height = Math.min(H, choice ? total(pitch, maxLines, slots) : H);

  return chartSvg('timeline', { width: W, height }, options, ctx, [
    el('g', { class: 'chart-axis chart-axis--x' }, axis),
    legend.svg,
    el('g', { class: 'chart-marks' }, marks),
    el('g', { class: 'chart-labels' }, [
      ...badges,
      el('g', { class: 'timeline-legend', 'data-legend-for': state.highlight.join(',') }, entries),
    ]),
  ]);
}

export function timelineTable(events: TimelineEvent[], locale: Locale = 'en'): ChartTable {
  const rows = sortRows(events);
  const date = (d: string) => formatDate(d, 'short', locale);
  return {
    caption: t(locale, 'graphics.tl.caption', { years: timelineYears(rows), date: date(ARTICLE_DATE) }),
    columns: [
      t(locale, 'graphics.col.date'),
      t(locale, 'graphics.tl.col.until'),
      t(locale, 'graphics.tl.col.event'),
      t(locale, 'graphics.tl.col.category'),
      t(locale, 'graphics.col.confidence'),
      t(locale, 'graphics.col.afterArticle'),
    ],
    rows: rows.map((e) => [
      date(e.date),
      e.end_date ? date(e.end_date) : '',
      dataText(e, 'title', locale),
      categoryName(e.category, locale),
      t(locale, `graphics.confidence.${e.confidence}`),
      afterArticleCell(e.date, locale),
    ]),
    sourceIds: uniqueSources(rows),
    rowSourceIds: rows.map((r) => r.source_ids),
  };
}

/** "2012–2026": the years the rows span, so a title never claims less than the chart shows. */
export function timelineYears(rows: readonly TimelineEvent[]): string {
  const years = rows.flatMap((e) => [e.date, e.end_date ?? e.date]).map((d) => startOfDate(d).getUTCFullYear());
  return `${Math.min(...years)}–${Math.max(...years)}`;
}
