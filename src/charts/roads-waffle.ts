/**
 * How much of the violence happens near roads: two 10×10 grids, one for
 * violent events and one for fatalities, with one square per percent. The
 * numbers and the wording come from the two figure rows; nothing is typed in
 * here.
 */
import type { KeyFigure } from '../data/schema';
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

const QUALIFIER_WORDS: Record<KeyFigure['qualifier'], string> = {
  exact: '',
  about: 'About ',
  'more-than': 'More than ',
  'at-least': 'At least ',
  range: '',
};

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

/** "About 70%", "60–70%", "More than 50%". */
export function waffleHeadline(row: KeyFigure): string {
  const unit = row.unit.trim().startsWith('%') ? '%' : ` ${row.unit.trim()}`;
  const value =
    row.qualifier === 'range' && row.value_max !== undefined
      ? `${formatNumber(required(row.value, row.id))}–${formatNumber(row.value_max)}`
      : formatNumber(required(row.value, row.id));
  return `${QUALIFIER_WORDS[row.qualifier]}${value}${unit}`;
}

/** The sentence under a grid: the figure's own label, with its period and scope when given. */
function waffleDetail(row: KeyFigure): string {
  const context = [row.scope, row.period].filter(Boolean).join(', ');
  return context ? `${row.label} (${context})` : row.label;
}

export function renderRoadsWaffle(
  figures: KeyFigure[],
  state: ChartState,
  size: Size,
  options: ChartRenderOptions,
  ids: WaffleFigureIds = DEFAULT_WAFFLE_IDS,
): string {
  const ctx = markContext(state, options);
  const all = { events: checkedFigure(figures, ids.events), fatalities: checkedFigure(figures, ids.fatalities) };
  const shown = GROUPS.filter((g) => keepGroup(ctx, g));
  const W = size.width;
  const pad = 10;
  const narrow = isNarrow(size);
  const gap = narrow ? 16 : 28;
  const fontSize = narrow ? SMALL_FONT_SIZE : FONT_SIZE;
  const lineHeight = narrow ? SMALL_LINE_HEIGHT : LINE_HEIGHT;

  // Narrow: when both figures share their scope and period, the footnote says it once.
  const context = (row: KeyFigure) => [row.scope, row.period].filter(Boolean).join(', ');
  const shared = narrow && context(all.events.row) !== '' && context(all.events.row) === context(all.fatalities.row) ? context(all.events.row) : '';
  const detailText = (g: WaffleGroup) => (shared ? all[g].row.label : waffleDetail(all[g].row));
  const footnote = shared ? `${shared}. Each square is 1% of the total.` : 'Each square is 1% of the total';
  const footLines = narrow ? wrapToWidth(footnote, W - 2 * pad, fontSize) : [footnote];
  const footHeight = footLines.length * lineHeight + 10;

  const layout = (sideBySide: boolean) => {
    const columns = sideBySide ? shown.length : 1;
    const blockWidth = (W - 2 * pad - (columns - 1) * gap) / columns;
    const details = Object.fromEntries(GROUPS.map((g) => [g, wrapToWidth(detailText(g), blockWidth, fontSize)])) as Record<WaffleGroup, string[]>;
    // The headline shrinks (down to 18) rather than run past its column.
    const headlineSize = narrow ? Math.max(18, Math.min(HEADLINE_SIZE, ...shown.map((g) => HEADLINE_SIZE * (blockWidth / textWidth(waffleHeadline(all[g].row), HEADLINE_SIZE, true))))) : HEADLINE_SIZE;
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
      el('text', { class: 'waffle-headline', x: round(bx), y: round(top + headlineSize), 'font-size': round(headlineSize) }, escapeXml(waffleHeadline(fig.row))),
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

export function roadsWaffleTable(figures: KeyFigure[], ids: WaffleFigureIds = DEFAULT_WAFFLE_IDS): ChartTable {
  const rows = [ids.events, ids.fatalities].map((id) => figures.find((f) => f.id === id)).filter((f): f is KeyFigure => Boolean(f));
  return {
    caption: 'Violence near roads in North and West Africa',
    columns: ['Figure', 'Value', 'Highest value', 'Unit', 'Qualifier', 'Period', 'Scope', 'Confidence'],
    rows: rows.map((f) => [f.label, required(f.value, `figure "${f.id}" value`), f.value_max ?? '', f.unit, f.qualifier, f.period ?? '', f.scope ?? '', f.confidence]),
    sourceIds: uniqueSources(rows),
    rowSourceIds: rows.map((r) => r.source_ids),
  };
}
