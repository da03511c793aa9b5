/**
 * Fuel prices per litre over time. Each reported price is its own mark, and
 * no line joins them: the reports come from different places, fuels and
 * sources, so a line would draw a trend no source measured.
 *
 *  - official pump price: filled mark; informal (black-market) price: hollow mark;
 *  - a reported range (min ≠ max): a vertical bar from min to max with end caps;
 *  - a date known only to the month: a horizontal span across that month.
 */
import { scaleLinear, scaleUtc } from 'd3-scale';
import type { FuelPrice, Place } from '../data/schema';
import { formatDate, startOfDate } from '../data/dates';
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
  chartSvg,
  clamp,
  circle,
  conditionalLabelAttrs,
  emptyChart,
  flowLegend,
  formatNumber,
  formatRange,
  isNarrow,
  keepGroup,
  line,
  markAttrs,
  markContext,
  monthName,
  monthStarts,
  periodOf,
  rect,
  required,
  round,
  textLines,
  textWidth,
  uniqueSources,
  wrapToWidth,
  type LegendItem,
  dataText,
} from './common';
import { CoVisibleLabels, leader, leaderEnds, pickBox, rankFirst, segmentCrossings, type Box, type Candidate } from './labels';

const PAD_DAYS = 14;
const DOT_RADIUS = 5.5;
const BAR_WIDTH = 8;
const CAP_WIDTH = 16;
const SPAN_HEIGHT = 6;
const DODGE = 11;

function placeName(row: FuelPrice, places: Map<string, Place>, locale: Locale): string {
  if (!row.place) return t(locale, 'graphics.fuel.placeUnspecified');
  const place = places.get(row.place);
  return place ? dataText(place, 'name', locale) : row.place;
}

function priceRange(row: FuelPrice): { min: number; max: number } {
  return {
    min: required(row.price_cfa_min, `fuel price "${row.id}": price_cfa_min`),
    max: required(row.price_cfa_max, `fuel price "${row.id}": price_cfa_max`),
  };
}

/**
 * "Mopti, 1,500–2,000 CFA", with the fuel when the source names it: "Bamako, 775 CFA, petrol".
 * French: "Bamako, 775 FCFA, essence".
 */
export function fuelPriceLabel(row: FuelPrice, places: Map<string, Place>, locale: Locale = 'en'): string {
  const { min, max } = priceRange(row);
  const fuel = row.fuel === 'unknown' ? '' : `, ${t(locale, `graphics.fuel.fuel.${row.fuel}`)}`;
  return t(locale, 'graphics.fuel.label', { place: placeName(row, places, locale), price: formatRange(min, max, locale), fuel });
}

function sortRows(rows: readonly FuelPrice[]): FuelPrice[] {
  return [...rows].sort(
    (a, b) => startOfDate(a.date).getTime() - startOfDate(b.date).getTime() || a.market.localeCompare(b.market) || a.id.localeCompare(b.id),
  );
}

