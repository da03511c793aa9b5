/**
 * Puts the panel into a graphic state. Every element the state could show
 * is already in the page (rendered at build time); this only switches
 * classes, which graphic is opaque and which of the map's drawings (one per
 * view) is, so the result depends on the state alone, never on which step
 * came before.
 */
import type { GraphicState } from '../graphic-state';
import { emptyIntoBatches } from './batches';
import { applyMapClasses, applyStateClasses, setLabelScale } from './state-classes';

export interface PanelGeometry {
  /** viewBox string per map view, computed at build time by the same renderer. */
  mapViewBoxes: Record<string, string>;
}

export interface ApplyOptions {
  animate: boolean;
  /** The map's drawn size in CSS pixels, as last reported by a ResizeObserver (0 if unknown). */
  mapBox: { width: number; height: number };
  /** Whether a layout is drawn at the panel's current width; the others stay waiting. */
  isLayoutShown?: (layout: Element) => boolean;
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
  copy.classList.remove('is-current-view', 'is-zooming', 'is-scaled');
  copy.setAttribute('viewBox', viewBox);
  copy.style.removeProperty('--label-scale');
  // The copy goes in empty and is filled batch by batch (continuePreparing), unless shown first.
  const rest = emptyIntoBatches(copy, BATCH_ELEMENTS);
  if (rest.length > 0) remainingBatches.set(copy, rest);
  original.after(copy);
  return copy;
}

/**
 * About how many elements one idle step brings into the page. At 4x CPU
 * throttling the charts cost roughly 0.1 ms per element to style, lay out
 * and paint; 150 leaves room in the frame for the reader's own scrolling.
 */
const BATCH_ELEMENTS = 150;

/** What is still to come of a drawing being prepared, keyed by the layout or map copy. */
const remainingBatches = new WeakMap<Element, (() => void)[]>();

/** Brings in the next batch of a drawing being prepared; true while more remain. */
export function continuePreparing(el: Element): boolean {
  const rest = remainingBatches.get(el);
  rest?.shift()?.();
  if (rest && rest.length > 0) return true;
  remainingBatches.delete(el);
  return false;
}

/** Completes a drawing at once, for a graphic about to be shown. */
function finishPreparing(el: Element) {
  while (continuePreparing(el));
}

/**
 * One step of preparing a layout that waits in a <template> (its direct
 * child): the first puts the drawing in, empty, with its first batch; each
 * later step adds a batch. True while more remain.
 */
export function prepareLayoutStep(layout: Element): boolean {
  const template = layout.querySelector<HTMLTemplateElement>(':scope > template[data-graphic-template]');
  if (template) {
    const content = template.content.cloneNode(true) as DocumentFragment;
    const drawing = content.firstElementChild;
    const rest = drawing ? emptyIntoBatches(drawing, BATCH_ELEMENTS) : [];
    if (rest.length > 0) remainingBatches.set(layout, rest);
    template.replaceWith(content);
  }
  return continuePreparing(layout);
}

/** The zoom running on each map drawing, so that a new view can cancel it. */
const zooms = new WeakMap<Element, Animation>();

/**
 * Shows the map's view: its layer becomes the opaque one. When animated, the
 * new layer starts where the old view drew the map and zooms into place with
 * a CSS transform, which the compositor runs off the main thread.
 */
function showMapView(figure: Element, target: SVGSVGElement, options: ApplyOptions) {
  if (target.classList.contains('is-current-view')) return;
  const previous = figure.querySelector<SVGSVGElement>('svg.graphic-map.is-current-view');
  previous?.classList.remove('is-current-view');
  target.classList.add('is-current-view');
  setLabelScale(target, options.mapBox.width, options.mapBox.height);
  // Kept rather than asked for: getAnimations() brings the page's style up to date first.
  zooms.get(target)?.cancel();
  const from = parseViewBox(previous?.getAttribute('viewBox') ?? null);
  const to = parseViewBox(target.getAttribute('viewBox'));
  if (!options.animate || !from || !to || options.mapBox.width <= 0 || typeof target.animate !== 'function') return;
  // During the zoom the map may draw beyond its frame; the panel clips it.
  target.classList.add('is-zooming');
  const zoom = target.animate([{ transform: zoomFromTransform(from, to, options.mapBox) }, { transform: 'none' }], {
    duration: ZOOM_MS,
    easing: 'cubic-bezier(0.65, 0, 0.35, 1)',
  });
  zooms.set(target, zoom);
  const done = () => target.classList.remove('is-zooming');
  zoom.addEventListener('finish', done);
  zoom.addEventListener('cancel', done);
}

/**
 * Puts the layouts of a graphic drawn at this width into the page, whole; a
 * no-op once they are there. A layout for another width (display: none
 * here) keeps waiting: on a wide screen the phone timeline's four layouts
 * alone took about 130 ms to copy in.
 */
export function materializeGraphic(figure: Element, isLayoutShown: (layout: Element) => boolean = () => true): void {
  for (const layout of Array.from(figure.children)) {
    if (!layout.classList.contains('graphic-layout') || !isLayoutShown(layout)) continue;
    while (prepareLayoutStep(layout));
  }
}

/**
 * The panel's parts a step changes, found once: the panel holds thousands of
 * drawn elements, and searching them at every step cost a slow phone
 * several milliseconds.
 */
interface PanelParts {
  captions: HTMLElement | null;
  figures: HTMLElement[];
}
const panelParts = new WeakMap<HTMLElement, PanelParts>();

function partsOf(panel: HTMLElement): PanelParts {
  let parts = panelParts.get(panel);
  if (!parts) {
    const graphics = panel.querySelector('[data-story-graphics]');
    parts = {
      captions: panel.querySelector<HTMLElement>('[data-story-captions]'),
      figures: Array.from(graphics?.children ?? []).filter((el): el is HTMLElement => el instanceof HTMLElement && el.hasAttribute('data-graphic')),
    };
    panelParts.set(panel, parts);
  }
  return parts;
}

export function applyGraphicState(
  panel: HTMLElement,
  state: GraphicState,
  geometry: PanelGeometry,
  options: ApplyOptions,
  stateName?: string,
) {
  const { captions, figures } = partsOf(panel);
  // These attributes pick the caption and share control, so they sit on the captions: set on the panel,
  // every change would make the browser search all the graphics' elements for a caption to restyle.
  if (captions && captions.dataset.activeGraphic !== state.kind) captions.dataset.activeGraphic = state.kind;
  if (captions && state.kind === 'map' && captions.dataset.mapView !== state.view) captions.dataset.mapView = state.view;
  let activeFigure: HTMLElement | undefined;
  for (const figure of figures) {
    const active = figure.dataset.graphic === state.kind;
    if (active) {
      materializeGraphic(figure, options.isLayoutShown);
      activeFigure = figure;
    }
    if (figure.classList.contains('is-active') !== active) figure.classList.toggle('is-active', active);
  }
  if (!activeFigure) return;
  if (state.kind === 'map') {
    // Only the drawing of the state's view is seen, so only it is put into the state; another view's
    // drawing gets its state when it is shown.
    const target = mapLayer(activeFigure, state.view, geometry);
    if (!target) return;
    finishPreparing(target);
    applyMapClasses(target, state, stateName);
    showMapView(activeFigure, target, options);
  } else {
    applyStateClasses(activeFigure, state, stateName);
  }
}
