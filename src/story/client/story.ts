/**
 * The story's only script: it follows the reader through the steps and
 * puts the sticky panel into the active step's state. Without it the page
 * is complete: each step is followed by its own static figure.
 */
import type { GraphicState } from '../graphic-state';
import { applyGraphicState, mapLayer, materializeLayout, type PanelGeometry } from './apply-state';
import { setLabelScale } from './state-classes';
import { createStoryScroller } from './scroller';
import { stepIndexFromHash } from './story-hash';

interface StoryIsland extends PanelGeometry {
  states: Record<string, GraphicState>;
}

function readIsland(): StoryIsland | undefined {
  const node = document.getElementById('story-states');
  if (!node?.textContent) return undefined;
  return JSON.parse(node.textContent) as StoryIsland;
}

function init() {
  const island = readIsland();
  const panel = document.querySelector<HTMLElement>('[data-story-panel]');
  const steps = Array.from(document.querySelectorAll<HTMLElement>('[data-step]'));
  if (!island || !panel || steps.length === 0) return;

  // With JavaScript each step describes the graphic in its own words, so the panel itself is hidden from screen
  // readers; without JavaScript the panel is the lead figure and keeps its accessible name.
  panel.querySelector('[data-story-graphics]')?.setAttribute('aria-hidden', 'true');
  const stepIds = steps.map((s) => s.id);
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  const narrow = window.matchMedia('(max-width: 52rem)');
  const progress = document.querySelector<HTMLProgressElement>('[data-story-progress]');
  const progressLabel = document.querySelector<HTMLElement>('[data-story-progress-label]');
  const prevButton = document.querySelector<HTMLButtonElement>('[data-step-prev]');
  const nextButton = document.querySelector<HTMLButtonElement>('[data-step-next]');
  const tocLinks = Array.from(document.querySelectorAll<HTMLAnchorElement>('[data-toc-chapter]'));
  let active = -1;
  // The map's drawn size, kept from the ResizeObserver so a step change never has to measure it.
  const mapBox = { width: 0, height: 0 };
  if (progress) progress.max = steps.length;

  const show = (index: number, animate: boolean) => {
    const step = steps[index];
    if (!step) return;
    const stateName = step.dataset.state ?? '';
    const state = island.states[stateName];
    if (!state) return;
    active = index;
    applyGraphicState(panel, state, island, { animate: animate && !reducedMotion.matches, mapBox }, stateName);
    panel.dataset.activeStep = step.id;
    steps.forEach((s, i) => s.classList.toggle('is-active', i === index));
    if (progress) progress.value = index + 1;
    if (progressLabel) progressLabel.textContent = `Step ${index + 1} of ${steps.length}`;
    if (prevButton) prevButton.disabled = index === 0;
    if (nextButton) nextButton.disabled = index === steps.length - 1;
    const chapter = step.closest<HTMLElement>('[data-chapter]')?.dataset.chapter;
    tocLinks.forEach((link) => {
      const current = link.dataset.tocChapter === chapter;
      if (current && link.getAttribute('aria-current') !== 'step') link.setAttribute('aria-current', 'step');
      else if (!current && link.hasAttribute('aria-current')) link.removeAttribute('aria-current');
    });
  };

  const onActiveStep = (index: number) => {
    if (index === active) return;
    show(index, true);
    const id = steps[index]?.id;
    // replaceState, not pushState: scrolling must not fill the back button's history.
    if (id && location.hash !== `#${id}`) history.replaceState(null, '', `#${id}`);
  };

  const fromHash = stepIndexFromHash(location.hash, stepIds);
  const scroller = createStoryScroller({
    steps,
    triggerAt: () => (narrow.matches ? 0.75 : 0.6),
    onActiveStep,
  });
  show(fromHash >= 0 ? fromHash : scroller.activeIndex(), false);

  const go = (delta: number) => {
    const target = steps[Math.min(steps.length - 1, Math.max(0, active + delta))];
    if (!target) return;
    target.scrollIntoView({ block: 'start', behavior: reducedMotion.matches ? 'auto' : 'smooth' });
    target.focus({ preventScroll: true });
    onActiveStep(steps.indexOf(target));
  };
  prevButton?.addEventListener('click', () => go(-1));
  nextButton?.addEventListener('click', () => go(1));

  window.addEventListener('hashchange', () => {
    const index = stepIndexFromHash(location.hash, stepIds);
    if (index >= 0) show(index, false);
  });

  // The map fills its figure, which is always in the page (the map itself may still wait in a template).
  const mapFigure = panel.querySelector<HTMLElement>('[data-graphic="map"]');
  if (mapFigure) {
    new ResizeObserver(([entry]) => {
      mapBox.width = entry?.contentRect.width ?? 0;
      mapBox.height = entry?.contentRect.height ?? 0;
      mapFigure.querySelectorAll<SVGSVGElement>('svg.graphic-map').forEach((svg) => setLabelScale(svg, mapBox.width));
    }).observe(mapFigure);
  }
  // Bring the waiting layouts into the page one at a time while the reader is idle, so that switching
  // to a chart later costs only a change of opacity. Only layouts drawn at this width: the others are
  // display: none here, and wait until a resize or rotation shows them.
  const shownHere = (template: Element) => {
    const layout = template.closest('.graphic-layout');
    return !layout?.matches('.graphic-layout--wide, .graphic-layout--narrow') || layout.matches(narrow.matches ? '.graphic-layout--narrow' : '.graphic-layout--wide');
  };
  const waitingLayouts = () => Array.from(panel.querySelectorAll<HTMLTemplateElement>('template[data-graphic-template]')).filter(shownHere);
  const idle = (fn: () => void) => ('requestIdleCallback' in window ? window.requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 200));
  // The map's other views come first: the story changes view early on.
  const mapViews = [...new Set(Object.values(island.states).flatMap((s) => (s.kind === 'map' ? [s.view] : [])))];
  const jobs: (() => void)[] = [
    ...mapViews.map((view) => () => {
      const layer = mapFigure && mapLayer(mapFigure, view, island);
      if (layer) setLabelScale(layer, mapBox.width);
    }),
    ...waitingLayouts().map((template) => () => template.isConnected && materializeLayout(template)),
  ];
  let running = false;
  const next = () => {
    const job = jobs.shift();
    if (!job) {
      running = false;
      // Benchmarks and tests can tell when every graphic is ready to be switched to.
      document.documentElement.classList.add('story-panel-ready');
      return;
    }
    job();
    idle(next);
  };
  const start = () => {
    if (running) return;
    running = true;
    idle(next);
  };
  narrow.addEventListener('change', () => {
    jobs.push(...waitingLayouts().map((template) => () => template.isConnected && materializeLayout(template)));
    start();
  });
  start();
  document.documentElement.classList.add('story-ready');
}

init();
