/**
 * One entry point for every chart: the story's panel, step figures, embed
 * pages and downloads call these, so they cannot drift apart.
 */
import type { SiteData } from '../data/schema';
import type { Locale } from '../i18n/locale';
import type { Size } from '../lib/svg';
import type { ChartKind, ChartRenderOptions, ChartState, ChartTable } from './chart-state';
import { electricityTable, renderElectricity } from './electricity';
import { fuelPricesTable, renderFuelPrices } from './fuel-prices';
import { renderRoadsWaffle, roadsWaffleTable } from './roads-waffle';
import { renderSchoolCalendar, schoolCalendarTable } from './school-calendar';
import { renderTimeline, timelineTable } from './timeline';
import { GRAPHIC_STATES } from '../story/graphic-states';

export * from './chart-state';

/**
 * The highlight lists of the story's states of this chart, and the state's own: the labels a reader
 * can see together, wherever the chart is shown (the panel and embeds switch between these states;
 * a figure or download shows one of them), so that every render places them alike.
 */
function labelsShownTogether(state: ChartState): string[][] {
  const story = Object.values(GRAPHIC_STATES).flatMap((s) => (s.kind === state.kind ? [[...s.highlight]] : []));
  return [...story, [...state.highlight]];
}

export function renderChart(data: SiteData, state: ChartState, size: Size, givenOptions: ChartRenderOptions): string {
  const options = { ...givenOptions, shownTogether: givenOptions.shownTogether ?? labelsShownTogether(state) };
  switch (state.kind) {
    case 'fuel-prices':
      return renderFuelPrices(data.fuelPrices, data.places, state, size, options);
    case 'electricity':
      return renderElectricity(data.electricity, data.places, state, size, options);
    case 'school-calendar':
      return renderSchoolCalendar(data.schoolClosures, state, size, options);
    case 'roads-waffle':
      return renderRoadsWaffle(data.figures, state, size, options);
    case 'timeline':
      return renderTimeline(data.timeline, state, size, options);
  }
}

/** A chart's data as a table, in the reader's language: caption, column headers and words in the cells. */
export function chartTable(data: SiteData, kind: ChartKind, locale: Locale = 'en'): ChartTable {
  switch (kind) {
    case 'fuel-prices':
      return fuelPricesTable(data.fuelPrices, data.places, locale);
    case 'electricity':
      return electricityTable(data.electricity, data.places, locale);
    case 'school-calendar':
      return schoolCalendarTable(data.schoolClosures, locale);
    case 'roads-waffle':
      return roadsWaffleTable(data.figures, undefined, locale);
    case 'timeline':
      return timelineTable(data.timeline, locale);
  }
}
