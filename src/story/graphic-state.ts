/**
 * A graphic state is everything the sticky panel shows for one step, as
 * data. The panel is a pure function of it: see client/apply-state.ts.
 */
import type { MapState } from '../map/map-state';
import type { ChartState, ChartKind } from '../charts/chart-state';
import { localePath, type Locale } from '../i18n/locale';

export type GraphicState = MapState | ChartState;
export type GraphicKind = 'map' | ChartKind;

export const GRAPHIC_KINDS: GraphicKind[] = ['map', 'roads-waffle', 'fuel-prices', 'electricity', 'school-calendar', 'timeline'];

/**
 * Render sizes. Charts come in two layouts, because a chart laid out for a
 * wide panel has unreadable text on a phone; both are a couple of KB. The map
 * has one layout (it is the heaviest graphic) and counter-scales its text.
 */
export type Layout = 'wide' | 'narrow';
export const LAYOUTS: Layout[] = ['wide', 'narrow'];

export const RENDER_SIZES = {
  map: { wide: { width: 480, height: 440 }, narrow: { width: 480, height: 440 } },
  // Narrow: the phone's graphic area (full width × 58svh, 360 × 429 px on a 360 × 740 phone) has these
  // proportions, and at 320 units wide the charts' 13-unit text draws at 13 px or more on any phone from
  // 320 px up. Wide: drawn only where it gets 640 px or more, so its text is never under 13 px.
  chart: { wide: { width: 640, height: 520 }, narrow: { width: 320, height: 372 } },
} as const;

export function sizeFor(kind: GraphicKind, layout: Layout = 'wide') {
  return (kind === 'map' ? RENDER_SIZES.map : RENDER_SIZES.chart)[layout];
}

/** Only charts have a separate narrow layout. */
export function layoutsFor(kind: GraphicKind): Layout[] {
  return kind === 'map' ? ['wide'] : LAYOUTS;
}

/**
 * Standalone figures (no JavaScript, print, downloads) come in both layouts
 * for every graphic: a map cannot counter-scale its text in an <img>, so its
 * phone figure is drawn for a phone's width.
 */
export function figureLayoutsFor(_kind: GraphicKind): Layout[] {
  return LAYOUTS;
}

/** The width in CSS pixels a static map figure is drawn for: a step's figure on a phone, and in the text column. */
export const MAP_FIGURE_DISPLAY_WIDTHS: Record<Layout, number> = { narrow: 300, wide: 576 };

/**
 * Which screens get a step figure's narrow file. A chart's wide layout (text
 * of 12 units in 640) is legible only drawn 640 px wide or more, and a step's
 * figure never is: it spans the text column, at most 38rem less its padding
 * (576 px). So every screen gets a chart's narrow layout; print, with a page
 * to fill, the wide one. A map's wide figure is drawn for 576 px (13 px text
 * there, 12 px from 532 px), so only screens narrower than that get its
 * phone drawing.
 */
export function narrowFigureMedia(kind: GraphicKind): string {
  return kind === 'map' ? '(max-width: 36rem)' : 'screen';
}

/** File name of a state's standalone figure: the wide layout keeps the plain name. */
export function figureFileName(stateName: string, layout: Layout): string {
  return layout === 'wide' ? `${stateName}.svg` : `${stateName}-${layout}.svg`;
}

/**
 * The address of a state's standalone figure in one language, base included: "/figures/map-frame.svg",
 * and for French pages "/fr/figures/map-frame.svg", whose words are French.
 */
export function figureHref(stateName: string, layout: Layout, locale: Locale = 'en'): string {
  return localePath(locale, `/figures/${figureFileName(stateName, layout)}`);
}

/**
 * Charts whose narrow layout is laid out for one state (the phone timeline
 * numbers the highlighted events in a legend): the panel holds one render
 * per state and shows the one for the current step.
 */
export function narrowLayoutPerState(kind: GraphicKind): boolean {
  return kind === 'timeline';
}
