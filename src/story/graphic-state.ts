/**
 * A graphic state is everything the sticky panel shows for one step, as
 * data. The panel is a pure function of it: see client/apply-state.ts.
 */
import type { MapState } from '../map/map-state';
import type { ChartState, ChartKind } from '../charts/chart-state';

export type GraphicState = MapState | ChartState;
export type GraphicKind = 'map' | ChartKind;

export const GRAPHIC_KINDS: GraphicKind[] = ['map', 'roads-waffle', 'fuel-prices', 'electricity', 'school-calendar', 'timeline'];

/** The render size of every panel graphic and step figure: small enough that its text reads on a phone without JavaScript. */
export const PANEL_SIZE = { map: { width: 480, height: 440 }, chart: { width: 640, height: 520 } } as const;

export function sizeFor(kind: GraphicKind) {
  return kind === 'map' ? PANEL_SIZE.map : PANEL_SIZE.chart;
}
