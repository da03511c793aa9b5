/**
 * Puts the panel into a graphic state. Every element the state could show
 * is already in the page (rendered at build time); this only switches
 * classes and the map's viewBox, so the result depends on the state alone,
 * never on which step came before.
 */
import { select } from 'd3-selection';
import 'd3-transition';
import { interpolateString } from 'd3-interpolate';
import type { GraphicState } from '../graphic-state';
import { annotationKey, type MapState } from '../../map/map-state';
import type { ChartState } from '../../charts/chart-state';

export interface PanelGeometry {
  /** viewBox string per map view, computed at build time by the same renderer. */
  mapViewBoxes: Record<string, string>;
}

export interface ApplyOptions {
  animate: boolean;
}

function toggleAll(root: Element, selector: string, isOn: (el: Element) => boolean, className = 'is-off') {
  root.querySelectorAll(selector).forEach((el) => el.classList.toggle(className, !isOn(el)));
}

function applyMap(svg: SVGSVGElement, state: MapState, geometry: PanelGeometry, options: ApplyOptions) {
  const highlighted = new Set<string>(state.highlight);
  svg.querySelectorAll('[data-region]').forEach((el) =>
    el.classList.toggle('is-highlighted', highlighted.has(el.getAttribute('data-region') ?? '')),
  );
  toggleAll(svg, '[data-layer]', (el) => state.layers.includes(el.getAttribute('data-layer') as MapState['layers'][number]));
  toggleAll(svg, '[data-corridor]', (el) => state.corridors.length === 0 || state.corridors.includes(el.getAttribute('data-corridor') ?? ''));
  toggleAll(svg, '[data-label]', (el) => state.labels.includes(el.getAttribute('data-label') ?? ''));
  const annotations = new Set(state.annotations.map(annotationKey));
  toggleAll(svg, '[data-annotation]', (el) => annotations.has(el.getAttribute('data-annotation') ?? ''));

  const target = geometry.mapViewBoxes[state.view];
  if (!target) return;
  svg.dataset.view = state.view;
  const current = svg.getAttribute('viewBox') ?? target;
  const selection = select(svg);
  selection.interrupt();
  if (!options.animate || current === target) {
    svg.setAttribute('viewBox', target);
    updateLabelScale(svg);
    return;
  }
  selection
    .transition()
    .duration(600)
    .attrTween('viewBox', () => interpolateString(current, target))
    .on('end', () => updateLabelScale(svg));
}

/**
 * Keeps map text at a readable size on screen whatever the panel's width
 * and zoom: the SVG scales with its box, so text is counter-scaled.
 */
export function updateLabelScale(svg: SVGSVGElement) {
  const width = svg.getBoundingClientRect().width;
  const viewBoxWidth = svg.viewBox.baseVal?.width ?? 0;
  if (width > 0 && viewBoxWidth > 0) {
    svg.style.setProperty('--label-scale', String(viewBoxWidth / width));
    svg.classList.add('is-scaled');
  }
}

function applyChart(svg: SVGSVGElement, state: ChartState) {
  const groups = new Set(state.groups);
  const highlighted = new Set(state.highlight);
  toggleAll(svg, '[data-group]', (el) => groups.size === 0 || groups.has(el.getAttribute('data-group') ?? ''));
  svg.querySelectorAll('[data-mark]').forEach((el) =>
    el.classList.toggle('is-highlighted', highlighted.has(el.getAttribute('data-mark') ?? '')),
  );
  toggleAll(svg, '.chart-label--conditional[data-label-for]', (el) => highlighted.has(el.getAttribute('data-label-for') ?? ''));
}

/** Puts a graphic that waits in a <template> into the page; a no-op once it is there. */
export function materializeGraphic(figure: Element): void {
  const template = figure.querySelector<HTMLTemplateElement>(':scope > template[data-graphic-template]');
  if (template) figure.replaceChildren(template.content.cloneNode(true));
}

export function applyGraphicState(
  panel: HTMLElement,
  state: GraphicState,
  geometry: PanelGeometry,
  options: ApplyOptions,
  stateName?: string,
) {
  panel.dataset.activeGraphic = state.kind;
  panel.querySelectorAll<HTMLElement>('[data-graphic]').forEach((figure) => {
    const active = figure.dataset.graphic === state.kind;
    if (active) materializeGraphic(figure);
    figure.classList.toggle('is-active', active);
  });
  // A layout drawn for one named state (the phone timeline) shows only with that state.
  panel.querySelectorAll<HTMLElement>(`.story-panel__graphic[data-graphic="${state.kind}"] [data-for-state]`).forEach((layout) => {
    layout.classList.toggle('is-other-state', layout.dataset.forState !== stateName);
  });
  // A chart has a wide and a narrow layout; both follow the state so a resize needs no work.
  panel.querySelectorAll<SVGSVGElement>(`.story-panel__graphic[data-graphic="${state.kind}"] svg`).forEach((svg) => {
    if (state.kind === 'map') applyMap(svg, state, geometry, options);
    else applyChart(svg, state);
  });
}
