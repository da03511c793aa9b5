/**
 * For teachers and careful readers: citation links, the glossary's terms in
 * the story, the class view, short links, and printing the story and the
 * handout to PDF.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { launchChromium } from './chromium';
import { forEachLocale, openPage, pageUrl, sitePathOf, type Locale } from './locales';
import { t } from '../../src/i18n/strings';
import { textOf } from '../../src/i18n/data-text';
import { sayer } from '../../src/i18n/pages-say';
import { typographer } from '../../src/i18n/typography';
import { lastUpdated } from '../../src/data/changelog';
import { bibtexCitation } from '../../src/lib/citation';
import { loadSiteData } from '../../src/data/load';
import { graphicTitle } from '../../src/story/graphic-titles';
import { GRAPHIC_STATES } from '../../src/story/graphic-states';

const siteUrl = inject('siteUrl');
const siteOrigin = inject('siteOrigin');
const data = loadSiteData();
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface Opened {
  context: BrowserContext;
  page: Page;
  errors: string[];
  requests: string[];
}

async function open(path: string, options: { width?: number; js?: boolean; scheme?: 'light' | 'dark' } = {}): Promise<Opened> {
  const opened = await openPage(browser, undefined, { width: options.width ?? 1280, height: 900, js: options.js ?? true, colorScheme: options.scheme ?? 'light' });
  const { page, errors } = opened;
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  const response = await page.goto(siteUrl + path, { waitUntil: 'networkidle' });
  expect(response?.status(), `/${path} is served`).toBe(200);
  return { context: opened.context, page, errors, requests };
}

async function axeViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(WCAG);
  if (include) builder.include(include);
  const results = await builder.analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const task = getDocument({ data: new Uint8Array(pdf) });
  const doc = await task.promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : ' ');
    text += '\n';
  }
  const pages = doc.numPages;
  await task.destroy();
  return { pages, text };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every run of whitespace, of any kind, as one plain space. */
const spaces = (s: string) => s.replace(/\s+/gu, ' ');

/** PDF text extraction splits ligatures and wrapped lines; compare without any whitespace. */
const squash = (s: string) => s.replace(/\s+/g, '').replace(/ﬁ/g, 'fi').replace(/ﬂ/g, 'fl');

forEachLocale((locale) => {
  const say = sayer(locale);
  const sourcesPath = new URL(pageUrl(locale, 'sources/')).pathname;

  describe('citation links', () => {
    it('every citation link in the story resolves to an entry on the sources page, and every source is listed there', async () => {
      const story = await open(sitePathOf(locale, ''), { js: false });
      const links = await story.page.$$eval('a[href*="sources/#"]', (as) => [...new Set(as.map((a) => (a as HTMLAnchorElement).href))]);
      await story.context.close();
      const fragments = [...new Set(links.map((href) => new URL(href).hash.slice(1)))];
      expect(fragments.length).toBeGreaterThan(40);
      // Each links the sources page of the story's own language.
      for (const href of links) expect(new URL(href).pathname, href).toBe(sourcesPath);

      const sources = await open(sitePathOf(locale, 'sources/'), { js: false });
      const ids = new Set(await sources.page.$$eval('[id]', (els) => els.map((e) => e.id)));
      for (const fragment of fragments) expect(ids.has(fragment), `#${fragment}`).toBe(true);
      for (const s of data.sources) expect(ids.has(`src-${s.id}`), s.id).toBe(true);
      // The notes on the article: each correction has its entry.
      for (const c of data.articleCorrections) expect(ids.has(`correction-${c.id}`), c.id).toBe(true);
      const text = await sources.page.locator('main').innerText();
      expect(text).toContain(say('pages.sources.mapTitle'));
      // The BibTeX entry, keyed by the year of the last update (the page's own key, from its citation builder).
      expect(text).toMatch(/@misc\{lifelines-mali-\d{4}\b/);
      const updated = lastUpdated(data);
      expect(text).toContain(bibtexCitation({ title: '', publisher: '', url: '', lastUpdated: updated }, locale).split('\n')[0]);
      // "Last updated 4 December 2026": the page's words, then the date of the newest change written out,
      // its month named as the language names it (Intl, not the site's own date code).
      const [year, month, day] = updated.split('-').map(Number) as [number, number, number];
      const monthName = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day));
      expect(text).toMatch(new RegExp(`${escapeRegExp(say('pages.sources.lastUpdated'))} ${day === 1 ? '1(?:er)?' : day} ${monthName} ${year}\\b`, 'u'));
      expect(text).toMatch(/GeoNames/);
      expect(text).toMatch(/Natural Earth/);
      await sources.context.close();
    });
  });
});

