/**
 * Power supply, one row per reported observation, on a 0–24 hour scale.
 *
 *  - supply_hours_per_day: a bar from 0 to the hours of power (solid to the
 *    lowest figure reported, paler up to the highest);
 *  - outage_hours_per_day: the same, in another colour, for hours without power;
 *  - days_without_power: no hour bar (it is not an hours-per-day figure), only
 *    the words "no power for N days".
 *
 * Groups are by date (before 2025, 2025, after the article); the measure is a class.
 */
import { scaleLinear } from 'd3-scale';
import type { ElectricityObservation, Place } from '../data/schema';
import { formatDate, startOfDate } from '../data/dates';
import { electricityAmount } from '../data/format';
import { afterArticleCell, afterArticleSuffix, isAfterArticle } from '../data/currency';
import { el, escapeXml, type Size } from '../lib/svg';
import { ARTICLE_DATE, type ChartRenderOptions, type ChartState, type ChartTable } from './chart-state';
import {
  COMPACT_LEGEND,
  FONT_SIZE,
  LINE_HEIGHT,
  SMALL_FONT_SIZE,
  SMALL_LINE_HEIGHT,
  chartSvg,
  clamp,
  emptyChart,
  flowLegend,
  isNarrow,
  keepGroup,
  line,
  groupShown,
  markAttrs,
  markContext,
  rect,
  round,
  textWidth,
  uniqueSources,
  type LegendItem,
} from './common';

export type ElectricityGroup = 'before-2025' | '2025' | 'after-article';
type Measure = ElectricityObservation['measure'];

const BAR_HEIGHT = 16;
const MEASURE_CLASS: Record<Measure, string> = {
  supply_hours_per_day: 'supply',
  outage_hours_per_day: 'outage',
  days_without_power: 'days',
};
const MEASURE_WORDS: Record<Measure, string> = {
  supply_hours_per_day: 'hours of power per day',
  outage_hours_per_day: 'hours without power per day',
  days_without_power: 'days without power',
};

const QUALIFIER_WORDS: Record<NonNullable<ElectricityObservation['qualifier']>, string> = {
  about: 'about',
  'fewer-than': 'fewer than',
};

export function electricityGroup(row: ElectricityObservation): ElectricityGroup {
  const start = startOfDate(row.date).getTime();
  if (start < Date.UTC(2025, 0, 1)) return 'before-2025';
  return isAfterArticle(row.date) ? 'after-article' : '2025';
}

/** What the row says, in words: "4–6 hours of power a day", "fewer than 6 hours of power a day", "no power for 3 days". */
export function electricityValueText(row: ElectricityObservation): string {
  const value = electricityAmount(row);
  const single = value === '1';
  switch (row.measure) {
    case 'supply_hours_per_day':
      return value === undefined ? 'hours of power a day not reported' : `${value} ${single ? 'hour' : 'hours'} of power a day`;
    case 'outage_hours_per_day':
      return value === undefined ? 'hours without power not reported' : `${value} ${single ? 'hour' : 'hours'} without power a day`;
    case 'days_without_power':
      return value === undefined ? 'days without power, number not reported' : `no power for ${value} ${single ? 'day' : 'days'}`;
  }
}

/** The same in fewer words, for the narrow layout: "4–6 h with power", "no power for 3 days". */
export function electricityShortValueText(row: ElectricityObservation): string {
  const value = electricityAmount(row);
  switch (row.measure) {
    case 'supply_hours_per_day':
      return value === undefined ? 'hours of power not reported' : `${value} h with power`;
    case 'outage_hours_per_day':
      return value === undefined ? 'hours without power not reported' : `${value} h without power`;
    case 'days_without_power':
      return electricityValueText(row);
  }
}

function sortRows(rows: readonly ElectricityObservation[], places: Map<string, Place>): ElectricityObservation[] {
  const name = (r: ElectricityObservation) => places.get(r.place)?.name ?? r.place;
  return [...rows].sort(
    (a, b) => startOfDate(a.date).getTime() - startOfDate(b.date).getTime() || name(a).localeCompare(name(b)) || a.id.localeCompare(b.id),
  );
}

