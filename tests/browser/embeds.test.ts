/**
 * Embed pages, their embed code, options and downloads, in real Chromium
 * against the built site. The host page that embeds the graphics is served
 * from another origin (another port), as a newspaper's page would be.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { graphicStateMismatches } from './graphic-state-check';
import { EMBEDS, LICENCE } from '../../src/embeds/embeds';
import { downloadCsvFiles, downloadImageNames, socialImageNames } from '../../src/embeds/downloads';
import { DATASETS } from '../../src/data/schema';
import { storySteps } from '../../src/story/story-steps';
import { forEachLocale, openPage, pageUrl, type Locale } from './locales';
import { t } from '../../src/i18n/strings';

/** An embed page in one language, with its options. */
const embedAt = (locale: Locale, id: string, query = '') => pageUrl(locale, `embed/${id}/${query}`);

const siteUrl = inject('siteUrl');
const siteOrigin = inject('siteOrigin');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(url: string, options: { width?: number; scheme?: 'light' | 'dark'; clipboard?: boolean } = {}) {
  const { context, page, errors, status } = await openPage(browser, url, { width: options.width ?? 800, height: 900, colorScheme: options.scheme ?? 'light', clipboard: options.clipboard ?? false });
  expect(status, `${url} is served`).toBe(200);
  return { context, page, errors };
}

/** The code of the page's inline scripts (not its JSON data islands). */
const inlineScripts = (page: Page) => page.$$eval('script:not([src]):not([type="application/json"])', (scripts) => scripts.map((s) => s.textContent ?? ''));

async function ready(page: Page) {
  await page.waitForFunction(() => document.documentElement.classList.contains('embed-ready'));
}

/**
 * Presses a share control's copy button (found by the field it copies, in either language) and
 * returns what the control then says, from the button's own data-copy-done.
 */
async function copy(scope: Page | Locator, field: 'snippet' | 'fixed' | 'link'): Promise<string> {
  const button = scope.locator(`button[data-copy-field="${field}"]`);
  await button.click();
  return (await button.getAttribute('data-copy-done')) ?? '(no data-copy-done)';
}

/** A tiny web server on another port: the "newspaper" whose article embeds our graphics. */
function startHost(html: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** The embed code exactly as each page publishes it (read from its share control). */
async function publishedSnippets(locale: Locale, ids: readonly string[]): Promise<Map<string, string>> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const snippets = new Map<string, string>();
  for (const id of ids) {
    await page.goto(embedAt(locale, id), { waitUntil: 'domcontentloaded' });
    snippets.set(id, await page.locator('[data-share-field="snippet"]').inputValue());
  }
  await context.close();
  return snippets;
}

/**
 * The build writes absolute addresses on the site's public origin (SITE_URL);
 * the tests serve the same files from a local port. This swaps that origin,
 * and nothing else, in the published code.
 */
function onTestOrigin(snippet: string): string {
  const src = /<iframe src="([^"]+)"/.exec(snippet)?.[1];
  if (!src) throw new Error(`no iframe in ${snippet}`);
  return snippet.split(new URL(src).origin).join(siteOrigin);
}

