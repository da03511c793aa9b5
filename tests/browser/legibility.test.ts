/**
 * Issue 11: the graphics are legible where readers read them. In real
 * Chromium, for the graphic the reader sees (tests/browser/legibility.ts
 * says how it is found and measured):
 *  - every story step, opened by its deep link at 360×740 and 1280×800, and
 *    at the widths between where layouts change (a 768×1024 tablet, a
 *    1024×768 laptop, whose side panel is too narrow for the wide charts): on
 *    phones the graphic takes ≥ 55% of the viewport height;
 *  - every visible SVG text renders at ≥ 12 px on phones, ≥ 13 px on desktop
 *    (font-size × the screen scale of its user units);
 *  - no two visible text boxes overlap (1 px tolerance);
 * and the same text rules on each embed page (320, 600, 1000 px wide, no
 * iframe) and on /scenarios/ (at the four story viewports), over the whole page;
 * in both languages (French labels are longer: they must not collide either).
 * The French pages are the English ones' twins, with the same step ids and
 * embed ids, so a missing French page fails here rather than being skipped.
 * LEGIBILITY_REPORT=<file.md> also writes every measurement as a summary.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import {
  formatReport,
  legibilityProblems,
  measureStory,
  measureWholePage,
  openEmbed,
  openStep,
  settle,
  type Measurement,
  type ReportEntry,
} from './legibility';
import { forEachLocale, pageUrl } from './locales';

const dist = process.env.DIST_DIR ?? 'dist';

/** The story's steps, from the built page's [data-step] sections (a test per step needs them before the browser starts). */
function builtStepIds(): string[] {
  const file = join(dist, 'index.html');
  if (!existsSync(file)) return [];
  const html = readFileSync(file, 'utf8');
  return [...html.matchAll(/<[a-z]+\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /\sdata-step(?=[\s>=/])/.test(tag))
    .map((tag) => /\sid="([^"]+)"/.exec(tag)?.[1])
    .filter((id): id is string => Boolean(id));
}

/** The embed pages, from the built dist/embed/<id>/ folders (the ids of src/embeds/embeds.ts). */
function builtEmbedIds(): string[] {
  const dir = join(dist, 'embed');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'index.html')))
    .map((e) => e.name)
    .sort();
}

const STEP_IDS = builtStepIds();
const EMBED_IDS = builtEmbedIds();
const STORY_VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
] as const;
const EMBED_WIDTHS = [320, 600, 1000] as const;
const EMBED_HEIGHT = 800;

let browser: Browser;
const report: ReportEntry[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  if (process.env.LEGIBILITY_REPORT) writeFileSync(process.env.LEGIBILITY_REPORT, formatReport(report));
});

/** One context and page per viewport, reused by the tests of a describe block. */
function viewportPage(width: number, height: number): () => Page {
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width, height } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });
  return () => page!;
}

function record(name: string, width: number, height: number, measurement: Measurement, graphicShare: boolean) {
  report.push({ page: name, width, height, measurement, graphicShare });
  return legibilityProblems(measurement, width, { graphicShare });
}

it('finds the story steps and embed pages in the build', () => {
  expect(STEP_IDS.length, `[data-step] sections in ${dist}/index.html`).toBeGreaterThan(15);
  expect(EMBED_IDS.length, `folders in ${dist}/embed/`).toBeGreaterThan(3);
});

forEachLocale((locale) => {
  // The story's address in this language; openStep and openEmbed add '#<step>' and 'embed/<id>/' to it.
  const home = pageUrl(locale);

  for (const { width, height } of STORY_VIEWPORTS) {
    describe(`story panel at ${width}×${height}`, () => {
      const page = viewportPage(width, height);

      it('the built step list is the page’s', async () => {
        await page().goto(home, { waitUntil: 'load' });
        expect(await page().$$eval('[data-step]', (els) => els.map((el) => el.id))).toEqual(STEP_IDS);
      });

      for (const id of STEP_IDS) {
        it(`/#${id}`, async () => {
          await openStep(page(), home, id);
          const problems = record(`${locale} story #${id}`, width, height, await measureStory(page()), true);
          expect(problems, `story ${home}#${id} at ${width}×${height}px`).toEqual([]);
        });
      }
    });
  }

  for (const width of EMBED_WIDTHS) {
    describe(`embed pages at ${width}×${EMBED_HEIGHT}`, () => {
      const page = viewportPage(width, EMBED_HEIGHT);
      for (const id of EMBED_IDS) {
        it(`/embed/${id}/`, async () => {
          await openEmbed(page(), home, id);
          const problems = record(`${locale} embed ${id}`, width, EMBED_HEIGHT, await measureWholePage(page()), false);
          expect(problems, `${pageUrl(locale, `embed/${id}/`)} at ${width}px`).toEqual([]);
        });
      }
    });
  }

  describe('the scenarios page', () => {
    for (const { width, height } of STORY_VIEWPORTS) {
      describe(`at ${width}×${height}`, () => {
        const page = viewportPage(width, height);
        it('/scenarios/', async () => {
          await page().goto(pageUrl(locale, 'scenarios/'), { waitUntil: 'load' });
          await settle(page());
          const measurement = await measureWholePage(page());
          const problems = record(`${locale} scenarios`, width, height, measurement, false);
          expect(measurement.texts.length, 'the corridor sketches have text').toBeGreaterThan(0);
          expect(problems, `${pageUrl(locale, 'scenarios/')} at ${width}px`).toEqual([]);
        });
      });
    }
  });
});
