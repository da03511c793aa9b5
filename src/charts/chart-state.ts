/**
 * What a chart shows, as plain data. The story's steps, embed pages and
 * downloads describe a chart with a ChartState, and one renderer per chart
 * turns it into SVG, so every route to a step shows the same picture.
 *
 * In the browser (src/story/client/apply-state.ts) a state is applied by
 * toggling classes only:
 *  - every element with `data-group` gets `is-off` unless its group is shown;
 *  - every element with `data-mark` gets `is-highlighted` if its id is highlighted;
 *  - every `.chart-label--conditional[data-label-for]` gets `is-off` unless highlighted.
 * The renderers follow the same rules, so a build-time render of a state and
 * the browser's toggling of that state give the same result.
 */
import type { Locale } from '../i18n/locale';
import type { TimelineEvent } from '../data/schema';

export type ChartKind = 'fuel-prices' | 'electricity' | 'school-calendar' | 'roads-waffle' | 'timeline';

export const CHART_KINDS: readonly ChartKind[] = ['fuel-prices', 'electricity', 'school-calendar', 'roads-waffle', 'timeline'];

export interface ChartState {
  kind: ChartKind;
  /** mark groups shown; empty = all */
  groups: string[];
  /** row ids emphasised, and whose conditional labels show */
  highlight: string[];
}

export interface ChartRenderOptions {
  mode: 'interactive' | 'static';
  /** Accessible name for the SVG (the caption and table carry the detail). */
  title: string;
  /** Makes ids unique when several charts share a page. */
  idPrefix: string;
  /** The language of every word drawn (default English). */
  locale?: Locale;
  /**
   * Timeline, narrow layout: the legend of numbered events keeps room for this
   * many entries (default 4, the most any story state highlights), so that the
   * renders of different states have the same height and the same axis position.
   */
  maxHighlights?: number;
  /**
   * Lists of row ids whose conditional labels are shown at the same time: the
   * highlight lists of every state this render may be toggled to. Labels in one
   * list are placed apart. renderChart fills it with the story's states of the
   * chart and the state rendered.
   */
  shownTogether?: readonly (readonly string[])[];
}

export interface ChartTable {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
  sourceIds: string[];
  /** The sources of each row, in the order of `rows`, for the table's source column and the CSV download. */
  rowSourceIds: string[][];
}

export { ARTICLE_DATE } from '../data/currency';

export const FUEL_GROUPS = ['official', 'informal'] as const;
export const ELECTRICITY_GROUPS = ['before-2025', '2025', 'after-article'] as const;
export const SCHOOL_GROUPS = ['closed', 'reopen', 'announced'] as const;
export const WAFFLE_GROUPS = ['events', 'fatalities'] as const;
export const TIMELINE_GROUPS = [
  'politics',
  'security',
  'blockade',
  'energy',
  'international',
  'governance',
] as const satisfies readonly TimelineEvent['category'][];

/** The values `ChartState.groups` may hold, per chart. */
export const CHART_GROUPS: Record<ChartKind, readonly string[]> = {
  'fuel-prices': FUEL_GROUPS,
  electricity: ELECTRICITY_GROUPS,
  'school-calendar': SCHOOL_GROUPS,
  'roads-waffle': WAFFLE_GROUPS,
  timeline: TIMELINE_GROUPS,
};

export function defaultChartState(kind: ChartKind): ChartState {
  return { kind, groups: [], highlight: [] };
}
