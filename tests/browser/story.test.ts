import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { panelMismatches } from './story-panel';
import { forEachLocale, openPage, pageUrl } from './locales';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface StepInfo {
  id: string;
  state: string;
}

async function newPage(options: { width?: number; height?: number; js?: boolean; reducedMotion?: boolean } = {}) {
  const { context, page, errors } = await openPage(browser, undefined, {
    width: options.width ?? 1280,
    height: options.height ?? 800,
    js: options.js ?? true,
    reducedMotion: options.reducedMotion ? 'reduce' : 'no-preference',
  });
  return { context, page, errors };
}

async function steps(page: Page): Promise<StepInfo[]> {
  const list = await page.$$eval('[data-step]', (els) => els.map((el) => ({ id: el.id, state: (el as HTMLElement).dataset.state ?? '' })));
  // Every test reads the steps first: a page that is missing (a French story not built) fails here.
  expect(list.length, `the story's steps on ${page.url()}`).toBeGreaterThan(15);
  return list;
}

/**
 * Chart layouts in the panel that are drawn but not whole: the page brings
 * waiting layouts in batch by batch, and each drawn layout must end with as
 * many elements as the build wrote into its template. Layouts still waiting
 * are left out; the map is left out because the panel copies it per view.
 */
async function incompleteLayouts(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const built = new DOMParser().parseFromString(await (await fetch(location.pathname)).text(), 'text/html');
    const elementsIn = (layout: Element) => {
      const template = layout.querySelector<HTMLTemplateElement>(':scope > template');
      return (template ? template.content : layout).querySelectorAll('*').length;
    };
    const builtLayouts = [...built.querySelectorAll('.story-panel__graphic .graphic-layout')];
    const liveLayouts = [...document.querySelectorAll('.story-panel__graphic .graphic-layout')];
    if (builtLayouts.length !== liveLayouts.length) return [`${liveLayouts.length} layouts in the page, ${builtLayouts.length} built`];
    return liveLayouts.flatMap((live, i) => {
      if (live.querySelector(':scope > template') || live.closest('[data-graphic="map"]')) return [];
      const expected = elementsIn(builtLayouts[i]!);
      const drawn = live.querySelectorAll('*').length;
      const name = `${live.closest<HTMLElement>('[data-graphic]')?.dataset.graphic} ${live.className} ${(live as HTMLElement).dataset.forState ?? ''}`;
      return drawn === expected ? [] : [`${name}: ${drawn} of ${expected} elements`];
    });
  });
}

/** Scrolls like a reader: the step's top a little above the trigger line. */
async function scrollToStep(page: Page, id: string) {
  await page.evaluate((stepId) => {
    const step = document.getElementById(stepId)!;
    const top = step.getBoundingClientRect().top + window.scrollY;
    const trigger = window.matchMedia('(max-width: 52rem)').matches ? 0.75 : 0.6;
    window.scrollTo(0, top - window.innerHeight * trigger + 40);
  }, id);
  await page.waitForFunction((stepId) => document.querySelector<HTMLElement>('[data-story-panel]')?.dataset.activeStep === stepId, id, { timeout: 5000 });
  await page.waitForTimeout(50);
}

