/**
 * The story's only script: it follows the reader through the steps and
 * puts the sticky panel into the active step's state. Without it the page
 * is complete: each step is followed by its own static figure.
 */
import type { GraphicState } from '../graphic-state';
import { applyGraphicState, continuePreparing, mapLayer, prepareLayoutStep, type PanelGeometry } from './apply-state';
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
  // Which chart layout the panel draws (story.css: the wide one needs a panel of 693 px, from a 75rem screen).
  const chartsNarrow = window.matchMedia('(max-width: 75rem)');
  const progress = document.querySelector<HTMLProgressElement>('[data-story-progress]');
  const progressLabel = document.querySelector<HTMLElement>('[data-story-progress-label]');
  const prevButton = document.querySelector<HTMLButtonElement>('[data-step-prev]');
  const nextButton = document.querySelector<HTMLButtonElement>('[data-step-next]');
  const tocLinks = Array.from(document.querySelectorAll<HTMLAnchorElement>('[data-toc-chapter]'));
  // "Step {n} of {total}" in the page's language, written into the page at build time (StoryPanel.astro).
  const progressTemplate = progressLabel?.dataset.labelTemplate ?? 'Step {n} of {total}';
  let active = -1;
  // The map's drawn size, kept from the ResizeObserver so a step change never has to measure it.
  const mapBox = { width: 0, height: 0 };
  if (progress) progress.max = steps.length;

  // Charts have a wide and a narrow layout; only the one drawn at this width is prepared and switched.
  const shownHere = (layout: Element) =>
    !layout.matches('.graphic-layout--wide, .graphic-layout--narrow') || layout.matches(chartsNarrow.matches ? '.graphic-layout--narrow' : '.graphic-layout--wide');

  const show = (index: number, animate: boolean) => {
    const step = steps[index];
    if (!step) return;
    const stateName = step.dataset.state ?? '';
    const state = island.states[stateName];
    if (!state) return;
    active = index;
    applyGraphicState(panel, state, island, { animate: animate && !reducedMotion.matches, mapBox, isLayoutShown: shownHere }, stateName);
    panel.dataset.activeStep = step.id;
    steps.forEach((s, i) => s.classList.toggle('is-active', i === index));
    if (progress && progress.value !== index + 1) progress.value = index + 1;
    const label = progressTemplate.replace('{n}', String(index + 1)).replace('{total}', String(steps.length));
    if (progressLabel && progressLabel.textContent !== label) progressLabel.textContent = label;
    // Even an unchanged write restyles a button and relays out the page, so only real changes are written.
    if (prevButton && prevButton.disabled !== (index === 0)) prevButton.disabled = index === 0;
    if (nextButton && nextButton.disabled !== (index === steps.length - 1)) nextButton.disabled = index === steps.length - 1;
    const chapter = step.closest<HTMLElement>('[data-chapter]')?.dataset.chapter;
    tocLinks.forEach((link) => {
      const current = link.dataset.tocChapter === chapter;
      if (current && link.getAttribute('aria-current') !== 'step') link.setAttribute('aria-current', 'step');
      else if (!current && link.hasAttribute('aria-current')) link.removeAttribute('aria-current');
    });
  };

  const idle = (fn: () => void, timeout = 2000) =>
    'requestIdleCallback' in window ? window.requestIdleCallback(fn, { timeout }) : setTimeout(fn, Math.min(timeout, 200));
  // replaceState, not pushState: scrolling must not fill the back button's history. It is written at the
  // next idle moment, and only the latest step: each write costs a slow phone 5-20 ms, which would land
  // in the same task as the panel's change.
  let hashToWrite: string | undefined;
  const writeHash = () => {
    if (hashToWrite && location.hash !== hashToWrite) history.replaceState(null, '', hashToWrite);
    hashToWrite = undefined;
  };
  const onActiveStep = (index: number) => {
    if (index === active) return;
    show(index, true);
    const id = steps[index]?.id;
    if (!id) return;
    if (hashToWrite === undefined) idle(writeHash, 500);
    hashToWrite = `#${id}`;
  };

  const fromHash = stepIndexFromHash(location.hash, stepIds);
  // On a phone the panel fills the top of the screen and the text shows in the window under it: a step
  // takes over when its top is two fifths of the way down that window. Beside the text, at 60%.
  const triggerAt = () => {
    if (!narrow.matches) return 0.6;
    const height = window.innerHeight || 1;
    const panelBottom = Math.min(panel.offsetHeight, height);
    return (panelBottom + (height - panelBottom) * 0.4) / height;
  };
  const leads = steps.map((step) => {
    const chapter = step.closest<HTMLElement>('[data-chapter]');
    return chapter && chapter.querySelector('[data-step]') === step ? chapter : step;
  });
  const scroller = createStoryScroller({ steps, leads, triggerAt, onActiveStep });
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

  // Phones: the caption is one line under the graphic; the "i" button opens it in full (the note, every
  // source, the share control) over the foot of the graphic, and closes it again, as does Escape.
  const captionToggle = panel.querySelector<HTMLButtonElement>('[data-caption-toggle]');
  const bar = captionToggle?.parentElement;
  const setCaptionOpen = (open: boolean) => {
    if (!captionToggle || !bar) return;
    captionToggle.setAttribute('aria-expanded', String(open));
    bar.classList.toggle('is-caption-open', open);
  };
  captionToggle?.addEventListener('click', () => setCaptionOpen(captionToggle.getAttribute('aria-expanded') !== 'true'));
  bar?.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || captionToggle?.getAttribute('aria-expanded') !== 'true') return;
    setCaptionOpen(false);
    captionToggle.focus();
  });

  window.addEventListener('hashchange', () => {
    // The reader followed a link: a step still waiting to be written must not overwrite it.
    hashToWrite = undefined;
    const index = stepIndexFromHash(location.hash, stepIds);
    if (index >= 0) show(index, false);
  });

  // The map fills its figure, which is always in the page (the map itself may still wait in a template).
  const mapFigure = panel.querySelector<HTMLElement>('[data-graphic="map"]');
  if (mapFigure) {
    new ResizeObserver(([entry]) => {
      mapBox.width = entry?.contentRect.width ?? 0;
      mapBox.height = entry?.contentRect.height ?? 0;
      mapFigure.querySelectorAll<SVGSVGElement>('svg.graphic-map').forEach((svg) => setLabelScale(svg, mapBox.width, mapBox.height));
    }).observe(mapFigure);
  }
  // Bring the waiting layouts into the page while the reader is idle, a batch of elements per idle
  // moment, so that switching to a chart later costs only a change of opacity and no single frame
  // carries a whole chart. Only layouts drawn at this width: the others are display: none here, and
  // wait until a resize or rotation shows them.
  const waitingLayouts = () =>
    Array.from(panel.querySelectorAll('template[data-graphic-template]'), (template) => template.parentElement)
      .filter((layout): layout is HTMLElement => !!layout?.matches('.graphic-layout') && shownHere(layout));
  // A job returns true while it has more to do; it then runs again at the next idle moment.
  const layoutJob = (layout: Element) => () => prepareLayoutStep(layout);
  // The map's other views come first: the story changes view early on.
  const mapViews = [...new Set(Object.values(island.states).flatMap((s) => (s.kind === 'map' ? [s.view] : [])))];
  const jobs: (() => boolean)[] = [
    ...mapViews.map((view) => () => {
      const layer = mapFigure && mapLayer(mapFigure, view, island);
      if (!layer) return false;
      setLabelScale(layer, mapBox.width, mapBox.height);
      return continuePreparing(layer);
    }),
    ...waitingLayouts().map(layoutJob),
  ];
  let running = false;
  const next = () => {
    const job = jobs[0];
    if (!job) {
      running = false;
      // Benchmarks and tests can tell when every graphic is ready to be switched to.
      document.documentElement.classList.add('story-panel-ready');
      return;
    }
    if (!job()) jobs.shift();
    idle(next);
  };
  const start = () => {
    if (running) return;
    running = true;
    idle(next);
  };
  chartsNarrow.addEventListener('change', () => {
    // The active graphic's layout for the new width is drawn now and put into the step's state; the
    // others are prepared while the reader is idle, and get their state when they are shown.
    if (active >= 0) show(active, false);
    jobs.push(...waitingLayouts().map(layoutJob));
    start();
  });
  start();
  document.documentElement.classList.add('story-ready');
}

// On screen the step figures are hidden behind the sticky panel and load lazily; a printout shows all of
// them, and Chromium does not fetch lazy images that print layout reveals, so ask for them before printing.
// (Without JavaScript, browsers load lazy images at once, so the no-JS printout needs nothing.)
addEventListener('beforeprint', () => {
  for (const img of document.querySelectorAll<HTMLImageElement>('.step__figure img[loading="lazy"]')) img.loading = 'eager';
});

init();
