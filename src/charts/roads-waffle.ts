/**
 * How much of the violence happens near roads: two 10×10 grids, one for
 * violent events and one for fatalities, with one square per percent. The
 * numbers and the wording come from the two figure rows; nothing is typed in
 * here.
 */
import type { KeyFigure } from '../data/schema';
import type { Locale } from '../i18n/locale';
import { t } from '../i18n/strings';
import { el, escapeXml, type Size } from '../lib/svg';
import type { ChartRenderOptions, ChartState, ChartTable } from './chart-state';
import {
  FONT_SIZE,
  LINE_HEIGHT,
  SMALL_FONT_SIZE,
  SMALL_LINE_HEIGHT,
  chartSvg,
  clamp,
  formatNumber,
  isNarrow,
  keepGroup,
  markAttrs,
  markContext,
  rect,
  required,
  round,
  textLines,
  textWidth,
  uniqueSources,
  wrapToWidth,
  dataText,
} from './common';

export type WaffleGroup = 'events' | 'fatalities';

export interface WaffleFigureIds {
  events: string;
  fatalities: string;
}

export const DEFAULT_WAFFLE_IDS: WaffleFigureIds = {
  events: 'oecd-events-within-1km-road',
  fatalities: 'oecd-fatalities-within-1km-road',
};

const GROUPS: WaffleGroup[] = ['events', 'fatalities'];
const HEADLINE_SIZE = 24;
const CELL_GAP = 3;

function qualifierWords(qualifier: KeyFigure['qualifier'], locale: Locale): string {
  return qualifier === 'exact' || qualifier === 'range' ? '' : t(locale, `graphics.waffle.qualifier.${qualifier}`);
}

function isPercent(unit: string): boolean {
  return /%|per ?cent/i.test(unit);
}

interface WaffleFigure {
  row: KeyFigure;
  filled: number;
  /** Squares up to the top of a reported range (drawn paler); equals `filled` otherwise. */
  upTo: number;
}

function checkedFigure(figures: readonly KeyFigure[], id: string): WaffleFigure {
  const row = figures.find((f) => f.id === id);
  if (!row) throw new Error(`roads waffle: no figure with id "${id}" in figures.csv`);
  if (!isPercent(row.unit)) throw new Error(`roads waffle: figure "${id}" must be a percentage (unit "%"), got unit "${row.unit}"`);
  const filled = Math.round(required(row.value, `roads waffle: figure "${id}" value`));
  const upTo = row.qualifier === 'range' && row.value_max !== undefined ? Math.round(row.value_max) : filled;
  for (const v of [filled, upTo]) {
    if (!Number.isFinite(v) || v < 0 || v > 100) throw new Error(`roads waffle: figure "${id}" must be between 0 and 100 percent, got ${v}`);
  }
  return { row, filled, upTo: Math.max(filled, upTo) };
}

/** "About 70%", "60–70%", "More than 50%". French "Environ 70 %" (a no-break space before the sign). */
export function waffleHeadline(row: KeyFigure, locale: Locale = 'en'): string {
  const unitText = dataText(row, 'unit', locale).trim();
  const unit = unitText.startsWith('%') ? (locale === 'fr' ? '\u00a0%' : '%') : ` ${unitText}`;
  const value =
    row.qualifier === 'range' && row.value_max !== undefined
      ? `${formatNumber(required(row.value, row.id), locale)}–${formatNumber(row.value_max, locale)}`
      : formatNumber(required(row.value, row.id), locale);
  return `${qualifierWords(row.qualifier, locale)}${value}${unit}`;
}

/** A figure's scope and period: "North and West Africa, 2023". */
function figureContext(row: KeyFigure, locale: Locale): string {
  return [row.scope ? dataText(row, 'scope', locale) : '', row.period ? dataText(row, 'period', locale) : ''].filter(Boolean).join(', ');
}

/** The sentence under a grid: the figure's own label, with its period and scope when given. */
function waffleDetail(row: KeyFigure, locale: Locale): string {
  const context = figureContext(row, locale);
  const label = dataText(row, 'label', locale);
  return context ? `${label} (${context})` : label;
}