forEachLocale((locale) => {
  describe('glossary terms in the story', () => {
    const byId = new Map(data.glossary.map((t) => [t.id, t]));
    /** A term's definition as the page shows it: the page's language, with its typography. */
    const definition = (id: string) => typographer(locale)(textOf(byId.get(id)!, 'definition', locale));
    const glossaryPath = new URL(pageUrl(locale, 'glossary/')).pathname;

    it('each term opens and closes by keyboard, and its definition is exposed in a live region', { timeout: 120_000 }, async () => {
      const { context, page, errors } = await open(sitePathOf(locale, ''), { width: 1280 });
      const wrappers = page.locator('[data-term]');
      const count = await wrappers.count();
      expect(count).toBe(data.glossary.filter((t) => t.chapter !== 'background').length);
      for (let i = 0; i < count; i++) {
        const wrapper = wrappers.nth(i);
        const id = (await wrapper.getAttribute('data-term'))!;
        const shownDefinition = definition(id);
        const button = wrapper.locator('button.term__trigger');
        expect(await button.count(), id).toBe(1);
        expect(await button.getAttribute('aria-expanded'), id).toBe('false');
        const region = page.locator(`#${await button.getAttribute('aria-controls')}`);
        expect(await region.getAttribute('role'), id).toBe('status');

        // Hovering never opens it.
        await button.hover();
        expect(await button.getAttribute('aria-expanded'), id).toBe('false');

        // Enter opens; the definition is in the live region and in the accessibility tree.
        await button.focus();
        await page.keyboard.press('Enter');
        expect(await button.getAttribute('aria-expanded'), id).toBe('true');
        expect(await region.isVisible(), id).toBe(true);
        const shown = await region.innerText();
        expect(squash(shown), id).toContain(squash(shownDefinition));
        // The accessibility snapshot writes every space as a plain one (French narrow no-break spaces included).
        expect(spaces(await region.ariaSnapshot()), id).toContain(spaces(shownDefinition.slice(0, 40)));
        // One link to the term's entry, on the glossary of the page's own language.
        const more = region.locator(`a[href$="#term-${id}"]`);
        expect(await more.count(), id).toBe(1);
        expect(new URL((await more.evaluate((a) => (a as HTMLAnchorElement).href))).pathname, id).toBe(glossaryPath);

        // Tab reaches the links in the definition; Escape closes it and returns focus to the term.
        await page.keyboard.press('Tab');
        expect(await page.evaluate((el) => el!.contains(document.activeElement), await region.elementHandle()), id).toBe(true);
        await page.keyboard.press('Escape');
        expect(await button.getAttribute('aria-expanded'), id).toBe('false');
        expect((await region.innerText()).trim(), id).toBe('');
        expect(await button.evaluate((el) => el === document.activeElement), id).toBe(true);

        // Space toggles it too.
        await page.keyboard.press('Space');
        expect(await button.getAttribute('aria-expanded'), id).toBe('true');
        await page.keyboard.press('Space');
        expect(await button.getAttribute('aria-expanded'), id).toBe('false');
      }
      expect(errors).toEqual([]);
      await context.close();
    });

    it('a click or tap opens a term, a click elsewhere closes it, and only one is open at a time', async () => {
      const { context, page } = await open(sitePathOf(locale, ''), { width: 360 });
      const first = page.locator('[data-term] button.term__trigger').nth(0);
      const second = page.locator('[data-term] button.term__trigger').nth(1);
      await first.click();
      expect(await first.getAttribute('aria-expanded')).toBe('true');
      await second.click();
      expect(await first.getAttribute('aria-expanded')).toBe('false');
      expect(await second.getAttribute('aria-expanded')).toBe('true');
      await page.locator('h1').click();
      expect(await second.getAttribute('aria-expanded')).toBe('false');
      await context.close();
    });

    it('an open definition meets WCAG A/AA in light and dark', async () => {
      for (const scheme of ['light', 'dark'] as const) {
        const { context, page } = await open(sitePathOf(locale, ''), { width: 768, scheme });
        const wrapper = page.locator('[data-term="katiba-macina"]');
        await wrapper.locator('button').click();
        expect(await axeViolations(page, '[data-term="katiba-macina"]'), scheme).toEqual([]);
        await context.close();
      }
    });

    it('without JavaScript each term links to its entry on the glossary page', async () => {
      const story = await open(sitePathOf(locale, ''), { js: false });
      const hrefs = await story.page.$$eval('[data-term] a[data-term-link]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      await story.context.close();
      expect(hrefs.length).toBeGreaterThan(10);
      // Each links the glossary of the story's own language.
      for (const href of hrefs) expect(new URL(href).pathname, href).toBe(glossaryPath);
      const links = hrefs.map((href) => new URL(href).hash.slice(1));
      const glossary = await open(sitePathOf(locale, 'glossary/'), { js: false });
      for (const fragment of links) expect(await glossary.page.locator(`#${fragment}`).count(), fragment).toBe(1);
      // The glossary lists every term, each with its sources.
      expect(await glossary.page.locator('.glossary__entry').count()).toBe(data.glossary.length);
      for (const t of data.glossary) {
        const entry = glossary.page.locator(`#term-${t.id}`);
        expect(squash(await entry.innerText()), t.id).toContain(squash(definition(t.id)));
        expect(await entry.locator('a[href*="sources/#src-"]').count(), t.id).toBe(new Set(t.source_ids).size);
      }
      await glossary.context.close();
    });
  });
});

forEachLocale((locale) => {
  describe('the class view', () => {
    const say = sayer(locale);
    const classView = sitePathOf(locale, 'classroom/class-view/');
    const ignoredLine = (line: number, reason: 'notALink' | 'notTheExplorer' | 'noEstimate' | 'tooLong') =>
      say('pages.classView.ignoredLine', { line, reason: say(`pages.classView.reason.${reason}`) });
    it('reads valid links, ignores broken and hostile ones, and charts the spread without storing or sending anything', async () => {
      const { context, page, errors, requests } = await open(classView, { width: 1280 });
      const explorer = pageUrl(locale, 'scenarios/');
      const lines = [
        `${explorer}?v=1&e=40,20,10,30`,
        `${explorer}?v=1&c=i,iv&reforms=yes&e=50,10,10,30`,
        `  ${explorer}?e=25,25,25,25  `,
        'v=1&e=10,40,30,20',
        '',
        `${explorer}?v=1&reforms=yes`, // no estimate
        `${explorer}?v=1&e=50,50,50,50`, // does not add up to 100
        'javascript:alert(1)//scenarios/?e=25,25,25,25',
        '<img src=x onerror=alert(1)>',
        `${pageUrl(locale, 'sources/')}?e=25,25,25,25`, // not the explorer
        '%E0%A4%A',
        `${explorer}?e=${'9'.repeat(5000)}`,
        `${explorer}?__proto__=1&constructor=2&e=70,10,10,10`,
      ];
      await page.fill('[data-class-links]', lines.join('\n'));
      const before = requests.length;
      await page.click('[data-class-show]');

      await expect.poll(() => page.locator('[data-class-status]').innerText()).toBe(say('pages.classView.readMany', { n: 5 }) + say('pages.classView.ignoredMany', { n: 7 }));
      const chart = page.locator('[data-class-chart] svg.class-chart');
      expect(await chart.count()).toBe(1);
      expect(await chart.isVisible()).toBe(true);
      expect(await chart.locator('.class-chart__row').count()).toBe(4);
      expect(await chart.locator('circle.class-chart__dot').count()).toBe(20);
      const firstRow = await chart.locator('[data-scenario="i"] circle').evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('data-points'))));
      expect(firstRow).toEqual([40, 50, 25, 10, 70]);
      expect(await page.locator('[data-class-table] tbody tr').count()).toBe(4);
      expect(await page.locator('[data-class-table] tbody tr').first().innerText()).toMatch(/10\s+40\s+70/);
      expect(await page.locator('[data-class-ignored] li').allInnerTexts()).toEqual([
        ignoredLine(6, 'noEstimate'),
        ignoredLine(7, 'noEstimate'),
        ignoredLine(8, 'notALink'),
        ignoredLine(9, 'notALink'),
        ignoredLine(10, 'notTheExplorer'),
        ignoredLine(11, 'notALink'),
        ignoredLine(12, 'tooLong'),
      ]);
      // Nothing pasted is echoed into the page, nothing ran, nothing was stored or sent.
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(await page.evaluate(() => document.body.innerHTML.includes('onerror'))).toBe(false);
      expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
      expect(await context.cookies()).toEqual([]);
      expect(requests.slice(before)).toEqual([]);
      expect(errors).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);

      // Clearing empties the chart.
      await page.click('[data-class-clear]');
      expect(await page.locator('[data-class-results]').isHidden()).toBe(true);
      expect(await page.locator('[data-class-links]').inputValue()).toBe('');
      await context.close();
    });

    it('a dark page charts a single link readably (WCAG A/AA)', async () => {
      const { context, page } = await open(classView, { width: 360, scheme: 'dark' });
      await page.fill('[data-class-links]', pageUrl(locale, 'scenarios/?v=1&e=40,20,10,30'));
      await page.click('[data-class-show]');
      await expect.poll(() => page.locator('[data-class-status]').innerText()).toBe(say('pages.classView.readOne', { n: 1 }) + say('pages.classView.ignoredNone'));
      expect(await page.locator('circle.class-chart__dot').count()).toBe(4);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  });
});