forEachLocale((locale) => {
  describe('the embed code on another site', () => {
    it('every embed page, embedded on a page of another origin, settles to its content height at 320, 600 and 1000 px', { timeout: 240_000 }, async () => {
      const published = await publishedSnippets(locale, EMBEDS.map((e) => e.id));
      const snippets = EMBEDS.map((e) => ({ id: e.id, code: onTestOrigin(published.get(e.id)!) }));
      for (const s of snippets) {
        expect(s.code).toMatch(/^<iframe src="[^"]+" title="[^"]+" width="100%" height="\d+" scrolling="no" frameborder="0" loading="lazy" data-lifelines-embed><\/iframe><script src="[^"]+\/embed-loader\.js" async><\/script>$/);
        // The code from a page in one language embeds the graphic in that language, by its address alone.
        const src = new URL(/<iframe src="([^"]+)"/.exec(s.code)![1]!);
        expect(src.pathname + src.search, s.id).toBe(new URL(embedAt(locale, s.id)).pathname);
      }
      const host = await startHost(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
          `<title>A newspaper article</title></head><body><main><h1>A newspaper article</h1>` +
          snippets.map((s) => `<p>Paragraph before the ${s.id} graphic.</p>\n${s.code}\n`).join('') +
          `<p>The end.</p></main></body></html>`,
      );
      expect(new URL(host.url).origin).not.toBe(siteOrigin);
      const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(host.url, { waitUntil: 'load' });

      const measure = async (id: string) => {
        const iframe = page.locator(`iframe[src*="/embed/${id}/"]`);
        const frame = await (await iframe.elementHandle())!.contentFrame();
        if (!frame) return { attribute: -1, box: -1, content: -2, overflow: 1 };
        const content = await frame
          .evaluate(() => (document.documentElement.classList.contains('embed-ready') ? document.documentElement.offsetHeight : -2))
          .catch(() => -2);
        const overflow = await frame.evaluate(() => document.documentElement.scrollHeight - window.innerHeight).catch(() => 1);
        return { attribute: Number(await iframe.getAttribute('height')), box: Math.round((await iframe.boundingBox())?.height ?? -1), content, overflow };
      };

      const seen = new Map<string, number[]>();
      for (const width of [320, 600, 1000]) {
        await page.setViewportSize({ width, height: 800 });
        for (const { id } of snippets) {
          const iframe = page.locator(`iframe[src*="/embed/${id}/"]`);
          await iframe.scrollIntoViewIfNeeded();
          await expect
            .poll(async () => {
              const m = await measure(id);
              return m.content > 0 && Math.abs(m.attribute - m.content) <= 1 && Math.abs(m.box - m.content) <= 1 && m.overflow <= 1;
            }, { timeout: 15_000, message: `${id} at ${width}px: ${JSON.stringify(await measure(id))}` })
            .toBe(true);
          const m = await measure(id);
          seen.set(id, [...(seen.get(id) ?? []), m.content]);
          expect(Math.round((await iframe.boundingBox())!.width), `${id} fills the column at ${width}px`).toBeGreaterThan(width - 40);
        }
      }
      // The graphics are responsive: a narrow frame is taller or shorter than a wide one, never the same by accident.
      for (const [id, heights] of seen) expect(new Set(heights).size, `${id}: ${heights.join(', ')}`).toBeGreaterThan(1);

      // Content that changes height after load (the share control opened) resizes the frame too.
      const iframe = page.locator('iframe[src*="/embed/fuel-prices/"]');
      await iframe.scrollIntoViewIfNeeded();
      const before = Number(await iframe.getAttribute('height'));
      const frame = await (await iframe.elementHandle())!.contentFrame();
      await frame!.locator('.share-control summary').click();
      await expect.poll(async () => Number(await iframe.getAttribute('height'))).toBeGreaterThan(before + 100);
      await expect.poll(async () => (await measure('fuel-prices')).overflow).toBeLessThanOrEqual(1);

      expect(errors).toEqual([]);
      await context.close();
      await host.close();
    });

    it('the fixed-height code shows the whole graphic with its footer at common widths', { timeout: 120_000 }, async () => {
      for (const embed of EMBEDS) {
        const { context, page } = await open(embedAt(locale, embed.id));
        const fixed = await page.locator('[data-share-field="fixed"]').inputValue();
        const height = Number(/height="(\d+)"/.exec(fixed)?.[1]);
        expect(fixed).not.toContain('<script');
        for (const width of [600, 1000]) {
          await page.setViewportSize({ width, height: 900 });
          const content = await page.evaluate(() => document.documentElement.offsetHeight);
          expect(content, `${embed.id} at ${width}px is ${content}px, the fixed frame ${height}px`).toBeLessThanOrEqual(height);
        }
        await context.close();
      }
    });
  });

  describe('the share control', () => {
    it('the copy button puts the published embed code on the clipboard, and says so', async () => {
      const { context, page, errors } = await open(embedAt(locale, 'map-mali'), { clipboard: true });
      await ready(page);
      await page.locator('.share-control summary').click();
      const expected = await page.locator('[data-share-field="snippet"]').inputValue();
      expect(expected).toContain(`/embed/map-mali/"`);
      const snippetDone = await copy(page, 'snippet');
      if (locale === 'en') expect(snippetDone).toBe('Embed code copied.');
      await expect.poll(() => page.locator('[data-copy-status]').textContent()).toBe(snippetDone);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

      const fixedDone = await copy(page, 'fixed');
      if (locale === 'en') expect(fixedDone).toBe('Frame code copied.');
      await expect.poll(() => page.locator('[data-copy-status]').textContent()).toBe(fixedDone);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await page.locator('[data-share-field="fixed"]').inputValue());

      await copy(page, 'link');
      const link = await page.evaluate(() => navigator.clipboard.readText());
      expect(new URL(link).hash).toBe(`#${storySteps().find((s) => s.state === 'blockade-west')!.id}`);
      expect(errors).toEqual([]);
      await context.close();
    });

    it('on an embed shown at another step, the code, images and link are that step’s', async () => {
      const step = storySteps().find((s) => s.state === 'convoy-attacks-south')!;
      const { context, page } = await open(embedAt(locale, 'map-mali', `?step=${step.id}`), { clipboard: true });
      await ready(page);
      await page.locator('.share-control summary').click();
      await copy(page, 'snippet');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain(`/embed/map-mali/?step=${step.id}"`);
      expect(await page.locator('[data-share-field="png"]').getAttribute('href')).toMatch(/downloads\/convoy-attacks-south\.png$/);
      expect(new URL((await page.locator('[data-share-field="link"]').getAttribute('href'))!).hash).toBe(`#${step.id}`);
      await context.close();
    });

    it('in the story, the panel’s control offers the step being read', async () => {
      const step = storySteps().find((s) => s.state === 'prices-queues')!;
      const { context, page, errors } = await open(`${pageUrl(locale)}#${step.id}`, { clipboard: true, width: 1280 });
      await page.waitForFunction(() => document.documentElement.classList.contains('story-ready'));
      const control = page.locator('.story-panel [data-share-control][data-share-embed="fuel-prices"]');
      await expect.poll(() => control.getAttribute('data-share-step')).toBe(step.id);
      await control.locator('summary').click();
      const done = await copy(control, 'snippet');
      await expect.poll(() => control.locator('[data-copy-status]').textContent()).toBe(done);
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain(`/embed/fuel-prices/?step=${step.id}"`);
      expect(copied).toContain('/embed-loader.js');
      // Left open while the reader moves to another step of the same chart, it follows the reader.
      const other = storySteps().find((s) => s.state === 'prices-informal')!;
      await page.evaluate((id) => {
        location.hash = `#${id}`;
      }, other.id);
      await expect.poll(() => control.getAttribute('data-share-step')).toBe(other.id);
      await copy(control, 'snippet');
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(`/embed/fuel-prices/?step=${other.id}"`);
      expect(errors).toEqual([]);
      await context.close();
    });

    it('works without JavaScript: it opens, and its code can be read', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
      const page = await context.newPage();
      await page.goto(embedAt(locale, 'timeline'), { waitUntil: 'load' });
      await page.locator('.share-control summary').click();
      expect(await page.locator('[data-share-field="snippet"]').isVisible()).toBe(true);
      expect(await page.locator('button[data-copy-field]').first().isVisible()).toBe(false);
      expect(await page.locator('[data-share-field="png"]').isVisible()).toBe(true);
      await context.close();
    });
  });

  describe('downloads', () => {
    /** Width and height from a PNG's IHDR chunk, after checking its signature. */
    function pngSize(bytes: Buffer) {
      expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
      return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
    }

    it('every image download is a valid SVG, and the PNG is that SVG at twice its size', { timeout: 120_000 }, async () => {
      const { context, page } = await open(pageUrl(locale, 'downloads/scenarios.svg'));
      for (const name of downloadImageNames()) {
        const svg = await page.evaluate(async (url) => {
          const text = await (await fetch(url)).text();
          const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
          const root = doc.documentElement;
          return {
            error: doc.getElementsByTagName('parsererror').length,
            tag: root.tagName,
            width: Number(root.getAttribute('width')),
            height: Number(root.getAttribute('height')),
            text: root.textContent ?? '',
          };
        }, pageUrl(locale, `downloads/${name}.svg`));
        expect(svg.error, name).toBe(0);
        expect(svg.tag).toBe('svg');
        expect(svg.text, `${name} carries its credit`).toContain(`${t(locale, 'site.name')} · ${LICENCE}`);
        expect(svg.text, `${name} carries its sources`).toMatch(locale === 'fr' ? /Sources?[\u00a0\u202f]: / : /Sources?: /);
        const res = await page.request.get(pageUrl(locale, `downloads/${name}.png`));
        expect(res.status(), name).toBe(200);
        expect(res.headers()['content-type']).toBe('image/png');
        expect(pngSize(await res.body()), name).toEqual({ width: svg.width * 2, height: svg.height * 2 });
      }
      await context.close();
    });

    it('every link preview is a 1200 × 630 PNG', async () => {
      const { context, page } = await open(pageUrl(locale, 'sources/'));
      for (const name of socialImageNames()) {
        const res = await page.request.get(pageUrl(locale, `og/${name}.png`));
        expect(res.status(), name).toBe(200);
        expect(pngSize(await res.body()), name).toEqual({ width: 1200, height: 630 });
      }
      await context.close();
    });

    it('every download the controls link to exists', async () => {
      const { context, page } = await open(pageUrl(locale));
      const hrefs = new Set<string>();
      for (const url of [pageUrl(locale), ...EMBEDS.map((e) => embedAt(locale, e.id))]) {
        await page.goto(url, { waitUntil: 'domcontentloaded' });
        for (const href of await page.$$eval('[data-share-control] a[download]', (as) => as.map((a) => (a as HTMLAnchorElement).href))) hrefs.add(href);
      }
      expect(hrefs.size).toBeGreaterThan(40);
      for (const href of hrefs) expect((await page.request.get(href)).status(), href).toBe(200);
      await context.close();
    });
  });

  describe('embed options', () => {
    const visible = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => {
      const box = el.getBoundingClientRect();
      return getComputedStyle(el).display !== 'none' && box.width > 2 && box.height > 2;
    });
    const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

    it('plain=1 leaves out the title and footer, and keeps the graphic and its accessible title', async () => {
      const { context, page } = await open(embedAt(locale, 'electricity', '?plain=1'));
      await ready(page);
      expect(await visible(page, '.embed__header')).toBe(false);
      expect(await visible(page, '.embed__footer')).toBe(false);
      expect(await visible(page, '.embed__graphic svg')).toBe(true);
      const plainTitle = await page.getByRole('heading', { level: 1 }).textContent();
      const plainHeight = await page.evaluate(() => document.documentElement.offsetHeight);
      await page.goto(embedAt(locale, 'electricity'), { waitUntil: 'networkidle' });
      await ready(page);
      expect(await visible(page, '.embed__header')).toBe(true);
      expect(await visible(page, '.embed__footer')).toBe(true);
      expect(plainTitle).toBe(await page.locator('.embed__header h1, .embed__header [role="heading"]').first().textContent());
      if (locale === 'en') expect(plainTitle).toBe(EMBEDS.find((e) => e.id === 'electricity')!.title);
      expect(await page.evaluate(() => document.documentElement.offsetHeight)).toBeGreaterThan(plainHeight + 80);
      await context.close();
    });

    it('static=1 removes the controls, and nothing in the page moves', async () => {
      // Graphics switch state without fading (see graphics.css), so a static embed has no motion at all.
      const moving = (page: Page) =>
        page.evaluate(() => [...document.querySelectorAll('*')].filter((el) => getComputedStyle(el).transitionDuration.split(',').some((d) => parseFloat(d) > 0)).length + document.getAnimations().length);
      const { context, page } = await open(embedAt(locale, 'map-frame', '?static=1'));
      await ready(page);
      expect(await visible(page, '.share-control')).toBe(false);
      expect(await moving(page)).toBe(0);
      await page.goto(embedAt(locale, 'map-frame'), { waitUntil: 'networkidle' });
      await ready(page);
      expect(await visible(page, '.share-control')).toBe(true);
      await context.close();
    });

    it('theme=dark and theme=light override the reader’s setting; auto follows it', async () => {
      const light = 'rgb(251, 248, 242)';
      const dark = 'rgb(22, 21, 19)';
      for (const [scheme, query, expected] of [
        ['light', '', light],
        ['dark', '', dark],
        ['light', '?theme=auto', light],
        ['dark', '?theme=auto', dark],
        ['light', '?theme=dark', dark],
        ['dark', '?theme=light', light],
      ] as const) {
        const { context, page } = await open(embedAt(locale, 'roads-waffle', query), { scheme });
        await ready(page);
        expect(await background(page), `${scheme} ${query}`).toBe(expected);
        await context.close();
      }
    });

    it('step= shows each of the graphic’s story states, by step id or state name', { timeout: 120_000 }, async () => {
      const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
      const page = await context.newPage();
      for (const embed of EMBEDS.filter((e) => e.states.length > 0)) {
        for (const state of embed.states) {
          const step = storySteps().find((s) => s.state === state)!;
          for (const value of [step.id, state]) {
            await page.goto(embedAt(locale, embed.id, `?step=${value}`), { waitUntil: 'load' });
            await ready(page);
            expect(await mismatches(page, state), `${embed.id} ?step=${value}`).toEqual([]);
            expect(await page.locator(`[data-for-state-text="${state}"]`).first().isHidden()).toBe(false);
          }
        }
      }
      // Phones get the charts' narrow layouts; the timeline's is drawn once per state.
      await page.setViewportSize({ width: 360, height: 800 });
      for (const embed of EMBEDS.filter((e) => e.type === 'graphic' && e.kind !== 'map')) {
        for (const state of embed.states) {
          await page.goto(embedAt(locale, embed.id, `?step=${state}`), { waitUntil: 'load' });
          await ready(page);
          expect(await mismatches(page, state), `${embed.id} ?step=${state} at 360px`).toEqual([]);
        }
      }
      await context.close();
    });

    it('hostile or unknown options change nothing and throw nothing', { timeout: 120_000 }, async () => {
      const hostile = [
        '?theme=<script>alert(1)</script>&plain=%E0%A4%A&static=maybe&step=<img src=x onerror=alert(1)>',
        '?step=__proto__&theme=constructor&plain=toString',
        '?step=prices-official&theme=DARKNESS',
        '?step=../../index&step=convoys-burned',
        '?' + 'x=1&'.repeat(600) + 'plain=1&static=1&theme=dark',
        '?%00=%00&&&=&theme=%3Cimg%20src=x%20onerror=alert(1)%3E',
        '?step=' + 'a'.repeat(5000),
        '#<img src=x onerror=alert(1)>',
      ];
      for (const id of ['map-mali', 'timeline']) {
        const { context, page, errors } = await open(embedAt(locale, id));
        await ready(page);
        const defaults = await snapshot(page);
        // The page's own inline scripts (hashed in its CSP): a parameter must add none.
        const ownScripts = await inlineScripts(page);
        for (const query of hostile) {
          await page.goto(embedAt(locale, id, query), { waitUntil: 'networkidle' });
          await ready(page);
          expect(await snapshot(page), `${id} ${query.slice(0, 80)}`).toEqual(defaults);
          expect(await page.locator('img[src="x"]').count()).toBe(0);
          expect(await inlineScripts(page)).toEqual(ownScripts);
          const html = await page.content();
          expect(html).not.toContain('alert(1)');
          expect(html).not.toContain('onerror');
        }
        expect(errors).toEqual([]);
        await context.close();
      }
    });
  });

  describe('embed pages stay out of search and point to the story', () => {
    it('each is noindex, has a canonical link to its story step and a link-preview image that exists', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      for (const embed of EMBEDS) {
        await page.goto(embedAt(locale, embed.id), { waitUntil: 'domcontentloaded' });
        expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
        const canonical = new URL((await page.locator('link[rel="canonical"]').getAttribute('href'))!);
        if (embed.type === 'scenarios') expect(canonical.pathname).toMatch(/\/scenarios\/$/);
        else expect(canonical.hash).toBe(`#${storySteps().find((s) => s.state === embed.states[0])!.id}`);
        const image = new URL((await page.locator('meta[property="og:image"]').getAttribute('content'))!);
        expect(await page.locator('meta[name="twitter:card"]').getAttribute('content')).toBe('summary_large_image');
        expect((await page.request.get(siteOrigin + image.pathname)).status()).toBe(200);
      }
      await page.goto(pageUrl(locale), { waitUntil: 'domcontentloaded' });
      const story = new URL((await page.locator('meta[property="og:image"]').getAttribute('content'))!);
      expect(story.pathname).toMatch(/og\/story\.png$/);
      // Each chapter's short link carries that chapter's own preview image.
      const seen = new Set<string>();
      for (let n = 1; n <= 8; n++) {
        const html = await (await page.request.get(pageUrl(locale, `c/${n}/`))).text();
        const content = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
        expect(content, `c/${n}/`).toMatch(/\/og\/[a-z-]+\.png$/);
        const chapterImage = new URL(content!);
        expect(chapterImage.pathname).not.toMatch(/story\.png$/);
        seen.add(chapterImage.pathname);
        const png = await page.request.get(siteOrigin + chapterImage.pathname);
        expect(png.status()).toBe(200);
        expect([...(await png.body()).subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
      }
      expect(seen.size).toBe(8);
      await context.close();
    });
  });
});

