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
import { el, escapeXml, type Size } from '../lib/svg';
import { ARTICLE_DATE, type ChartRenderOptions, type ChartState, type ChartTable } from './chart-state';
import {
  FONT_SIZE,
  LINE_HEIGHT,
  chartSvg,
  clamp,
  emptyChart,
  flowLegend,
  formatNumber,
  keepGroup,
  line,
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

export function electricityGroup(row: ElectricityObservation): ElectricityGroup {
  const start = startOfDate(row.date).getTime();
  if (start < Date.UTC(2025, 0, 1)) return 'before-2025';
  return start > startOfDate(ARTICLE_DATE).getTime() ? 'after-article' : '2025';
}

function amount(min: number | undefined, max: number | undefined): string | undefined {
  if (min !== undefined && max !== undefined) return min === max ? formatNumber(min) : `${formatNumber(min)}–${formatNumber(max)}`;
  if (min !== undefined) return `at least ${formatNumber(min)}`;
  if (max !== undefined) return `up to ${formatNumber(max)}`;
  return undefined;
}

/** What the row says, in words: "4–6 hours of power a day", "no power for 3 days". */
export function electricityValueText(row: ElectricityObservation): string {
  const value = amount(row.value_min, row.value_max);
  const single = row.value_min !== undefined && row.value_max !== undefined && row.value_min === row.value_max && row.value_min === 1;
  switch (row.measure) {
    case 'supply_hours_per_day':
      return value === undefined ? 'hours of power a day not reported' : `${value} ${single ? 'hour' : 'hours'} of power a day`;
    case 'outage_hours_per_day':
      return value === undefined ? 'hours without power not reported' : `${value} ${single ? 'hour' : 'hours'} without power a day`;
    case 'days_without_power':
      return value === undefined ? 'days without power, number not reported' : `no power for ${value} ${single ? 'day' : 'days'}`;
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

  const measures = new Set(rows.map((r) => r.measure));
  const ranged = rows.some((r) => r.measure !== 'days_without_power' && r.value_max !== undefined && r.value_max !== r.value_min);
  const legendItems: LegendItem[] = [];
  if (measures.has('supply_hours_per_day')) {
    legendItems.push({ swatch: (cx, cy) => rect(cx - 8, cy - 6, 16, 12, 'elec-bar elec-bar--supply'), text: 'hours with power' });
  }
  if (measures.has('outage_hours_per_day')) {
    legendItems.push({ swatch: (cx, cy) => rect(cx - 8, cy - 6, 16, 12, 'elec-bar elec-bar--outage'), text: 'hours without power' });
  }
  if (ranged) {
    legendItems.push({ swatch: (cx, cy) => rect(cx - 8, cy - 6, 16, 12, 'elec-key-range'), text: 'paler: up to the highest figure reported' });
  }
  const legend = flowLegend(legendItems, pad, 2, W - 2 * pad);

  // The label and the value share a line when they fit, else the value goes on a second line.
  const rowText = rows.map((r) => {
    const label = `${placeById.get(r.place)?.name ?? r.place} · ${formatDate(r.date)}`;
    const value = electricityValueText(r);
    const oneLine = textWidth(`${label}: ${value}`, FONT_SIZE) + textWidth(label, FONT_SIZE) * 0.07 <= W - 2 * pad;
    return { label, value, oneLine };
  });
  const contentHeight = (i: number) => {
    const r = rows[i];
    const t = rowText[i];
    if (!r || !t) return 0;
    return (t.oneLine ? LINE_HEIGHT : 2 * LINE_HEIGHT) + (r.measure === 'days_without_power' ? 0 : BAR_HEIGHT + 6);
  };
  const axisTop = legend.height + 8;
  const rowsTop = axisTop + 30;
  const fixed = rows.reduce((sum, _r, i) => sum + contentHeight(i), 0);
  const gap = clamp((size.height - rowsTop - 8 - fixed) / rows.length, 10, 26);
  const height = Math.max(size.height, rowsTop + fixed + gap * rows.length + 8);

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
    const baseline = top + FONT_SIZE;
    const text = t.oneLine
      ? el('text', { class: 'elec-text', x: pad, y: round(baseline) }, [
          el('tspan', { class: 'elec-label' }, escapeXml(`${t.label}:`)),
          el('tspan', { class: `elec-value elec-value--${measure}` }, escapeXml(` ${t.value}`)),
        ])
      : el('text', { class: 'elec-text', x: pad, y: round(baseline) }, [
          el('tspan', { class: 'elec-label', x: pad }, escapeXml(t.label)),
          el('tspan', { class: `elec-value elec-value--${measure}`, x: pad, dy: LINE_HEIGHT }, escapeXml(t.value)),
        ]);
    const parts = [text];
    if (r.measure !== 'days_without_power') {
      const barY = top + (t.oneLine ? LINE_HEIGHT : 2 * LINE_HEIGHT) + 4;
      parts.push(rect(x(0), barY, x(24) - x(0), BAR_HEIGHT, 'elec-track'));
      const lo = r.value_min;
      const hi = r.value_max;
      const cap = (v: number) => {
        if (v > 24) throw new Error(`electricity row "${r.id}": ${v} hours per day is more than 24`);
        return v;
      };
      if (lo !== undefined) parts.push(rect(x(0), barY, x(cap(lo)) - x(0), BAR_HEIGHT, `elec-bar elec-bar--${measure}`));
      if (hi !== undefined && hi !== lo) {
        const from = lo ?? 0;
        parts.push(rect(x(cap(from)), barY, x(cap(hi)) - x(cap(from)), BAR_HEIGHT, `elec-bar elec-bar--${measure}-range`));
      }
    }
    return el('g', markAttrs(ctx, electricityGroup(r), r.id, 'elec-row', `elec-row--${measure}`), parts);
  });

  return chartSvg('electricity', { width: W, height }, options, [
    legend.svg,
    el('g', { class: 'chart-axis chart-axis--x' }, axis),
    el('g', { class: 'chart-marks' }, marks),
  ]);
}

export function electricityTable(observations: ElectricityObservation[], places: Place[]): ChartTable {
  const placeById = new Map(places.map((p) => [p.id, p]));
  const rows = sortRows(observations, placeById);
  return {
    caption: 'Electricity supply reported in Mali',
    columns: ['Date', 'Place', 'What was reported', 'Lowest', 'Highest', 'Confidence'],
    rows: rows.map((r) => [
      formatDate(r.date),
      placeById.get(r.place)?.name ?? r.place,
      MEASURE_WORDS[r.measure],
      r.value_min ?? '',
      r.value_max ?? '',
      r.confidence,
    ]),
    sourceIds: uniqueSources(rows),
    rowSourceIds: rows.map((r) => r.source_ids),
  };
}
