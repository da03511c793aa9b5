/**
 * The class rules that put a graphic rendered in "interactive" mode into one
 * of its states (documented in src/charts/chart-state.ts and
 * src/map/render-map.ts). The story's panel and the embed pages both use
 * them; this module has no d3, so an embed page stays within its budget.
 *
 * A class is only written when it changes: every write re-matches styles,
 * and on a slow phone that is what makes scrolling stutter.
 */
import type { GraphicState } from '../graphic-state';
import type { MapState } from '../../map/map-state';
import type { ChartState } from '../../charts/chart-state';

function setClass(el: Element, className: string, on: boolean) {
  if (el.classList.contains(className) !== on) el.classList.toggle(className, on);
}

function showWhere(root: Element, selector: string, attribute: string, isOn: (value: string) => boolean) {
  root.querySelectorAll(selector).forEach((el) => setClass(el, 'is-off', !isOn(el.getAttribute(attribute) ?? '')));
}

export function applyMapClasses(svg: SVGSVGElement, state: MapState, stateName: string | undefined) {
  const highlighted = new Set<string>(state.highlight);
  svg.querySelectorAll('[data-region]').forEach((el) => setClass(el, 'is-highlighted', highlighted.has(el.getAttribute('data-region') ?? '')));
  showWhere(svg, '[data-layer]', 'data-layer', (layer) => (state.layers as string[]).includes(layer));
  showWhere(svg, '[data-corridor]', 'data-corridor', (id) => state.corridors.length === 0 || state.corridors.includes(id));
  // Names and notes are placed for each state at build time (src/map/label-placement.ts): one group per state.
  if (stateName !== undefined) showWhere(svg, '[data-labels-for]', 'data-labels-for', (name) => name === stateName);
}

export function applyChartClasses(svg: SVGSVGElement, state: ChartState) {
  const groups = new Set(state.groups);
  const highlighted = new Set(state.highlight);
  showWhere(svg, '[data-group]', 'data-group', (group) => groups.size === 0 || groups.has(group));
  svg.querySelectorAll('[data-mark]').forEach((el) => setClass(el, 'is-highlighted', highlighted.has(el.getAttribute('data-mark') ?? '')));
  showWhere(svg, '.chart-label--conditional[data-label-for]', 'data-label-for', (id) => highlighted.has(id));
  setClass(svg, 'has-highlight', highlighted.size > 0);
}

/** A layout drawn for one named state only (the phone timeline) shows with that state alone. */
export function showLayoutsFor(root: Element, stateName: string | undefined) {
  root.querySelectorAll<HTMLElement>('[data-for-state]').forEach((layout) => setClass(layout, 'is-other-state', layout.dataset.forState !== stateName));
}

/**
 * Classes of every SVG under root; the map's view (viewBox and data-view) is
 * the caller's, since the story keeps a drawn map per view. A layout drawn
 * for one state was rendered in that state and shows only with it, so it is
 * left alone: on a slow phone, visiting its marks is most of a step's cost.
 */
export function applyStateClasses(root: Element, state: GraphicState, stateName: string | undefined) {
  showLayoutsFor(root, stateName);
  root.querySelectorAll<SVGSVGElement>('svg').forEach((svg) => {
    if (svg.closest('[data-for-state]')) return;
    if (state.kind === 'map') applyMapClasses(svg, state, stateName);
    else applyChartClasses(svg, state);
  });
}

/**
 * Keeps map text, dots and markers at one size on screen whatever the
 * graphic's size and zoom: the SVG scales with its box, so they are
 * counter-scaled by the map units per CSS pixel. The map is fitted into its
 * box whole (preserveAspectRatio "meet"), so the scale is set by whichever
 * of width and height is tighter. Takes the box it is drawn in, so callers
 * can pass one they already know instead of forcing a layout.
 */
export function setLabelScale(svg: SVGSVGElement, drawnWidth: number, drawnHeight = 0) {
  const [, , viewBoxWidth = 0, viewBoxHeight = 0] = (svg.getAttribute('viewBox') ?? '').split(/\s+/).map(Number);
  if (!(drawnWidth > 0 && viewBoxWidth > 0)) return;
  const unitsPerPx = Math.max(viewBoxWidth / drawnWidth, drawnHeight > 0 && viewBoxHeight > 0 ? viewBoxHeight / drawnHeight : 0);
  const scale = String(Math.round(unitsPerPx * 10000) / 10000);
  if (svg.style.getPropertyValue('--label-scale') !== scale) svg.style.setProperty('--label-scale', scale);
  setClass(svg, 'is-scaled', true);
}
