/**
 * Puts the panel into a graphic state. Every element the state could show
 * is already in the page (rendered at build time); this only switches
 * classes and the map's viewBox, so the result depends on the state alone,
 * never on which step came before.
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
 * Changes the map's view. The viewBox is set once, at the start: animating
 * it would lay out every label again on every frame (about 40 ms a frame on
 * a slow phone). The zoom the reader sees is a CSS transform from the old
 * view to the new one, which the compositor runs off the main thread.
 */
function setMapView(svg: SVGSVGElement, target: string, options: ApplyOptions) {
  const current = svg.getAttribute('viewBox');
  if (current === target) return;
  svg.setAttribute('viewBox', target);
  setLabelScale(svg, options.mapBox.width);
  const from = parseViewBox(current);
  const to = parseViewBox(target);
  svg.getAnimations().forEach((a) => a.cancel());
  if (!options.animate || !from || !to || options.mapBox.width <= 0 || typeof svg.animate !== 'function') return;
  // During the zoom the map may draw beyond its frame; the panel clips it.
  svg.classList.add('is-zooming');
  const zoom = svg.animate([{ transform: zoomFromTransform(from, to, options.mapBox) }, { transform: 'none' }], {
    duration: ZOOM_MS,
    easing: 'cubic-bezier(0.65, 0, 0.35, 1)',
  });
  const done = () => svg.classList.remove('is-zooming');
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
  if (state.kind !== 'map') return;
  const target = geometry.mapViewBoxes[state.view];
  if (target) activeFigure.querySelectorAll<SVGSVGElement>('svg').forEach((svg) => setMapView(svg, target, options));
}