forEachLocale((locale) => {
  describe('short links', () => {
    it('each short link is a valid, accessible page that points to its chapter', { timeout: 180_000 }, async () => {
      const story = await open('', { js: false });
      const toc = await story.page.$$eval('[data-toc-chapter]', (as) => as.map((a) => (a as HTMLElement).dataset.tocChapter!));
      await story.context.close();
      expect(toc.length).toBe(8);
      for (const [i, chapter] of toc.entries()) {
        const context = await browser.newContext({ viewport: { width: 768, height: 900 } });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        // Answer the redirect with "204 No Content", so the browser stays on the short-link page to be checked.
        const storyPath = new URL(pageUrl(locale)).pathname;
        await page.route((url) => url.href.startsWith(siteOrigin) && url.pathname === storyPath, (route) =>
          route.request().isNavigationRequest() ? route.fulfill({ status: 204 }) : route.continue(),
        );
        const path = sitePathOf(locale, `c/${i + 1}/`);
        await page.goto(siteUrl + path, { waitUntil: 'load' });
        await page.waitForTimeout(200);
        expect(new URL(page.url()).pathname, path).toMatch(new RegExp(`/c/${i + 1}/$`));
        const refresh = await page.locator('meta[http-equiv="refresh"]').getAttribute('content');
        expect(refresh, path).toBe(`0; url=${storyPath.replace(/\/$/, '')}/#${chapter}`);
        expect(await page.locator(`main a[href$="/#${chapter}"]`).count(), path).toBe(1);
        expect(await page.locator('meta[http-equiv="content-security-policy"]').count(), path).toBe(1);
        expect(await page.locator('meta[name="robots"]').getAttribute('content'), path).toBe('noindex');
        expect(await (await page.request.get(siteUrl + path)).text(), path).not.toMatch(/\sstyle\s*=/i);
        expect(await axeViolations(page), path).toEqual([]);
        expect(errors, path).toEqual([]);
        await context.close();
      }
    });

    it('a short link opens the story at its chapter', async () => {
      const { context, page, errors } = await open(sitePathOf(locale, 'c/3/'), { width: 1280 });
      await page.waitForURL((url) => url.pathname === new URL(pageUrl(locale)).pathname);
      await page.waitForFunction(() => document.documentElement.classList.contains('story-ready'));
      // The chapter's heading is at the top of the window, and the panel shows the chapter's first step
      // (the story then keeps that step's id in the address).
      const top = await page.locator('#actors').evaluate((el) => el.getBoundingClientRect().top);
      expect(Math.abs(top)).toBeLessThan(120);
      const firstStep = await page.locator('#actors [data-step]').first().getAttribute('id');
      await expect.poll(() => page.evaluate(() => document.querySelector<HTMLElement>('[data-story-panel]')?.dataset.activeStep)).toBe(firstStep);
      expect(errors).toEqual([]);
      await context.close();
    });
  });
});