export function renderRoadsWaffle(
  figures: KeyFigure[],
  state: ChartState,
  size: Size,
  options: ChartRenderOptions,
  ids: WaffleFigureIds = DEFAULT_WAFFLE_IDS,
): string {
  const ctx = markContext(state, options);
  const locale = options.locale ?? 'en';
  const all = { events: checkedFigure(figures, ids.events), fatalities: checkedFigure(figures, ids.fatalities) };
  const shown = GROUPS.filter((g) => keepGroup(ctx, g));
  const W = size.width;
  const pad = 10;
  const narrow = isNarrow(size);
  const gap = narrow ? 16 : 28;
  const fontSize = narrow ? SMALL_FONT_SIZE : FONT_SIZE;
  const lineHeight = narrow ? SMALL_LINE_HEIGHT : LINE_HEIGHT;

  // Narrow: when both figures share their scope and period, the footnote says it once.
  const context = (row: KeyFigure) => figureContext(row, locale);
  const shared = narrow && context(all.events.row) !== '' && context(all.events.row) === context(all.fatalities.row) ? context(all.events.row) : '';
  const detailText = (g: WaffleGroup) => (shared ? dataText(all[g].row, 'label', locale) : waffleDetail(all[g].row, locale));
  const footnote = shared ? t(locale, 'graphics.waffle.footnoteShared', { context: shared }) : t(locale, 'graphics.waffle.footnote');
  const footLines = narrow ? wrapToWidth(footnote, W - 2 * pad, fontSize) : [footnote];
  const footHeight = footLines.length * lineHeight + 10;

  const layout = (sideBySide: boolean) => {
    const columns = sideBySide ? shown.length : 1;
    const blockWidth = (W - 2 * pad - (columns - 1) * gap) / columns;
    const details = Object.fromEntries(GROUPS.map((g) => [g, wrapToWidth(detailText(g), blockWidth, fontSize)])) as Record<WaffleGroup, string[]>;
    // The headline shrinks (down to 18) rather than run past its column.
    const headlineSize = narrow ? Math.max(18, Math.min(HEADLINE_SIZE, ...shown.map((g) => HEADLINE_SIZE * (blockWidth / textWidth(waffleHeadline(all[g].row, locale), HEADLINE_SIZE, true))))) : HEADLINE_SIZE;
    const textHeight = (g: WaffleGroup) => headlineSize + 8 + details[g].length * lineHeight + 10;
    const blockRows = sideBySide ? 1 : shown.length;
    const headerHeights = sideBySide ? [Math.max(...shown.map(textHeight))] : shown.map(textHeight);
    // Wide grids may grow past the height given, narrow ones only shrink (to 10-unit cells).
    const bottomRoom = narrow ? 8 + 4 : 10;
    const availableGrid = (size.height - bottomRoom - footHeight - headerHeights.reduce((a, b) => a + b, 0) - (blockRows - 1) * gap) / blockRows;
    const minGrid = Math.min((narrow ? 10 : 14) * 10 + 9 * CELL_GAP, blockWidth);
    const gridSize = clamp(Math.min(blockWidth, availableGrid, 300), minGrid, 300);
    const height = 8 + headerHeights.reduce((a, b) => a + b, 0) + blockRows * gridSize + (blockRows - 1) * gap + footHeight + 4;
    return { blockWidth, details, headlineSize, headerHeights, gridSize, height, fits: availableGrid >= minGrid };
  };
  // Side by side when there is the width for it, or (narrow) when stacking would not fit the height.
  const wideEnough = W >= 2 * (10 * 18 + 9 * CELL_GAP) + gap + 2 * pad;
  const sideBySide = shown.length > 1 && (wideEnough || (narrow && !layout(false).fits));
  const { blockWidth, details, headlineSize, headerHeights, gridSize } = layout(sideBySide);
  const cell = (gridSize - 9 * CELL_GAP) / 10;

  const blocks: string[] = [];
  let top = 8;
  shown.forEach((g, i) => {
    const fig = all[g];
    const col = sideBySide ? i : 0;
    const header = sideBySide ? (headerHeights[0] ?? 0) : (headerHeights[i] ?? 0);
    const bx = pad + col * (blockWidth + gap);
    const parts: string[] = [
      el('text', { class: 'waffle-headline', x: round(bx), y: round(top + headlineSize), 'font-size': round(headlineSize) }, escapeXml(waffleHeadline(fig.row, locale))),
      textLines(details[g], bx, top + headlineSize + 8 + fontSize, narrow ? { class: 'waffle-detail', 'font-size': fontSize } : { class: 'waffle-detail' }, lineHeight),
    ];
    const gy = top + header;
    for (let k = 0; k < 100; k++) {
      const cx = bx + (k % 10) * (cell + CELL_GAP);
      const cy = gy + Math.floor(k / 10) * (cell + CELL_GAP);
      const cls = k < fig.filled ? 'waffle-cell is-filled' : k < fig.upTo ? 'waffle-cell is-range' : 'waffle-cell';
      parts.push(rect(cx, cy, cell, cell, cls));
    }
    blocks.push(el('g', markAttrs(ctx, g, fig.row.id, 'waffle', `waffle--${g}`), parts));
    if (!sideBySide) top += header + gridSize + gap;
  });
  const bottom = sideBySide ? top + (headerHeights[0] ?? 0) + gridSize : top - gap;
  // The grids are square: a taller box than they need is left out rather than drawn empty.
  const height = bottom + footHeight + 4;
  const foot = textLines(footLines, pad, bottom + 8 + fontSize, narrow ? { class: 'chart-note', 'font-size': fontSize } : { class: 'chart-note' }, lineHeight);

  return chartSvg('roads-waffle', { width: W, height }, options, ctx, [el('g', { class: 'chart-marks' }, blocks), foot]);
}

export function roadsWaffleTable(figures: KeyFigure[], ids: WaffleFigureIds = DEFAULT_WAFFLE_IDS, locale: Locale = 'en'): ChartTable {
  const rows = [ids.events, ids.fatalities].map((id) => figures.find((f) => f.id === id)).filter((f): f is KeyFigure => Boolean(f));
  return {
    caption: t(locale, 'graphics.waffle.caption'),
    columns: [
      t(locale, 'graphics.waffle.col.figure'),
      t(locale, 'graphics.waffle.col.value'),
      t(locale, 'graphics.waffle.col.highest'),
      t(locale, 'graphics.waffle.col.unit'),
      t(locale, 'graphics.waffle.col.qualifier'),
      t(locale, 'graphics.waffle.col.period'),
      t(locale, 'graphics.waffle.col.scope'),
      t(locale, 'graphics.col.confidence'),
    ],
    rows: rows.map((f) => [
      dataText(f, 'label', locale),
      required(f.value, `figure "${f.id}" value`),
      f.value_max ?? '',
      dataText(f, 'unit', locale),
      t(locale, `graphics.waffle.qualifierCell.${f.qualifier}`),
      f.period ? dataText(f, 'period', locale) : '',
      f.scope ? dataText(f, 'scope', locale) : '',
      t(locale, `graphics.confidence.${f.confidence}`),
    ]),
    sourceIds: uniqueSources(rows),
    rowSourceIds: rows.map((r) => r.source_ids),
  };
}