export function renderElectricity(
  observations: ElectricityObservation[],
  places: Place[],
  state: ChartState,
  size: Size,
  options: ChartRenderOptions,
): string {
  const ctx = markContext(state, options);
  const placeById = new Map(places.map((p) => [p.id, p]));
  const rows = sortRows(observations, placeById).filter((r) => keepGroup(ctx, electricityGroup(r)));
  if (rows.length === 0) return emptyChart('electricity', size, options, 'No electricity observations to show');
  const W = size.width;
  const pad = 10;

  const narrow = isNarrow(size);
  const measures = new Set(rows.map((r) => r.measure));
  const ranged = rows.some((r) => r.measure !== 'days_without_power' && r.value_max !== undefined && r.value_max !== r.value_min);
  const legendItems: LegendItem[] = [];
  if (measures.has('supply_hours_per_day')) {
    legendItems.push({ swatch: (cx, cy) => rect(cx - 8, cy - 6, 16, 12, 'elec-bar elec-bar--supply'), text: 'hours with power' });
  }
  if (measures.has('outage_hours_per_day')) {
    legendItems.push({ swatch: (cx, cy) => rect(cx - 8, cy - 6, 16, 12, 'elec-bar elec-bar--outage'), text: 'hours without power' });
  }
  const rangeItem: LegendItem = { swatch: (cx, cy) => rect(cx - 8, cy - 6, 16, 12, 'elec-key-range'), text: 'paler: up to the highest figure reported' };
  if (ranged) legendItems.push(rangeItem);

  // The label and the value share a line when they fit, else the value goes on a second line.
  // The narrow layout uses smaller text, and says the values in fewer words
  // (all of them, so the rows read alike) rather than take second lines.
  const fontSize = narrow ? SMALL_FONT_SIZE : FONT_SIZE;
  const lineHeight = narrow ? SMALL_LINE_HEIGHT : LINE_HEIGHT;
  // A report from after the article says so in its own label, so no reader takes it for the article's.
  // The phone layout has no room for the longer label on rows that no state of the story shows (their group is
  // off, so they are never visible): only a row the state shows carries it there.
  const flagged = (r: ElectricityObservation) =>
    electricityGroup(r) === 'after-article' && (!narrow || groupShown(ctx, 'after-article'));
  const labels = rows.map((r) => `${placeById.get(r.place)?.name ?? r.place} · ${formatDate(r.date)}${flagged(r) ? afterArticleSuffix(r.date) : ''}`);
  const fits = (label: string, value: string) => textWidth(`${label}: ${value}`, fontSize) + textWidth(label, fontSize) * 0.07 <= W - 2 * pad;
  const short = narrow && rows.some((r, i) => !fits(labels[i] ?? '', electricityValueText(r)));
  const rowText = rows.map((r, i) => {
    const label = labels[i] ?? '';
    const value = short ? electricityShortValueText(r) : electricityValueText(r);
    return { label, value, oneLine: fits(label, value) };
  });
  // Narrow: a thinner bar right under the text, and rows only as far apart as the height allows.
  const barHeight = narrow ? 10 : BAR_HEIGHT;
  const barGap = narrow ? 3 : 4;
  const contentHeight = (i: number) => {
    const r = rows[i];
    const t = rowText[i];
    if (!r || !t) return 0;
    return (t.oneLine ? lineHeight : 2 * lineHeight) + (r.measure === 'days_without_power' ? 0 : barHeight + barGap + 2);
  };
  const fixed = rows.reduce((sum, _r, i) => sum + contentHeight(i), 0);
  const minGap = narrow ? 2 : 10;
  // From the top of the axis labels to the first row.
  const axisHeight = narrow ? 26 : 30;
  const gapFor = (legendHeight: number) => (size.height - (legendHeight + 8 + axisHeight) - 8 - fixed) / rows.length;
  // The narrow layout drops legend items (the words already say it) before squeezing rows together.
  const legendChoices = narrow ? [legendItems, legendItems.filter((i) => i !== rangeItem), []] : [legendItems];
  const legends = legendChoices.map((items) => flowLegend(items, pad, 2, W - 2 * pad, narrow ? COMPACT_LEGEND : undefined));
  const legend = legends.find((l) => gapFor(l.height) >= 8) ?? legends[legends.length - 1] ?? legends[0];
  if (!legend) throw new Error('electricity: no legend');
  const axisTop = legend.height + 8;
  const rowsTop = axisTop + axisHeight;
  const gap = clamp(gapFor(legend.height), minGap, 26);
  const contentEnd = rowsTop + fixed + gap * rows.length + 8;
  // The narrow layout ends with its rows; it grows past the height it was given
  // only when the rows do not fit even at the smallest gap (more than about nine rows at 320 × 372).
  const height = narrow ? contentEnd : Math.max(size.height, contentEnd);

  const x = scaleLinear().domain([0, 24]).range([pad, W - pad - 8]);
  const ticks = [0, 6, 12, 18, 24];
  const axis = ticks.map((t) =>
    [
      line(x(t), rowsTop - 6, x(t), height - 8, t === 0 ? 'chart-axis-line' : 'chart-grid'),
      el(
        'text',
        { class: 'chart-tick-label', x: round(x(t)), y: round(axisTop + 16), 'text-anchor': t === 0 ? 'start' : t === 24 ? 'end' : 'middle' },
        `${t} h`,
      ),
    ].join(''),
  );

  let cursor = rowsTop;
  const marks = rows.map((r, i) => {
    const t = rowText[i] ?? { label: '', value: '', oneLine: true };
    const measure = MEASURE_CLASS[r.measure];
    const top = cursor;
    cursor += contentHeight(i) + gap;
    const baseline = top + fontSize;
    const fontAttr = narrow ? { 'font-size': fontSize } : {};
    const text = t.oneLine
      ? el('text', { class: 'elec-text', x: pad, y: round(baseline), ...fontAttr }, [
          el('tspan', { class: 'elec-label' }, escapeXml(`${t.label}:`)),
          el('tspan', { class: `elec-value elec-value--${measure}` }, escapeXml(` ${t.value}`)),
        ])
      : el('text', { class: 'elec-text', x: pad, y: round(baseline), ...fontAttr }, [
          el('tspan', { class: 'elec-label', x: pad }, escapeXml(t.label)),
          el('tspan', { class: `elec-value elec-value--${measure}`, x: pad, dy: lineHeight }, escapeXml(t.value)),
        ]);
    const parts = [text];
    if (r.measure !== 'days_without_power') {
      const barY = top + (t.oneLine ? lineHeight : 2 * lineHeight) + barGap;
      parts.push(rect(x(0), barY, x(24) - x(0), barHeight, 'elec-track'));
      const lo = r.value_min;
      const hi = r.value_max;
      const cap = (v: number) => {
        if (v > 24) throw new Error(`electricity row "${r.id}": ${v} hours per day is more than 24`);
        return v;
      };
      if (lo !== undefined) parts.push(rect(x(0), barY, x(cap(lo)) - x(0), barHeight, `elec-bar elec-bar--${measure}`));
      if (hi !== undefined && hi !== lo) {
        const from = lo ?? 0;
        parts.push(rect(x(cap(from)), barY, x(cap(hi)) - x(cap(from)), barHeight, `elec-bar elec-bar--${measure}-range`));
      }
    }
    return el('g', markAttrs(ctx, electricityGroup(r), r.id, 'elec-row', `elec-row--${measure}`), parts);
  });

  return chartSvg('electricity', { width: W, height }, options, ctx, [
    legend.svg,
    el('g', { class: 'chart-axis chart-axis--x' }, axis),
    el('g', { class: 'chart-marks' }, marks),
  ]);
}

export function electricityTable(observations: ElectricityObservation[], places: Place[]): ChartTable {
  const placeById = new Map(places.map((p) => [p.id, p]));
  const rows = sortRows(observations, placeById);
  return {
    caption: `Electricity supply reported in Mali; reports after the article (${formatDate(ARTICLE_DATE)}) are marked`,
    columns: ['Date', 'Place', 'What was reported', 'Lowest', 'Highest', 'Confidence', 'After the article'],
    rows: rows.map((r) => [
      formatDate(r.date),
      placeById.get(r.place)?.name ?? r.place,
      r.qualifier ? `${MEASURE_WORDS[r.measure]} (the source says “${QUALIFIER_WORDS[r.qualifier]}”)` : MEASURE_WORDS[r.measure],
      r.value_min ?? '',
      r.value_max ?? '',
      r.confidence,
      afterArticleCell(r.date),
    ]),
    sourceIds: uniqueSources(rows),
    rowSourceIds: rows.map((r) => r.source_ids),
  };
}