// The story in each language: the French one shares the English step ids and states.
forEachLocale((locale) => {
  const home = pageUrl(locale);

  describe('the story with JavaScript', () => {
    for (const width of [1280, 360]) {
      it(`scrolling down then up moves the panel through every declared state, in order (${width}px)`, async () => {
        const { context, page, errors } = await newPage({ width, height: width > 600 ? 800 : 740, reducedMotion: true });
        await page.goto(home, { waitUntil: 'networkidle' });
        const list = await steps(page);
        expect(list.length).toBeGreaterThan(15);
        const seen: string[] = [];
        for (const step of [...list, ...[...list].reverse()]) {
          await scrollToStep(page, step.id);
          expect(await panelMismatches(page, step.state), `step ${step.id}`).toEqual([]);
          // The reader who has not moved yet keeps a clean URL; every step after that is in the hash, written
          // as soon as the page is idle.
          if (seen.length > 0) {
            await page.waitForFunction((id) => location.hash === `#${id}`, step.id, { timeout: 3000 }).catch(() => undefined);
            expect(new URL(page.url()).hash).toBe(`#${step.id}`);
          }
          seen.push(step.id);
        }
        expect(seen).toEqual([...list.map((s) => s.id), ...list.map((s) => s.id).reverse()]);
        // replaceState, not pushState: the back button is not filled with steps.
        expect(await page.evaluate(() => history.length)).toBeLessThanOrEqual(2);
        expect(errors).toEqual([]);
        await context.close();
      });
    }

    it('a deep link to each step shows that step at once', { timeout: 180_000 }, async () => {
      const { context, page } = await newPage({ width: 1280 });
      await page.goto(home, { waitUntil: 'networkidle' });
      const list = await steps(page);
      for (const step of list) {
        const fresh = await context.newPage();
        await fresh.goto(`${home}#${step.id}`, { waitUntil: 'networkidle' });
        await fresh.waitForFunction(() => document.documentElement.classList.contains('story-ready'));
        expect(await fresh.evaluate(() => document.querySelector<HTMLElement>('[data-story-panel]')?.dataset.activeStep), step.id).toBe(step.id);
        expect(await panelMismatches(fresh, step.state), step.id).toEqual([]);
        await fresh.close();
      }
      await context.close();
    });

    it('resizing or rotating the screen keeps the step, and draws its graphic whole at the new width', { timeout: 120_000 }, async () => {
      const { context, page, errors } = await newPage({ width: 1280, height: 800, reducedMotion: true });
      await page.goto(home, { waitUntil: 'networkidle' });
      const list = await steps(page);
      // One step of each kind of graphic: the map, a chart with a wide and a narrow layout, and the
      // timeline, which on a phone has a layout per state. Neither is the first state of its graphic, so
      // the layout prepared for the new width has to be put into the step's state.
      const kinds = await page.evaluate(() => JSON.parse(document.getElementById('story-states')!.textContent!).states);
      const pick = (kind: string, nth: number) => list.filter((s) => kinds[s.state].kind === kind)[nth]!;
      const route = [pick('map', 2), pick('fuel-prices', 1), pick('timeline', 1)];
      const sizes = [{ width: 360, height: 740 }, { width: 740, height: 360 }, { width: 1280, height: 800 }];
      for (const step of route) {
        // A fresh page for each step, so the phone layouts have not been prepared before the first resize.
        const fresh = await context.newPage();
        fresh.on('pageerror', (e) => errors.push(String(e)));
        await fresh.setViewportSize({ width: 1280, height: 800 });
        await fresh.goto(`${home}#${step.id}`, { waitUntil: 'networkidle' });
        await fresh.waitForFunction(() => document.documentElement.classList.contains('story-panel-ready'));
        // The reader is well inside the step: its top near the top of the screen, the trigger line below.
        await fresh.evaluate((stepId) => {
          const el = document.getElementById(stepId)!;
          window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - window.innerHeight * 0.1);
        }, step.id);
        await fresh.waitForTimeout(300);
        for (const size of sizes) {
          await fresh.setViewportSize(size);
          await fresh.waitForTimeout(400);
          const now = await fresh.evaluate(() => document.querySelector<HTMLElement>('[data-story-panel]')?.dataset.activeStep);
          expect(now, `resizing to ${size.width}px keeps the reader on ${step.id}`).toBe(step.id);
          expect(await panelMismatches(fresh, step.state), `${step.id} at ${size.width}px`).toEqual([]);
          expect(await incompleteLayouts(fresh), `${step.id} at ${size.width}px`).toEqual([]);
        }
        await fresh.close();
      }
      expect(errors).toEqual([]);
      await context.close();
    });

    it('a map note reads as one block of text at every zoom and width', { timeout: 60_000 }, async () => {
      for (const [width, height] of [[1280, 800], [360, 740]] as const) {
        const { context, page } = await newPage({ width, height, reducedMotion: true });
        await page.goto(home, { waitUntil: 'networkidle' });
        const states = await page.evaluate(() => JSON.parse(document.getElementById('story-states')!.textContent!).states);
        const annotated = (await steps(page)).filter((s) => states[s.state].kind === 'map' && states[s.state].annotations.length > 0);
        expect(annotated.length).toBeGreaterThan(3);
        for (const step of annotated) {
          await page.goto(`${home}#${step.id}`, { waitUntil: 'networkidle' });
          await page.waitForFunction((id) => document.querySelector<HTMLElement>('[data-story-panel]')?.dataset.activeStep === id, step.id);
          // The gap from one line of a note to the next, against the height of a line: the panel scales map
          // text to one size on screen, and a note's lines must stay together when the map zooms in.
          const spacing = await page.evaluate(() => {
            const svg = document.querySelector('.story-panel svg.graphic-map.is-current-view')!;
            return [...svg.querySelectorAll('[data-annotation]')].filter((note) => !note.closest('.is-off')).flatMap((note) => {
              const lines = [...note.querySelectorAll('tspan')].map((t) => t.getBoundingClientRect());
              return lines.slice(1).map((line, i) => (line.top - lines[i]!.top) / lines[i]!.height);
            });
          });
          expect(spacing.length, step.id).toBeGreaterThan(0);
          for (const ratio of spacing) expect(ratio, `${step.id} at ${width}px`).toBeGreaterThan(0.9);
          for (const ratio of spacing) expect(ratio, `${step.id} at ${width}px`).toBeLessThan(1.6);
        }
        await context.close();
      }
    });

    it('a hostile or unknown hash is ignored and the story still starts', async () => {
      const { context, page, errors } = await newPage({ width: 800 });
      for (const hash of ['#%E0%A4%A', '#<img src=x onerror=alert(1)>', '#no-such-step', '#__proto__', '#constructor']) {
        await page.goto(`${home}${hash}`, { waitUntil: 'networkidle' });
        await page.waitForFunction(() => document.documentElement.classList.contains('story-ready'));
        const active = await page.evaluate(() => document.querySelector<HTMLElement>('[data-story-panel]')?.dataset.activeStep);
        expect(active).toBe(await page.evaluate(() => document.querySelector('[data-step]')!.id));
        expect(await page.locator('img[src="x"]').count()).toBe(0);
      }
      expect(errors).toEqual([]);
      await context.close();
    });

    it('keyboard alone reaches every step through the next/previous controls', { timeout: 120_000 }, async () => {
      const { context, page } = await newPage({ width: 1280, reducedMotion: true });
      await page.goto(home, { waitUntil: 'networkidle' });
      const list = await steps(page);
      let tabs = 0;
      while (!(await page.evaluate(() => document.activeElement?.hasAttribute('data-step-next')))) {
        await page.keyboard.press('Tab');
        if (++tabs > 300) throw new Error('the "Next step" control is not reachable by Tab');
      }
      // Tabbing through the links on the way may already have moved the story on: start from wherever it is.
      const activeId = () => page.evaluate(() => document.querySelector<HTMLElement>('[data-story-panel]')!.dataset.activeStep);
      const ids = list.map((s) => s.id);
      const start = ids.indexOf((await activeId())!);
      expect(start).toBeGreaterThanOrEqual(0);
      const visited = new Set([ids[start]]);
      const press = async (control: 'next' | 'prev', expected: string) => {
        await page.locator(`[data-step-${control}]`).focus();
        await page.keyboard.press('Enter');
        await page.waitForFunction((id) => document.querySelector<HTMLElement>('[data-story-panel]')?.dataset.activeStep === id, expected, { timeout: 5000 });
        expect(await page.evaluate(() => document.activeElement?.closest('[data-step]')?.id), 'focus moves to the step').toBe(expected);
        visited.add(expected);
      };
      for (let i = start + 1; i < ids.length; i++) await press('next', ids[i]!);
      expect(await page.locator('[data-step-next]').isDisabled()).toBe(true);
      for (let i = ids.length - 2; i >= 0; i--) await press('prev', ids[i]!);
      expect(await page.locator('[data-step-prev]').isDisabled()).toBe(true);
      expect([...visited].sort()).toEqual([...ids].sort());
      await context.close();
    });

    it('on a phone the first screen shows the headline and the map, and a deep link shows the step large, its text just under it', { timeout: 120_000 }, async () => {
      const { context, page, errors } = await newPage({ width: 360, height: 740, reducedMotion: true });
      await page.goto(home, { waitUntil: 'networkidle' });
      await page.waitForFunction(() => document.documentElement.classList.contains('story-ready'));
      // The graphic the reader sees (the drawn layout of the active graphic) and how much of the screen it
      // takes: its box, clipped to the window, over the window's height.
      const measure = (on: Page, stepId: string | null) =>
        on.evaluate((id) => {
          const shown = (el: Element) => getComputedStyle(el).opacity !== '0' && getComputedStyle(el).visibility === 'visible';
          const active = document.querySelector<HTMLElement>('.story-panel__graphic.is-active')!;
          const svg = [...active.querySelectorAll('svg')].find((s) => s.getBoundingClientRect().width > 0 && shown(s) && shown(s.closest('.graphic-layout') ?? s))!;
          const box = svg.getBoundingClientRect();
          const share = Math.max(0, Math.min(innerHeight, box.bottom) - Math.max(0, box.top)) / innerHeight;
          const h1 = document.querySelector('h1')!.getBoundingClientRect();
          const panel = document.querySelector('[data-story-panel]')!.getBoundingClientRect();
          const text = id ? document.getElementById(id)!.querySelector('.step__text')!.getBoundingClientRect() : undefined;
          // What the reader sees at the start of the step's text: the step itself, not the panel over it.
          const atText = text && document.elementFromPoint(text.left + text.width / 2, text.top + 12);
          return {
            scrollY: window.scrollY, kind: active.dataset.graphic, share, h1Top: h1.top, h1Bottom: h1.bottom,
            panelBottom: panel.bottom, textTop: text?.top ?? 0, textShown: !!atText && atText.closest('[data-step]')?.id === id,
            activeStep: document.querySelector<HTMLElement>('[data-story-panel]')!.dataset.activeStep,
          };
        }, stepId);
      const first = await measure(page, null);
      expect(first.scrollY).toBe(0);
      expect(first.kind).toBe('map');
      expect(first.h1Top, 'the headline is on the first screen').toBeGreaterThanOrEqual(0);
      expect(first.h1Bottom, 'the headline is on the first screen').toBeLessThanOrEqual(740);
      expect(first.share, 'the map takes at least 40% of the first screen').toBeGreaterThanOrEqual(0.4);

      // The first step, the last one and the last step of each kind of graphic, reached by their links.
      const list = await steps(page);
      const kinds = await page.evaluate(() => JSON.parse(document.getElementById('story-states')!.textContent!).states);
      const lastOf = (kind: string) => list.filter((s) => kinds[s.state].kind === kind).at(-1)!;
      const picked = [list[0]!, ...['map', 'roads-waffle', 'fuel-prices', 'electricity', 'school-calendar', 'timeline'].map(lastOf), list.at(-1)!];
      for (const step of picked) {
        const fresh = await context.newPage();
        fresh.on('pageerror', (e) => errors.push(String(e)));
        await fresh.goto(`${home}#${step.id}`, { waitUntil: 'networkidle' });
        await fresh.waitForFunction(() => document.documentElement.classList.contains('story-ready'));
        const m = await measure(fresh, step.id);
        expect(m.activeStep, step.id).toBe(step.id);
        expect(m.kind, step.id).toBe(kinds[step.state].kind);
        expect(m.share, `${step.id}: the graphic takes at least 55% of the screen`).toBeGreaterThanOrEqual(0.55);
        expect(m.textTop, `${step.id}: its text starts under the panel`).toBeGreaterThanOrEqual(m.panelBottom - 1);
        expect(m.textTop, `${step.id}: just under it`).toBeLessThanOrEqual(m.panelBottom + 40);
        expect(m.textShown, `${step.id}: its text is not covered`).toBe(true);
        await fresh.close();
      }
      expect(errors).toEqual([]);
      await context.close();
    });

    it('on a phone each chapter in the contents opens at its heading, just under the panel, with its first step shown', { timeout: 60_000 }, async () => {
      // A small phone too: there a two-line chapter heading takes much of the window under the panel.
      for (const [width, height] of [[360, 740], [320, 568]] as const) {
        const { context, page, errors } = await newPage({ width, height, reducedMotion: true });
        await page.goto(home, { waitUntil: 'networkidle' });
        await page.waitForFunction(() => document.documentElement.classList.contains('story-ready'));
        const chapters = await page.$$eval('[data-toc-chapter]', (as) => as.map((a) => (a as HTMLElement).dataset.tocChapter!));
        expect(chapters.length).toBeGreaterThan(5);
        for (const chapter of chapters) {
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.locator(`[data-toc-chapter="${chapter}"]`).click();
          const firstStep = await page.locator(`#${chapter} [data-step]`).first().getAttribute('id');
          await expect.poll(() => page.evaluate(() => document.querySelector<HTMLElement>('[data-story-panel]')?.dataset.activeStep), { message: chapter }).toBe(firstStep);
          await page.waitForTimeout(200);
          const { heading, panel, active } = await page.evaluate((id) => ({
            heading: document.getElementById(`${id}-title`)!.getBoundingClientRect().top,
            panel: document.querySelector('[data-story-panel]')!.getBoundingClientRect().bottom,
            active: document.querySelector<HTMLElement>('[data-story-panel]')!.dataset.activeStep,
          }), chapter);
          expect(active, `${chapter} after the page settles`).toBe(firstStep);
          expect(heading, chapter).toBeGreaterThanOrEqual(panel - 1);
          expect(heading, chapter).toBeLessThanOrEqual(panel + 40);
        }
        expect(errors).toEqual([]);
        await context.close();
      }
    });

    it('on a phone the graphic is never covered by the text', async () => {
      const { context, page } = await newPage({ width: 360, height: 740, reducedMotion: true });
      await page.goto(home, { waitUntil: 'networkidle' });
      const list = await steps(page);
      for (const step of list.slice(0, 6)) {
        await scrollToStep(page, step.id);
        const covered = await page.evaluate(() => {
          const svg = document.querySelector('.story-panel__graphic.is-active svg')!.getBoundingClientRect();
          const x = svg.left + svg.width / 2;
          const points = [0.25, 0.5, 0.75].map((f) => document.elementFromPoint(x, svg.top + svg.height * f));
          return points.filter((el) => !el?.closest('.story-panel')).length;
        });
        expect(covered, step.id).toBe(0);
      }
      await context.close();
    });
  });

  describe('the story without JavaScript', () => {
    it('every step is followed by its figure, with a text alternative, and nothing is blank', async () => {
      const { context, page } = await newPage({ width: 360, height: 740, js: false });
      await page.goto(home, { waitUntil: 'load' });
      const list = await steps(page);
      // The first step's graphic is the lead figure (the panel); every other step shows its own.
      const lead = page.locator('.story-panel__graphic.is-active svg');
      expect(await lead.isVisible()).toBe(true);
      for (const step of list.slice(1)) {
        const img = page.locator(`#${step.id} .step__figure img`);
        await img.scrollIntoViewIfNeeded();
        await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), { timeout: 5000 }).toBe(true);
        expect(await img.isVisible(), step.id).toBe(true);
        expect((await img.getAttribute('alt'))?.length ?? 0, step.id).toBeGreaterThan(20);
        expect(await img.getAttribute('src')).toContain(`figures/${step.state}.svg`);
      }
      await context.close();
    });
  });

  describe('small screens', () => {
    for (const js of [true, false]) {
      for (const path of ['', 'sources/']) {
        it(`/${path} has no horizontal overflow at 320px (${js ? 'with' : 'without'} JavaScript)`, async () => {
          const { context, page } = await newPage({ width: 320, height: 640, js });
          const response = await page.goto(pageUrl(locale, path), { waitUntil: 'networkidle' });
          expect(response?.status(), pageUrl(locale, path)).toBe(200);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow).toBeLessThanOrEqual(0);
          await context.close();
        });
      }
    }
  });
});
