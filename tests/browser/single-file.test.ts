/**
 * The single-file edition of the story (lifelines-story.html), as a reader who
 * was sent it opens it: from the file, with no network and JavaScript off. It
 * has the story's text, every step's figure (the very SVG the site serves),
 * the sources its links point to, and passes axe; the story page links to it.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launchChromium } from './chromium';
import { forEachLocale, pageUrl, sitePathOf, type Locale } from './locales';
import { SINGLE_FILE } from '../../scripts/lib/single-file.mjs';

const siteUrl = inject('siteUrl');
const dist = resolve(process.env.DIST_DIR ?? 'dist');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The single-file edition of the story in one language: dist/lifelines-story.html, dist/fr/lifelines-story.html. */
const singleFile = (locale: Locale) => sitePathOf(locale, SINGLE_FILE);
const singleFileUrl = (locale: Locale) => pathToFileURL(join(dist, singleFile(locale))).href;

/** Opens the file offline, without JavaScript; records every request it makes. */
async function openFile(locale: Locale, options: { width?: number; scheme?: 'light' | 'dark'; js?: boolean } = {}) {
  const context = await browser.newContext({
    javaScriptEnabled: options.js ?? false,
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.scheme ?? 'light',
    offline: true,
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(singleFileUrl(locale), { waitUntil: 'load' });
  return { context, page, requests, errors };
}

/** The story as the site serves it without JavaScript: each step's id, text and figure file. */
async function storySteps(locale: Locale): Promise<{ id: string; text: string; figure: string; alt: string }[]> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(pageUrl(locale), { waitUntil: 'load' });
  const steps = await page.$$eval('[data-step]', (els) =>
    els.map((el) => ({
      id: el.id,
      text: (el.querySelector('.step__text') as HTMLElement).innerText.trim(),
      // A map's figure in the file is its phone drawing (an <img> cannot counter-scale its text); a chart's, its wide one.
      figure:
        el.querySelector('.step__figure')?.getAttribute('data-kind') === 'map'
          ? new URL(el.querySelector('.step__figure source')!.getAttribute('srcset')!, document.baseURI).href
          : (el.querySelector('.step__figure img') as HTMLImageElement).src,
      alt: (el.querySelector('.step__figure img') as HTMLImageElement).alt,
    })),
  );
  await context.close();
  return steps;
}

/** Scrolls to the end a screen at a time (from here: with JavaScript off, the page's timers do not run). */
async function scrollThrough(page: Page) {
  const height = await page.evaluate(() => document.body.scrollHeight);
  for (let y = 0; y < height; y += 800) await page.evaluate((top) => window.scrollTo(0, top), y);
}

/** The heading of the file's sources, in each language (the English one as the site prints it). */
const SOURCES_HEADING: Record<Locale, string> = { en: 'Sources cited', fr: 'Sources citées' };

forEachLocale((locale) => {
  describe('the single-file edition', () => {
    let context: BrowserContext | undefined;
    afterAll(async () => context?.close());

    it('opens from the file with no network and no JavaScript, with every step’s text and figure', { timeout: 90_000 }, async () => {
      const steps = await storySteps(locale);
      expect(steps.length).toBeGreaterThan(15);
      const opened = await openFile(locale, { js: false });
      context = opened.context;
      const { page, requests, errors } = opened;
      // JavaScript really is off, and nothing is fetched: the file holds everything.
      expect(await page.locator('script').count()).toBe(0);
      expect(requests.filter((u) => u !== singleFileUrl(locale) && !u.startsWith('data:'))).toEqual([]);

      const shown = await page.$$eval('[data-step]', (els) =>
        els.map((el) => {
          const img = el.querySelector<HTMLImageElement>('.step__figure img');
          const box = img?.getBoundingClientRect();
          return {
            id: el.id,
            text: (el.querySelector('.step__text') as HTMLElement).innerText.trim(),
            src: img?.getAttribute('src') ?? '',
            alt: img?.alt ?? '',
            visible: Boolean(img && box && box.width > 200 && box.height > 100 && getComputedStyle(img.closest('figure')!).display !== 'none'),
          };
        }),
      );
      expect(shown.map((s) => s.id)).toEqual(steps.map((s) => s.id));
      for (const [i, step] of steps.entries()) {
        const copy = shown[i]!;
        expect(copy.text, step.id).toBe(step.text);
        expect(copy.visible, `${step.id}: figure shown`).toBe(true);
        expect(copy.alt, step.id).toBe(step.alt);
        // The figure is the site's own file, inside this one.
        const file = readFileSync(join(dist, new URL(step.figure).pathname.slice(new URL(siteUrl).pathname.length)), 'utf8');
        expect(copy.src.startsWith('data:image/svg+xml,'), step.id).toBe(true);
        expect(decodeURIComponent(copy.src.slice('data:image/svg+xml,'.length)), `${step.id}: the same figure`).toBe(file);
      }
      // Every figure is drawn (the browser decoded each image).
      await scrollThrough(page);
      const undrawn = await page.$$eval('.step__figure img', (imgs) => (imgs as HTMLImageElement[]).filter((i) => !(i.complete && i.naturalWidth > 0)).map((i) => i.alt));
      expect(undrawn).toEqual([]);
      expect(errors).toEqual([]);
    });

    it('keeps its links in the file: citations to its sources, terms to its glossary', async () => {
      const { context: ctx, page } = await openFile(locale);
      const links = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')!));
      // Every link is to a place in the file or a full web address: nothing relative to a site that is not there.
      expect(links.filter((h) => !h.startsWith('#') && !/^https?:\/\//.test(h))).toEqual([]);
      const inFile = links.filter((h) => h.startsWith('#src-') || h.startsWith('#term-'));
      expect(inFile.filter((h) => h.startsWith('#src-')).length).toBeGreaterThan(20);
      const missing = await page.evaluate((ids) => ids.filter((id) => !document.getElementById(id.slice(1))), [...new Set(inFile)]);
      expect(missing).toEqual([]);
      expect(await page.locator('#single-file-sources').textContent()).toBe(SOURCES_HEADING[locale]);
      await ctx.close();
    });

    it('shows every figure in a browser with JavaScript on too (the file has no script to run the panel)', async () => {
      const { context: ctx, page, errors } = await openFile(locale, { js: true });
      const hidden = await page.$$eval('[data-step]', (els) =>
        els.filter((el) => {
          const figure = el.querySelector('.step__figure');
          return !figure || getComputedStyle(figure).display === 'none' || figure.getBoundingClientRect().height < 100;
        }).map((el) => el.id),
      );
      expect(hidden).toEqual([]);
      // And the page is laid out as without JavaScript: no room kept for a panel that never comes.
      const layout = (p: Page) => p.$$eval('[data-step]', (els) => els.map((el) => { const r = el.getBoundingClientRect(); return [Math.round(r.x), Math.round(r.width), Math.round(r.height)]; }));
      const withoutJs = await openFile(locale, { js: false });
      expect(await layout(page)).toEqual(await layout(withoutJs.page));
      await withoutJs.context.close();
      expect(errors).toEqual([]);
      await ctx.close();
    });

    it('fits a phone: the phone layout of each chart, no sideways scrolling', async () => {
      const { context: ctx, page } = await openFile(locale, { width: 360 });
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(360);
      const narrow = await page.$$eval('.step__figure picture', (pictures) =>
        pictures.filter((p) => p.querySelector('source')).map((p) => (p.querySelector('img') as HTMLImageElement).currentSrc === p.querySelector('source')!.getAttribute('srcset')),
      );
      expect(narrow.length).toBeGreaterThan(3);
      expect(narrow.every(Boolean)).toBe(true);
      await ctx.close();
    });

    for (const width of [360, 1280]) {
      for (const scheme of ['light', 'dark'] as const) {
        it(`has no WCAG A/AA violations at ${width}px, ${scheme}`, async () => {
          // axe runs as a script: this copy has JavaScript on, which the file's own CSP gives nothing to run.
          const { context: ctx, page } = await openFile(locale, { width, scheme, js: true });
          const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
          expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
          await ctx.close();
        });
      }
    }

    it('is linked from the story page, for download', async () => {
      const ctx = await browser.newContext({ javaScriptEnabled: false });
      const page = await ctx.newPage();
      await page.goto(pageUrl(locale), { waitUntil: 'load' });
      const link = page.locator('[data-single-file-link] a[download]');
      if (locale === 'en') expect(await link.textContent()).toBe('download the story as a single file');
      expect(await link.getAttribute('download')).not.toBeNull();
      const href = new URL((await link.getAttribute('href'))!, pageUrl(locale)).href;
      const res = await page.request.get(href);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toMatch(/^text\/html/);
      expect(await res.text()).toBe(readFileSync(join(dist, singleFile(locale)), 'utf8'));
      await ctx.close();
    });
  });
});