// The CSV downloads of the English edition hold the data files' own columns; the French edition's
// name its columns in French (and are checked against these, column for column, by their own test).
describe('CSV downloads', () => {
  it('every CSV parses and holds exactly the rows of its data file, with a source and the licence', async () => {
    const { context, page } = await open(`${siteUrl}sources/`);
    for (const spec of downloadCsvFiles()) {
      const res = await page.request.get(`${siteUrl}downloads/${spec.file}.csv`);
      expect(res.status(), spec.file).toBe(200);
      expect(res.headers()['content-type']).toMatch(/^text\/csv/);
      const csv = csvParse(await res.text());
      const file = csvParse(readFileSync(join('data', DATASETS[spec.dataset].file), 'utf8').replace(/^\uFEFF/, ''));
      const rows = spec.ids ? file.filter((r) => spec.ids!.includes(r.id ?? '')) : [...file];
      const added = ['after_article', 'facts_as_of', 'source', 'licence'].filter((c) => !file.columns.includes(c));
      expect(csv.columns, spec.file).toEqual([...file.columns, ...added]);
      expect(csv.map((r) => r.id), spec.file).toEqual(rows.map((r) => r.id));
      expect(new Set(csv.map((r) => r.facts_as_of)).size, `${spec.file} facts_as_of`).toBe(1);
      expect(csv[0]?.facts_as_of ?? '', `${spec.file} facts_as_of`).toMatch(/^\d{4}(-\d{2}){0,2}$/);
      csv.forEach((row, i) => {
        for (const column of file.columns) expect(row[column], `${spec.file} row ${i + 1} ${column}`).toBe(rows[i]![column]);
        expect(row.source?.length ?? 0, `${spec.file} row ${i + 1} source`).toBeGreaterThan(5);
        expect(row.licence).toContain('CC BY 4.0');
      });
    }
    await context.close();
  });
});

