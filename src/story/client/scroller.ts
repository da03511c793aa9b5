/**
 * A thin typed wrapper around scrollama. Scrollama's events can arrive out
 * of order or be skipped on a fast fling (scrollama #26, #56), so the events
 * only say "something changed": the active step is always recomputed from
 * the page's geometry, and the graphic follows that one number.
 */
import scrollama from 'scrollama';

export interface StoryScrollerOptions {
  steps: HTMLElement[];
  /**
   * The element whose top counts for each step, if not the step itself: the first step of a chapter
   * starts at the chapter's heading, so a link to a chapter, which puts its heading at the top of the
   * text, shows that chapter's first step.
   */
  leads?: HTMLElement[];
  /** Where the trigger line sits, as a fraction of the viewport height from the top. */
  triggerAt: () => number;
  onActiveStep: (index: number) => void;
}

export interface StoryScroller {
  /** The step under the trigger line right now. */
  activeIndex(): number;
  destroy(): void;
}

/** The last step whose top has passed the trigger line; the first step before any has. */
export function activeStepFromGeometry(stepTops: number[], triggerLinePx: number): number {
  let active = 0;
  stepTops.forEach((top, index) => {
    if (top <= triggerLinePx) active = index;
  });
  return active;
}

function debounce(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

export function createStoryScroller(options: StoryScrollerOptions): StoryScroller {
  const { steps, triggerAt, onActiveStep } = options;
  const leads = options.leads ?? steps;
  let current = -1;

  const measure = () =>
    activeStepFromGeometry(
      leads.map((s) => s.getBoundingClientRect().top),
      window.innerHeight * triggerAt(),
    );

  // The step the reader was on when a resize began; while set, the reflowing page does not move the story.
  let stepBeforeResize: number | undefined;

  const update = () => {
    if (stepBeforeResize !== undefined) return;
    const next = measure();
    if (next !== current) {
      current = next;
      onActiveStep(next);
    }
  };

  const scroller = scrollama();
  scroller
    .setup({ step: steps, offset: roundOffset(triggerAt()) })
    .onStepEnter(update)
    .onStepExit(update);

  // A fling can outrun the observer; settle on the geometry once scrolling pauses.
  const settle = debounce(update, 120);
  // A resize or rotation reflows the text, which can bring another step under the trigger line: the
  // reader is put back on the step they were reading, its top just above the line.
  const keepReaderOn = (index: number) => {
    const step = leads[index];
    if (!step || measure() === index) return;
    const triggerLinePx = window.innerHeight * triggerAt();
    window.scrollTo({ top: window.scrollY + step.getBoundingClientRect().top - triggerLinePx + 1, behavior: 'instant' });
  };
  const settleAfterResize = debounce(() => {
    scroller.resize();
    const index = stepBeforeResize;
    stepBeforeResize = undefined;
    if (index !== undefined && index >= 0) keepReaderOn(index);
    update();
  }, 150);
  const onResize = () => {
    if (stepBeforeResize === undefined) stepBeforeResize = current;
    settleAfterResize();
  };
  window.addEventListener('scroll', settle, { passive: true });
  window.addEventListener('resize', onResize);

  return {
    activeIndex: () => (current < 0 ? measure() : current),
    destroy() {
      scroller.destroy();
      window.removeEventListener('scroll', settle);
      window.removeEventListener('resize', onResize);
    },
  };
}

function roundOffset(value: number): scrollama.DecimalType {
  return (Math.round(Math.min(1, Math.max(0, value)) * 10) / 10) as scrollama.DecimalType;
}
