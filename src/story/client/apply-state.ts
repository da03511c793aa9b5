/**
 * Puts the panel into a graphic state. Every element the state could show
 * is already in the page (rendered at build time); this only switches
 * classes, which graphic is opaque and which of the map's drawings (one per
 * view) is, so the result depends on the state alone, never on which step
 * came before.
 */
import type { GraphicState } from '../graphic-state';
import { applyStateClasses, setLabelScale } from './state-classes';

export interface PanelGeometry {
  /** viewBox string per map view, computed at build time by the same renderer. */
  mapViewBoxes: Record<string, string>;
}

export interface ApplyOptions {
  animate: boolean;
  /** The map's drawn size in CSS pixels, as last reported by a ResizeObserver (0 if unknown). */
  mapBox: { width: number; height: number };
}

const ZOOM_MS = 600;

type Box = [x: number, y: number, width: number, height: number];

function parseViewBox(value: string | null): Box | undefined {
  const parts = (value ?? '').trim().split(/\s+/).map(Number);
  return parts.length === 4 && parts.every(Number.isFinite) && parts[2]! > 0 && parts[3]! > 0 ? (parts as Box) : undefined;
}

/**
 * The CSS transform that makes the map, already drawn with viewBox `to`,
 * look as it did with viewBox `from` (preserveAspectRatio xMidYMid meet,
 * transform origin at the top left). Animating it away is a zoom.
 */
export function zoomFromTransform(from: Box, to: Box, box: { width: number; height: number }): string {
  const fit = (vb: Box) => {
    const scale = Math.min(box.width / vb[2], box.height / vb[3]);
    return { scale, dx: (box.width - vb[2] * scale) / 2, dy: (box.height - vb[3] * scale) / 2 };
  };
  const a = fit(from);
  const b = fit(to);
  const k = a.scale / b.scale;
  const tx = a.dx + (to[0] - from[0]) * a.scale - k * b.dx;
  const ty = a.dy + (to[1] - from[1]) * a.scale - k * b.dy;
  const r = (n: number) => Math.round(n * 1000) / 1000;
  return `translate(${r(tx)}px, ${r(ty)}px) scale(${r(k)})`;
}

/**
 * The map drawn for one view. The panel keeps one copy of the map per view,
 * each with its own fixed viewBox, stacked: changing the viewBox of a drawn
 * map lays out every label again (about 40 ms on a slow phone), and a copy
 * that is already laid out only has to become opaque. The copy made here,
 * when a view is first needed, costs that layout once; story.ts makes them
 * while the reader is idle.
 */
export function mapLayer(figure: Element, view: string, geometry: PanelGeometry): SVGSVGElement | undefined {
  const viewBox = geometry.mapViewBoxes[view];
  const layers = Array.from(figure.querySelectorAll<SVGSVGElement>('svg.graphic-map'));
  const original = layers[0];
  if (!original || !viewBox) return undefined;
  if (!original.dataset.viewLayer) {
    const current = Object.entries(geometry.mapViewBoxes).find(([, box]) => box === original.getAttribute('viewBox'))?.[0];
    original.dataset.viewLayer = current ?? view;
    original.dataset.view = original.dataset.viewLayer;
    original.setAttribute('viewBox', geometry.mapViewBoxes[original.dataset.viewLayer] ?? viewBox);
    original.classList.add('is-current-view');
  }
  const existing = layers.find((svg) => svg.dataset.viewLayer === view);
  if (existing) return existing;
  const copy = original.cloneNode(true) as SVGSVGElement;
  copy.removeAttribute('aria-labelledby');
  copy.querySelectorAll('[id]').forEach((el) => el.removeAttribute('id'));
  copy.dataset.viewLayer = view;
  copy.dataset.view = view;
  copy.classList.remove('is-current-view', 'is-zooming');
  copy.setAttribute('viewBox', viewBox);
  copy.style.removeProperty('--label-scale');
  copy.classList.remove('is-scaled');
  original.after(copy);
  return copy;
}

/**
 * Shows the map's view: its layer becomes the opaque one. When animated, the
 * new layer starts where the old view drew the map and zooms into place with
 * a CSS transform, which the compositor runs off the main thread.
 */
function showMapView(figure: Element, view: string, geometry: PanelGeometry, options: ApplyOptions) {
  const target = mapLayer(figure, view, geometry);
  if (!target || target.classList.contains('is-current-view')) return;
  const previous = figure.querySelector<SVGSVGElement>('svg.graphic-map.is-current-view');
  previous?.classList.remove('is-current-view');
  target.classList.add('is-current-view');
  setLabelScale(target, options.mapBox.width);
  target.getAnimations().forEach((a) => a.cancel());
  const from = parseViewBox(previous?.getAttribute('viewBox') ?? null);
  const to = parseViewBox(target.getAttribute('viewBox'));
  if (!options.animate || !from || !to || options.mapBox.width <= 0 || typeof target.animate !== 'function') return;
  // During the zoom the map may draw beyond its frame; the panel clips it.
  target.classList.add('is-zooming');
  const zoom = target.animate([{ transform: zoomFromTransform(from, to, options.mapBox) }, { transform: 'none' }], {
    duration: ZOOM_MS,
    easing: 'cubic-bezier(0.65, 0, 0.35, 1)',
  });
  const done = () => target.classList.remove('is-zooming');
  zoom.addEventListener('finish', done);
  zoom.addEventListener('cancel', done);
}

/** Puts a layout that waits in a <template> into the page. */
export function materializeLayout(template: HTMLTemplateElement): void {
  template.replaceWith(template.content.cloneNode(true));
}

/** Puts every layout of a graphic into the page; a no-op once they are there. */
export function materializeGraphic(figure: Element): void {
  figure.querySelectorAll<HTMLTemplateElement>('template[data-graphic-template]').forEach(materializeLayout);
}

export function applyGraphicState(
  panel: HTMLElement,
  state: GraphicState,
  geometry: PanelGeometry,
  options: ApplyOptions,
  stateName?: string,
) {
  if (panel.dataset.activeGraphic !== state.kind) panel.dataset.activeGraphic = state.kind;
  if (state.kind === 'map' && panel.dataset.mapView !== state.view) panel.dataset.mapView = state.view;
  let activeFigure: HTMLElement | undefined;
  panel.querySelectorAll<HTMLElement>('[data-graphic]').forEach((figure) => {
    const active = figure.dataset.graphic === state.kind;
    if (active) {
      materializeGraphic(figure);
      activeFigure = figure;
    }
    if (figure.classList.contains('is-active') !== active) figure.classList.toggle('is-active', active);
  });
  if (!activeFigure) return;
  applyStateClasses(activeFigure, state, stateName);
  if (state.kind === 'map') showMapView(activeFigure, state.view, geometry, options);
}