describe('French CSV downloads', () => {
  it('every French CSV is served, parses and holds the rows of its data file, with French column names and the licence in French', async () => {
    const { context, page } = await open(pageUrl('fr', 'sources/'));
    for (const spec of downloadCsvFiles()) {
      const res = await page.request.get(pageUrl('fr', `downloads/${spec.file}.csv`));
      expect(res.status(), spec.file).toBe(200);
      expect(res.headers()['content-type']).toMatch(/^text\/csv/);
      const csv = csvParse(await res.text());
      const file = csvParse(readFileSync(join('data', DATASETS[spec.dataset].file), 'utf8').replace(/^\uFEFF/, ''));
      const rows = spec.ids ? file.filter((r) => spec.ids!.includes(r.id ?? '')) : [...file];
      expect(csv.map((r) => r.id), spec.file).toEqual(rows.map((r) => r.id));
      // The French words are the columns' own (no English column beside a "_fr" twin), under French names.
      expect(csv.columns.filter((c) => c.endsWith('_fr')), spec.file).toEqual([]);
      expect(csv.columns, spec.file).toEqual(expect.arrayContaining(['a_jour_au', 'licence']));
      csv.forEach((row, i) => {
        expect(row.sources?.length ?? 0, `${spec.file} row ${i + 1} sources`).toBeGreaterThan(5);
        expect(row.licence, `${spec.file} row ${i + 1}`).toContain('CC BY 4.0');
        expect(row.licence, `${spec.file} row ${i + 1}`).toContain('créditer');
      });
    }
    await context.close();
  });
});