/**
 * Words of the printed pages that no string table holds: the school-calendar chart's legend (drawn
 * only in its figure, far down the story) and the handout's estimate heading.
 */
const PRINT_WORDS: Record<Locale, { announced: string; estimate: string }> = {
  en: { announced: 'closure announced', estimate: 'Your estimate' },
  fr: { announced: 'fermeture annoncée', estimate: 'Votre estimation' },
};

forEachLocale((locale) => {
  describe('printing', () => {
    it('the story prints as text with a figure after each step and its sources as endnotes, without controls', { timeout: 120_000 }, async () => {
      const { context, page, requests } = await open(sitePathOf(locale, ''), { width: 1280 });
      const chapterTitles = await page.$$eval('.chapter__title', (hs) => hs.map((h) => h.textContent!.trim()));
      const figureFiles = await page.$$eval('.step__figure img', (imgs) => [...new Set(imgs.map((i) => new URL((i as HTMLImageElement).src).pathname))]);
      expect(chapterTitles.length).toBe(8);
      // As a print dialog does: the page hears "beforeprint", and the preview is drawn once the figures it
      // asked for have arrived. (page.pdf alone fires the event but does not wait for what it starts.)
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
      await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.step__figure img')].every((i) => i.complete && i.naturalWidth > 0), undefined, { timeout: 30_000 });
      const pdf = await page.pdf({ format: 'A4' });
      const { pages, text } = await pdfText(pdf);
      const flat = squash(text);
      expect(pages).toBeGreaterThan(8);
      for (const title of chapterTitles) expect(flat, title).toContain(squash(title));
      const kinds = new Set(Object.values(GRAPHIC_STATES).map((s) => s.kind));
      for (const kind of kinds) expect(flat, kind).toContain(squash(graphicTitle(kind, locale)));
      // Every step's figure was fetched for print (they are lazy on screen, where the sticky panel shows them).
      const fetched = new Set(requests.map((r) => new URL(r).pathname));
      for (const file of figureFiles) expect(fetched.has(file), file).toBe(true);
      // …and drawn: a label found only inside the school-calendar figure, far down the page, is in the PDF's text.
      expect(flat).toContain(squash(PRINT_WORDS[locale].announced));
      // Endnotes: every cited source's address, and no screen-only controls.
      expect(flat).toContain(squash((await page.locator('#story-endnotes-title').textContent()) ?? '(no endnotes heading)'));
      expect(flat).toContain(squash('https://blog.prif.org/en/?p=14636'));
      const cited = await page.$$eval('.story-endnotes li', (lis) => lis.length);
      expect(cited).toBeGreaterThan(50);
      for (const control of [t(locale, 'story.previousStep'), t(locale, 'story.nextStep'), t(locale, 'site.skip')]) expect(flat, control).not.toContain(squash(control));
      await context.close();
    });

    it('the classroom handout prints on a single page of A4 and of Letter', async () => {
      const { context, page } = await open(sitePathOf(locale, 'classroom/handout/'), { width: 1280 });
      for (const format of ['A4', 'Letter'] as const) {
        const { pages, text } = await pdfText(await page.pdf({ format }));
        expect(pages, format).toBe(1);
        const flat = squash(text);
        for (const s of data.scenarios) expect(flat, `${format} ${s.id}`).toContain(squash(textOf(s, 'title', locale)));
        expect(flat, format).toContain(squash(PRINT_WORDS[locale].estimate));
      }
      await context.close();
    });
  });
});
