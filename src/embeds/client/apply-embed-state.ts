/**
 * Puts an embed page's graphic into another of its story states, without
 * animation. It follows the same rules as the story's applier
 * (src/story/client/apply-state.ts, documented in src/charts/chart-state.ts
 * and src/map/render-map.ts): only classes and the map's viewBox change.
 *
 * Why not call the story's applier: it imports d3-selection, d3-transition
 * and d3-interpolate for its animated zoom (14.5 KB gzip), which alone would
 * take a map embed over its 40 KB first-view budget, and an embed never
 * animates. The rules are few and fixed; tests/browser/embeds.test.ts checks,
 * for every state of every embed, that the page shows exactly what the state
 * declares, with the same check the story's tests use.
 */
import type { GraphicState } from '../../story/graphic-state';
import { annotationKey, type MapState } from '../../map/map-state';
import type { ChartState } from '../../charts/chart-state';

function toggleAll(root: Element, selector: string, isOn: (el: Element) => boolean) {
  root.querySelectorAll(selector).forEach((el) => el.classList.toggle('is-off', !isOn(el)));
}

function applyMap(svg: SVGSVGElement, state: MapState, viewBoxes: Record<string, string>) {
  const highlighted = new Set<string>(state.highlight);
  svg.querySelectorAll('[data-region]').forEach((el) => el.classList.toggle('is-highlighted', highlighted.has(el.getAttribute('data-region') ?? '')));
  toggleAll(svg, '[data-layer]', (el) => (state.layers as string[]).includes(el.getAttribute('data-layer') ?? ''));
  toggleAll(svg, '[data-corridor]', (el) => state.corridors.length === 0 || state.corridors.includes(el.getAttribute('data-corridor') ?? ''));
  toggleAll(svg, '[data-label]', (el) => state.labels.includes(el.getAttribute('data-label') ?? ''));
  const annotations = new Set(state.annotations.map(annotationKey));
  toggleAll(svg, '[data-annotation]', (el) => annotations.has(el.getAttribute('data-annotation') ?? ''));
  const viewBox = viewBoxes[state.view];
  if (viewBox) {
    svg.setAttribute('viewBox', viewBox);
    svg.dataset.view = state.view;
  }
}

function applyChart(svg: SVGSVGElement, state: ChartState) {
  const groups = new Set(state.groups);
  const highlighted = new Set(state.highlight);
  toggleAll(svg, '[data-group]', (el) => groups.size === 0 || groups.has(el.getAttribute('data-group') ?? ''));
  svg.querySelectorAll('[data-mark]').forEach((el) => el.classList.toggle('is-highlighted', highlighted.has(el.getAttribute('data-mark') ?? '')));
  toggleAll(svg, '.chart-label--conditional[data-label-for]', (el) => highlighted.has(el.getAttribute('data-label-for') ?? ''));
}

export function applyEmbedState(root: Element, state: GraphicState, stateName: string, viewBoxes: Record<string, string>) {
  // A layout drawn for one state only (the phone timeline) shows only with that state.
  root.querySelectorAll<HTMLElement>('[data-for-state]').forEach((layout) => {
    layout.classList.toggle('is-other-state', layout.dataset.forState !== stateName);
  });
  root.querySelectorAll<SVGSVGElement>('svg').forEach((svg) => {
    if (state.kind === 'map') applyMap(svg, state, viewBoxes);
    else applyChart(svg, state);
  });
}
