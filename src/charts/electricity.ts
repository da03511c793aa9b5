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
import type { Locale } from '../i18n/locale';
import { t } from '../i18n/strings';
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
  dataText,
} from './common';

export type ElectricityGroup = 'before-2025' | '2025' | 'after-article';
type Measure = ElectricityObservation['measure'];

const BAR_HEIGHT = 16;
const MEASURE_CLASS: Record<Measure, string> = {
  supply_hours_per_day: 'supply',
  outage_hours_per_day: 'outage',
  days_without_power: 'days',
};

export function electricityGroup(row: ElectricityObservation): ElectricityGroup {
  const start = startOfDate(row.date).getTime();
  if (start < Date.UTC(2025, 0, 1)) return 'before-2025';
  return isAfterArticle(row.date) ? 'after-article' : '2025';
}

/** Whether an amount takes the singular: "1 hour" in English; below 2 in French ("1,5 heure"), one figure only. */
function singular(row: ElectricityObservation, value: string, locale: Locale): boolean {
  if (locale === 'en') return value === '1';
  const single = row.value_min === undefined || row.value_max === undefined || row.value_min === row.value_max;
  return single && (row.value_min ?? row.value_max ?? 0) < 2;
}

const MEASURE_KEY = { supply_hours_per_day: 'supply', outage_hours_per_day: 'outage', days_without_power: 'days' } as const;

/**
 * What the row says, in words: "4–6 hours of power a day", "fewer than 6 hours of power a day", "no power for 3 days".
 * French: "4–6 heures d’électricité par jour", "sans électricité pendant 3 jours".
 */
export function electricityValueText(row: ElectricityObservation, locale: Locale = 'en'): string {
  const value = electricityAmount(row, locale);
  const key = MEASURE_KEY[row.measure];
  if (value === undefined) return t(locale, `graphics.elec.${key}.none`);
  return t(locale, `graphics.elec.${key}.${singular(row, value, locale) ? 'one' : 'many'}`, { value });
}

/** The same in fewer words, for the narrow layout: "4–6 h with power", "no power for 3 days". */
export function electricityShortValueText(row: ElectricityObservation, locale: Locale = 'en'): string {
  const value = electricityAmount(row, locale);
  switch (row.measure) {
    case 'supply_hours_per_day':
      return value === undefined ? t(locale, 'graphics.elec.supplyShort.none') : t(locale, 'graphics.elec.supplyShort', { value });
    case 'outage_hours_per_day':
      return value === undefined ? t(locale, 'graphics.elec.outage.none') : t(locale, 'graphics.elec.outageShort', { value });
    case 'days_without_power':
      return electricityValueText(row, locale);
  }
}

function placeName(places: Map<string, Place>, id: string, locale: Locale): string {
  const place = places.get(id);
  return place ? dataText(place, 'name', locale) : id;
}