/** What an embed's graphic shows, for comparing a page with the defaults. */
async function snapshot(page: Page) {
  return page.evaluate(() => ({
    state: document.querySelector<HTMLElement>('[data-embed-panel]')?.dataset.state,
    theme: document.documentElement.dataset.theme ?? null,
    classes: [...document.documentElement.classList].filter((c) => c !== 'embed-ready').sort(),
    marks: [...document.querySelectorAll('[data-embed-panel] svg')].map(
      (svg) => `${svg.querySelectorAll('.is-off').length} off, ${svg.querySelectorAll('.is-highlighted').length} highlighted, ${svg.getAttribute('viewBox')}`,
    ),
    text: [...document.querySelectorAll<HTMLElement>('[data-for-state-text]')].filter((el) => !el.hidden).map((el) => el.dataset.forStateText),
  }));
}

/**
 * Compares the embed's graphic with the state it should show, read from the
 * page's own island, with the check the story's tests apply to its panel.
 */
async function mismatches(page: Page, stateName: string): Promise<string[]> {
  const { problems, state, viewBox } = await page.evaluate((name) => {
    const island = JSON.parse(document.getElementById('embed-data')!.textContent!);
    const state = island.states[name];
    const panel = document.querySelector<HTMLElement>('[data-embed-panel]')!;
    const problems: string[] = [];
    if (panel.dataset.state !== name) problems.push(`panel state ${panel.dataset.state}`);
    return { problems, state, viewBox: state.kind === 'map' ? island.mapViewBoxes[state.view] : undefined };
  }, stateName);
  const svg = await page.evaluateHandle(() => [...document.querySelectorAll('[data-embed-panel] svg')].find((s) => s.getBoundingClientRect().width > 0) ?? null);
  const element = svg.asElement();
  if (!element) return [...problems, 'no visible graphic'];
  return [...problems, ...(await element.evaluate(graphicStateMismatches, { state, viewBox }))];
}
