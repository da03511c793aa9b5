/** Renders any graphic state with the one renderer of its kind. */
import type { SiteData } from '../data/schema';
import type { Locale } from '../i18n/locale';
import { renderChart } from '../charts';
import { renderMap } from '../map/render-map';
import { mapDataFor } from '../map/map-data';
import { MAP_FIGURE_DISPLAY_WIDTHS, sizeFor, type GraphicState, type Layout } from './graphic-state';

export function renderGraphic(
  data: SiteData,
  state: GraphicState,
  options: { mode: 'interactive' | 'static'; title: string; idPrefix: string; locale?: Locale },
  layout: Layout = 'wide',
): string {
  const size = sizeFor(state.kind, layout);
  return state.kind === 'map'
    ? renderMap(mapDataFor(data), state, size, options.mode === 'static' ? { ...options, displayWidth: MAP_FIGURE_DISPLAY_WIDTHS[layout] } : options)
    : renderChart(data, state, size, options);
}