export function renderFuelPrices(
  prices: FuelPrice[],
  places: Place[],
  state: ChartState,
  size: Size,
  options: ChartRenderOptions,
): string {
  const ctx = markContext(state, options);
  const locale = options.locale ?? 'en';
  const rows = sortRows(prices).filter((r) => keepGroup(ctx, r.market));
  if (rows.length === 0) return emptyChart('fuel-prices', size, options, t(locale, 'graphics.fuel.empty'));
  const placeById = new Map(places.map((p) => [p.id, p]));
  const W = size.width;
  const H = size.height;
  const pad = 10;

  // Legend: the two markets (as far as the chart shows them), then how ranges and months are drawn.
  // The narrow layout says the same in fewer words, so the legend takes two short rows.
  const narrow = isNarrow(size);
  const markets = (['official', 'informal'] as const).filter((m) => rows.some((r) => r.market === m));
  const legendItems: LegendItem[] = markets.map((m) => ({
    swatch: (cx, cy) => circle(cx, cy, DOT_RADIUS, `fuel-shape fuel-shape--${m}`),
    text: t(locale, m === 'official' ? 'graphics.fuel.legend.official' : narrow ? 'graphics.fuel.legend.informalShort' : 'graphics.fuel.legend.informal'),
  }));
  if (rows.some((r) => priceRange(r).min !== priceRange(r).max)) {
    legendItems.push({
      swatch: (cx, cy) =>
        [rect(cx - 2, cy - 8, 4, 16, 'fuel-key'), line(cx - 6, cy - 8, cx + 6, cy - 8, 'fuel-key-cap'), line(cx - 6, cy + 8, cx + 6, cy + 8, 'fuel-key-cap')].join(''),
      text: t(locale, 'graphics.fuel.legend.range'),
    });
  }
  if (rows.some((r) => periodOf(r.date).precision !== 'day')) {
    legendItems.push({
      swatch: (cx, cy) => [rect(cx - 8, cy - 2, 16, 4, 'fuel-key'), line(cx - 8, cy - 6, cx - 8, cy + 6, 'fuel-key-cap'), line(cx + 8, cy - 6, cx + 8, cy + 6, 'fuel-key-cap')].join(''),
      text: t(locale, narrow ? 'graphics.fuel.legend.monthShort' : 'graphics.fuel.legend.month'),
    });
  }
  const legend = flowLegend(legendItems, pad, 2, W - 2 * pad, narrow ? COMPACT_LEGEND : undefined);

  const yTitleBaseline = legend.height + (narrow ? 18 : 20);
  const plotTop = yTitleBaseline + 16;
  const plotBottom = H - 34;

  // y: CFA francs per litre, from 0.
  const maxPrice = Math.max(...rows.map((r) => priceRange(r).max));
  const y = scaleLinear()
    .domain([0, maxPrice > 0 ? maxPrice * 1.08 : 1])
    .range([plotBottom, plotTop])
    .nice(Math.max(2, Math.floor((plotBottom - plotTop) / 55)));
  const yTicks = y.ticks(Math.max(2, Math.floor((plotBottom - plotTop) / 55)));
  // Narrow: the axis title names the unit, so the tick labels leave it out and the plot gets the width.
  const yLabel = (v: number) => (narrow ? formatNumber(v, locale) : t(locale, 'graphics.fuel.tick', { price: formatNumber(v, locale) }));
  const plotLeft = pad + Math.max(...yTicks.map((t) => textWidth(yLabel(t)))) + 8;
  const plotRight = W - pad - 4;

  // x: time, padded a couple of weeks either side of the reported periods.
  const periods = new Map(rows.map((r) => [r.id, periodOf(r.date)]));
  const starts = [...periods.values()].map((p) => p.start);
  const ends = [...periods.values()].map((p) => p.end);
  const domain: [number, number] = [Math.min(...starts) - PAD_DAYS * DAY_MS, Math.max(...ends) + PAD_DAYS * DAY_MS];
  const x = scaleUtc().domain(domain).range([plotLeft, plotRight]);
  const px = (t: number) => x(new Date(t));

  // Axes.
  const grid = yTicks.map((v) =>
    [
      line(plotLeft, y(v), plotRight, y(v), v === 0 ? 'chart-axis-line' : 'chart-grid'),
      el('text', { class: 'chart-tick-label', x: round(plotLeft - 8), y: round(y(v) + FONT_SIZE * 0.35), 'text-anchor': 'end' }, escapeXml(yLabel(v))),
    ].join(''),
  );
  const yTitle = el(
    'text',
    { class: 'chart-axis-title', x: pad, y: yTitleBaseline, 'font-size': narrow ? SMALL_FONT_SIZE : undefined },
    escapeXml(t(locale, 'graphics.fuel.axisTitle')),
  );

  const months = monthStarts(domain[0], domain[1] + 1);
  const monthWidth = (plotRight - plotLeft) * (30.4 * DAY_MS) / (domain[1] - domain[0]);
  // Room for the widest month label: "Sep 2025" in English, "janv. 2025" in French.
  const labelWidth = (locale === 'en' ? textWidth('Sep 2025') : Math.max(...Array.from({ length: 12 }, (_, i) => textWidth(`${monthName(i, false, locale)} 2025`)))) + 12;
  const step = [1, 2, 3, 4, 6, 12].find((s) => s * monthWidth >= labelWidth) ?? 12;
  const xAxis = months.map((m) => {
    const d = new Date(m);
    const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    const tick = line(px(m), plotBottom, px(m), plotBottom + 6, 'chart-tick');
    const index = d.getUTCFullYear() * 12 + d.getUTCMonth();
    const cx = px((m + Math.min(next, domain[1])) / 2);
    const text = `${monthName(d.getUTCMonth(), false, locale)} ${d.getUTCFullYear()}`;
    const half = textWidth(text) / 2;
    const labelled = index % step === 0 && cx - half >= 0 && cx + half <= W;
    return tick + (labelled ? el('text', { class: 'chart-tick-label', x: round(cx), y: round(plotBottom + 22), 'text-anchor': 'middle' }, text) : '');
  });

  // Rows reported for the same day sit side by side rather than on top of each other.
  const dodge = new Map<string, number>();
  const byDay = new Map<string, FuelPrice[]>();
  for (const r of rows) {
    if (periods.get(r.id)?.precision !== 'day') continue;
    byDay.set(r.date, [...(byDay.get(r.date) ?? []), r]);
  }
  for (const group of byDay.values()) group.forEach((r, i) => dodge.set(r.id, (i - (group.length - 1) / 2) * DODGE));

  const marks: string[] = [];
  const labels: string[] = [];
  const shownTogether = new CoVisibleLabels(options.shownTogether ?? [state.highlight]);
  // Rows some state highlights are labelled first, so they get the free spots.
  // Highest prices first: their labels have the open space above them.
  const labelOrder = rankFirst(
    [...rows].sort((a, b) => priceRange(b).max - priceRange(a).max || a.id.localeCompare(b.id)),
    (r) => r.id,
    shownTogether,
  );
  const geometry = new Map<string, { x0: number; x1: number; yTop: number; yBottom: number }>();

  for (const r of rows) {
    const period = periods.get(r.id) ?? periodOf(r.date);
    const shape = `fuel-shape fuel-shape--${r.market}`;
    const cap = `fuel-cap fuel-cap--${r.market}`;
    const price = priceRange(r);
    const yTop = y(price.max);
    const yBottom = y(price.min);
    const isRange = price.min !== price.max;
    const parts: string[] = [];
    let x0: number;
    let x1: number;
    if (period.precision === 'day') {
      const cx = px(period.start + DAY_MS / 2) + (dodge.get(r.id) ?? 0);
      x0 = cx - CAP_WIDTH / 2;
      x1 = cx + CAP_WIDTH / 2;
      if (isRange) {
        parts.push(rect(cx - BAR_WIDTH / 2, yTop, BAR_WIDTH, yBottom - yTop, shape));
        parts.push(line(cx - CAP_WIDTH / 2, yTop, cx + CAP_WIDTH / 2, yTop, cap));
        parts.push(line(cx - CAP_WIDTH / 2, yBottom, cx + CAP_WIDTH / 2, yBottom, cap));
      } else {
        parts.push(circle(cx, yTop, DOT_RADIUS, shape));
        x0 = cx - DOT_RADIUS;
        x1 = cx + DOT_RADIUS;
      }
    } else {
      x0 = px(period.start);
      x1 = px(period.end);
      if (isRange) {
        parts.push(rect(x0, yTop, x1 - x0, yBottom - yTop, `${shape} fuel-shape--box`));
      } else {
        parts.push(rect(x0, yTop - SPAN_HEIGHT / 2, x1 - x0, SPAN_HEIGHT, shape));
        parts.push(line(x0, yTop - 6, x0, yTop + 6, cap));
        parts.push(line(x1, yTop - 6, x1, yTop + 6, cap));
      }
    }
    geometry.set(r.id, { x0, x1, yTop, yBottom });
    marks.push(el('g', markAttrs(ctx, r.market, r.id, 'fuel-mark', `fuel-mark--${r.market}`), parts));
  }

  // Marks are obstacles for every label; highlighted labels also avoid each other.
  const markBoxById = new Map<string, Box>(
    [...geometry].map(([id, g]) => [id, { x: g.x0 - 2, y: g.yTop - DOT_RADIUS - 2, width: g.x1 - g.x0 + 4, height: g.yBottom - g.yTop + 2 * DOT_RADIUS + 4 }]),
  );
  const markBoxes = [...markBoxById.values()];
  const plotBounds: Box = { x: plotLeft, y: plotTop - 12, width: W - pad - plotLeft, height: plotBottom - plotTop + 10 };
  const wideBounds: Box = { ...plotBounds, x: pad, width: W - 2 * pad };
  for (const r of labelOrder) {
    const labelAttrs = conditionalLabelAttrs(ctx, r.id, 'fuel-label');
    const g = geometry.get(r.id);
    // A label a static render leaves out is still placed, so the others sit where the interactive render puts them.
    if (!g || (!labelAttrs && !shownTogether.ranked(r.id))) continue;
    const text = fuelPriceLabel(r, placeById, locale);
    // A label wider than the chart (narrow embeds) wraps.
    const lines = wrapToWidth(text, W - 2 * pad, FONT_SIZE, true);
    const width = Math.max(...lines.map((l) => textWidth(l, FONT_SIZE, true)));
    const height = lines.length * LINE_HEIGHT + 2;
    const candidates: Candidate[] = [];
    const mid = (g.x0 + g.x1) / 2;
    const bounds = width <= plotBounds.width ? plotBounds : wideBounds;
    const fit = (x: number) => clamp(x, bounds.x, bounds.x + bounds.width - width);
    for (let k = 0; k <= 10; k++) {
      for (const dir of k === 0 ? [0] : [-1, 1]) {
        const dy = dir * k * (LINE_HEIGHT + 2);
        const right = fit(g.x1 + 6);
        const left = fit(g.x0 - 6 - width);
        candidates.push({ box: { x: right, y: g.yTop - height / 2 + dy, width, height }, cost: Math.abs(dy) + Math.abs(right - g.x1 - 6) });
        candidates.push({ box: { x: left, y: g.yTop - height / 2 + dy, width, height }, cost: Math.abs(dy) + 6 + Math.abs(left - (g.x0 - 6 - width)) });
        for (const dx of [0, -0.25, 0.25, -0.5, 0.5]) {
          const x = fit(mid - width / 2 + dx * width);
          const y = g.yTop - DOT_RADIUS - 4 - height + Math.min(0, dy);
          candidates.push({ box: { x, y, width, height }, cost: Math.abs(dy) + Math.abs(x + width / 2 - mid) + 10 });
        }
      }
    }
    const markBox: Box = { x: g.x0, y: g.yTop, width: g.x1 - g.x0, height: g.yBottom - g.yTop };
    const otherMarks = [...markBoxById].filter(([id]) => id !== r.id).map(([, b]) => b);
    const companions = shownTogether.companions(r.id);
    const box = pickBox(
      candidates,
      companions,
      markBoxes,
      bounds,
      2,
      (b) => 300 * segmentCrossings(leaderEnds(markBox, b), companions) + 60 * segmentCrossings(leaderEnds(markBox, b), otherMarks),
    );
    shownTogether.add(r.id, box);
    if (labelAttrs) labels.push(el('g', labelAttrs, [leader(markBox, box), textLines(lines, box.x, box.y + FONT_SIZE, {})]));
  }

  return chartSvg('fuel-prices', size, options, ctx, [
    legend.svg,
    yTitle,
    el('g', { class: 'chart-axis chart-axis--y' }, grid),
    el('g', { class: 'chart-axis chart-axis--x' }, xAxis),
    el('g', { class: 'chart-marks' }, marks),
    el('g', { class: 'chart-labels' }, labels),
  ]);
}

export function fuelPricesTable(prices: FuelPrice[], places: Place[], locale: Locale = 'en'): ChartTable {
  const placeById = new Map(places.map((p) => [p.id, p]));
  const rows = sortRows(prices);
  return {
    caption: t(locale, 'graphics.fuel.caption'),
    columns: [
      t(locale, 'graphics.col.date'),
      t(locale, 'graphics.col.place'),
      t(locale, 'graphics.fuel.col.market'),
      t(locale, 'graphics.fuel.col.fuel'),
      t(locale, 'graphics.fuel.col.lowest'),
      t(locale, 'graphics.fuel.col.highest'),
      t(locale, 'graphics.col.confidence'),
    ],
    rows: rows.map((r) => [
      formatDate(r.date, 'short', locale),
      r.place ? placeName(r, placeById, locale) : t(locale, 'graphics.fuel.unspecified'),
      t(locale, `graphics.fuel.market.${r.market}`),
      t(locale, `graphics.fuel.fuel.${r.fuel}`),
      priceRange(r).min,
      priceRange(r).max,
      t(locale, `graphics.confidence.${r.confidence}`),
    ]),
    sourceIds: uniqueSources(rows),
    rowSourceIds: rows.map((r) => r.source_ids),
  };
}