function sortRows(rows: readonly ElectricityObservation[], places: Map<string, Place>): ElectricityObservation[] {
  // One order in both languages (by the English name), so a row keeps its place in the chart.
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
  const locale = options.locale ?? 'en';
  const placeById = new Map(places.map((p) => [p.id, p]));
  const rows = sortRows(observations, placeById).filter((r) => keepGroup(ctx, electricityGroup(r)));
  if (rows.length === 0) return emptyChart('electricity', size, options, t(locale, 'graphics.elec.empty'));
  const W = size.width;
  const pad = 10;

  const narrow = isNarrow(size);
  const measures = new Set(rows.map((r) => r.measure));
  const ranged = rows.some((r) => r.measure !== 'days_without_power' && r.value_max !== undefined && r.value_max !== r.value_min);
  const legendItems: LegendItem[] = [];
  if (measures.has('supply_hours_per_day')) {
    legendItems.push({ swatch: (cx, cy) => rect(cx - 8, cy - 6, 16, 12, 'elec-bar elec-bar--supply'), text: t(locale, 'graphics.elec.legend.supply') });
  }
  if (measures.has('outage_hours_per_day')) {
    legendItems.push({ swatch: (cx, cy) => rect(cx - 8, cy - 6, 16, 12, 'elec-bar elec-bar--outage'), text: t(locale, 'graphics.elec.legend.outage') });
  }
  const rangeItem: LegendItem = { swatch: (cx, cy) => rect(cx - 8, cy - 6, 16, 12, 'elec-key-range'), text: t(locale, 'graphics.elec.legend.range') };
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
  const labels = rows.map(
    (r) =>
      t(locale, 'graphics.elec.rowLabel', { place: placeName(placeById, r.place, locale), date: formatDate(r.date, 'short', locale) }) +
      (flagged(r) ? afterArticleSuffix(r.date, locale) : ''),
  );
  // French puts a narrow no-break space before the colon.
  const colon = locale === 'fr' ? '\u202f:' : ':';
  const fits = (label: string, value: string) => textWidth(`${label}${colon} ${value}`, fontSize) + textWidth(label, fontSize) * 0.07 <= W - 2 * pad;
  const short = narrow && rows.some((r, i) => !fits(labels[i] ?? '', electricityValueText(r, locale)));
  const rowText = rows.map((r, i) => {
    const label = labels[i] ?? '';
    const value = short ? electricityShortValueText(r, locale) : electricityValueText(r, locale);
    return { label, value, oneLine: fits(label, value) };
  });
  // Narrow: a thinner bar right under the text, and rows only as far apart as the height allows.
  const barHeight = narrow ? 10 : BAR_HEIGHT;
  const barGap = narrow ? 3 : 4;
  const contentHeight = (i: number) => {
    const r = rows[i];
    const text = rowText[i];
    if (!r || !text) return 0;
    return (text.oneLine ? lineHeight : 2 * lineHeight) + (r.measure === 'days_without_power' ? 0 : barHeight + barGap + 2);
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
  const axis = ticks.map((hour) =>
    [
      line(x(hour), rowsTop - 6, x(hour), height - 8, hour === 0 ? 'chart-axis-line' : 'chart-grid'),
      el(
        'text',
        { class: 'chart-tick-label', x: round(x(hour)), y: round(axisTop + 16), 'text-anchor': hour === 0 ? 'start' : hour === 24 ? 'end' : 'middle' },
        `${hour} h`,
      ),
    ].join(''),
  );

  let cursor = rowsTop;
  const marks = rows.map((r, i) => {
    const row = rowText[i] ?? { label: '', value: '', oneLine: true };
    const measure = MEASURE_CLASS[r.measure];
    const top = cursor;
    cursor += contentHeight(i) + gap;
    const baseline = top + fontSize;
    const fontAttr = narrow ? { 'font-size': fontSize } : {};
    const text = row.oneLine
      ? el('text', { class: 'elec-text', x: pad, y: round(baseline), ...fontAttr }, [
          el('tspan', { class: 'elec-label' }, escapeXml(`${row.label}${colon}`)),
          el('tspan', { class: `elec-value elec-value--${measure}` }, escapeXml(` ${row.value}`)),
        ])
      : el('text', { class: 'elec-text', x: pad, y: round(baseline), ...fontAttr }, [
          el('tspan', { class: 'elec-label', x: pad }, escapeXml(row.label)),
          el('tspan', { class: `elec-value elec-value--${measure}`, x: pad, dy: lineHeight }, escapeXml(row.value)),
        ]);
    const parts = [text];
    if (r.measure !== 'days_without_power') {
      const barY = top + (row.oneLine ? lineHeight : 2 * lineHeight) + barGap;
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

export function electricityTable(observations: ElectricityObservation[], places: Place[], locale: Locale = 'en'): ChartTable {
  const placeById = new Map(places.map((p) => [p.id, p]));
  const rows = sortRows(observations, placeById);
  return {
    caption: t(locale, 'graphics.elec.caption', { date: formatDate(ARTICLE_DATE, 'short', locale) }),
    columns: [
      t(locale, 'graphics.col.date'),
      t(locale, 'graphics.col.place'),
      t(locale, 'graphics.elec.col.what'),
      t(locale, 'graphics.elec.col.lowest'),
      t(locale, 'graphics.elec.col.highest'),
      t(locale, 'graphics.col.confidence'),
      t(locale, 'graphics.col.afterArticle'),
    ],
    rows: rows.map((r) => {
      const measure = t(locale, `graphics.elec.measure.${r.measure}`);
      return [
        formatDate(r.date, 'short', locale),
        placeName(placeById, r.place, locale),
        r.qualifier ? t(locale, 'graphics.elec.qualified', { measure, qualifier: t(locale, `graphics.elec.qualifier.${r.qualifier}`) }) : measure,
        r.value_min ?? '',
        r.value_max ?? '',
        t(locale, `graphics.confidence.${r.confidence}`),
        afterArticleCell(r.date, locale),
      ];
    }),
    sourceIds: uniqueSources(rows),
    rowSourceIds: rows.map((r) => r.source_ids),
  };
}
