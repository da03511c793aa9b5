import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { forEachLocale, openPage, pageUrl, type Locale } from './locales';
import { scenarioWords } from '../../src/scenarios/words';

// Every test runs on both editions. The words the page shows (messages, buttons, row names) are
// taken from the site's own sources: the explorer's words (src/scenarios/words.ts) and its labels
// (content/pages/scenarios.mdx, content/fr/pages/scenarios.mdx), never typed here.
let browser: Browser;

/**
 * One of the explorer's labels ("fuel": "Fuel supply"), as the page shows it: read from the
 * labels of its content page's frontmatter, with the page's typography (words.dataText).
 */
function explorerLabel(locale: Locale, key: string): string {
  const file = locale === 'fr' ? 'content/fr/pages/scenarios.mdx' : 'content/pages/scenarios.mdx';
  const frontmatter = readFileSync(file, 'utf8').split(/^---$/m)[1] ?? '';
  const labels = frontmatter.split(/^labels:$/m)[1] ?? '';
  const line = labels.split('\n').find((l) => l.startsWith(`  ${key}: `));
  if (!line) throw new Error(`${file}: no label "${key}"`);
  const value = line.slice(`  ${key}: `.length).trim();
  return scenarioWords(locale).dataText(/^".*"$/.test(value) ? (JSON.parse(value) as string) : value);
}

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(url: string, options: { width?: number; height?: number; js?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const js = options.js ?? true;
  const { context, page, errors, status } = await openPage(browser, url, { width: options.width ?? 1280, height: options.height ?? 900, js, clipboard: true });
  expect(status, `${url} is served`).toBe(200);
  if (js) await page.waitForFunction(() => document.documentElement.classList.contains('explorer-ready'));
  return { context, page, errors };
}

/** The code of the page's inline scripts (not its JSON data islands). */
const inlineScripts = (page: Page) => page.$$eval('script:not([src]):not([type="application/json"])', (scripts) => scripts.map((s) => s.textContent ?? ''));

/** Everything a reader can see of the explorer's state, read from the page. */
async function visibleState(page: Page) {
  return page.evaluate(() => ({
    compare: [...document.querySelectorAll<HTMLInputElement>('[data-compare-input]')].filter((i) => i.checked).map((i) => i.value),
    assumptions: Object.fromEntries([...document.querySelectorAll<HTMLInputElement>('[data-assumption-input]')].map((i) => [i.dataset.assumptionInput, i.checked])),
    columns: [...document.querySelectorAll<HTMLElement>('.compare__table thead [data-scenario]')].filter((th) => th.offsetParent !== null).map((th) => th.dataset.scenario),
    verdicts: Object.fromEntries([...document.querySelectorAll<HTMLElement>('[data-outcome]')].map((li) => [li.dataset.outcome, [...li.querySelectorAll<HTMLElement>('[data-verdict]')].filter((s) => !s.hidden).map((s) => s.dataset.verdict)])),
    reasons: [...document.querySelectorAll<HTMLElement>('[data-rule]')].filter((li) => !li.hidden).map((li) => li.dataset.rule),
    summary: document.querySelector('[data-reasoning-summary]')?.textContent?.trim(),
    estimate: [...document.querySelectorAll<HTMLOutputElement>('[data-estimate-output]')].map((o) => o.value),
    comparison: document.querySelector('[data-estimate-comparison]')?.textContent?.trim(),
  }));
}

async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 200; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} is not reachable with Tab`);
}

forEachLocale((locale) => {
  const explorerUrl = pageUrl(locale, 'scenarios/');
  const words = scenarioWords(locale);

  describe('the scenario explorer, by keyboard only', () => {
    it('every control works from the keyboard and the address follows', { timeout: 120_000 }, async () => {
      const { context, page, errors } = await open(explorerUrl);
      const before = await visibleState(page);
      expect(before.compare).toEqual(['i', 'ii', 'iii', 'iv']);
      expect(new URL(page.url()).search).toBe('');

      // Drop Scenario II from the comparison.
      await tabTo(page, '[data-compare-input][value="ii"]');
      await page.keyboard.press('Space');
      await expect.poll(() => new URL(page.url()).searchParams.get('c')).toBe('i,iii,iv');
      expect((await visibleState(page)).columns).toEqual(['i', 'iii', 'iv']);

      // Turn on "reforms": the article's reasoning then no longer points to IV.
      await tabTo(page, '[data-assumption-input="reforms"]');
      await page.keyboard.press('Space');
      await expect.poll(() => new URL(page.url()).searchParams.get('reforms')).toBe('yes');
      const afterReforms = await visibleState(page);
      expect(afterReforms.verdicts.iv).toEqual(['conditions-not-met']);
      // The summary names Scenario I and not IV, in the page's words.
      expect(afterReforms.summary).toMatch(/\bI\b/u);
      expect(afterReforms.summary).not.toMatch(/\bIV\b/u);
      expect(afterReforms.summary).toBe(words.reasoningUnder(['i']));
      expect(afterReforms.reasons).toContain('reforms-follow-gains');

      // Move a slider with the arrow keys: the split stays at 100.
      await tabTo(page, '#estimate-i');
      for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
      await expect.poll(() => new URL(page.url()).searchParams.get('e')).not.toBeNull();
      const split = new URL(page.url()).searchParams.get('e')!.split(',').map(Number);
      expect(split[0]).toBe(35);
      expect(split.reduce((a, b) => a + b, 0)).toBe(100);
      // "35 points" in both languages (words.sliderValue writes the same number of points).
      expect((await visibleState(page)).comparison).toContain(words.sliderValue(35));

      // Copy the link.
      await tabTo(page, '[data-copy-link]');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('[data-copy-status]').textContent()).toBe(words.linkCopied);
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(page.url());

      // Clear the estimate.
      await tabTo(page, '[data-estimate-reset]');
      await page.keyboard.press('Enter');
      await expect.poll(() => new URL(page.url()).searchParams.get('e')).toBeNull();

      // At least two scenarios stay selected.
      for (const id of ['iii', 'iv']) {
        await tabTo(page, `[data-compare-input][value="${id}"]`);
        await page.keyboard.press('Space');
      }
      expect((await visibleState(page)).compare.length).toBe(2);
      expect(await page.locator('[data-compare-status]').textContent()).toBe(words.keepTwo);

      expect(errors).toEqual([]);
      await context.close();
    });
  });
});

forEachLocale((locale) => {
  const explorerUrl = pageUrl(locale, 'scenarios/');

  describe('a shared link', () => {
    it('opens in a fresh page with exactly the same state', async () => {
      const first = await open(explorerUrl);
      await first.page.locator('[data-compare-input][value="iii"]').uncheck();
      await first.page.locator('[data-assumption-input="dialogue"]').check();
      await first.page.locator('[data-assumption-input="uncoordinated"]').check();
      await first.page.locator('#estimate-iv').fill('55');
      await first.page.locator('[data-copy-link]').click();
      const link = await first.page.evaluate(() => navigator.clipboard.readText());
      const expected = await visibleState(first.page);
      await first.context.close();

      expect(link).toContain('v=1');
      const second = await open(link);
      expect(await visibleState(second.page)).toEqual(expected);
      expect(second.page.url()).toBe(link);
      expect(second.errors).toEqual([]);
      await second.context.close();
    });

    it('ignores hostile or garbled parameters: nothing thrown, nothing echoed', async () => {
      const hostile = [
        '?c=<script>alert(1)</script>&e=999,-5,x&reforms=%E0%A4%A&__proto__=1&constructor=x',
        '?v=99&c=i,i,i&escorts=maybe&e=25,25,25',
        '?' + 'c=i,ii&'.repeat(500),
        '?e=100,0,0,0&e=0,0,0,100&c=iv,i',
        '?%00=%00&&&=&c=%3Cimg%20src=x%20onerror=alert(1)%3E',
      ];
      const { context, page, errors } = await open(explorerUrl);
      const defaults = await visibleState(page);
      // The page's own inline scripts (hashed in its CSP): a parameter must add none.
      const ownScripts = await inlineScripts(page);
      for (const query of hostile) {
        await page.goto(explorerUrl + query, { waitUntil: 'networkidle' });
        await page.waitForFunction(() => document.documentElement.classList.contains('explorer-ready'));
        const state = await visibleState(page);
        expect(state.compare.length).toBeGreaterThanOrEqual(2);
        expect(await page.locator('img[src="x"]').count()).toBe(0);
        expect(await inlineScripts(page)).toEqual(ownScripts);
        const html = await page.content();
        expect(html).not.toContain('alert(1)');
        expect(html).not.toContain('onerror');
        if (query.startsWith('?c=<script>')) expect(state).toEqual(defaults);
      }
      // Duplicate parameters: the first one wins, so the estimate is the first split and IV,I sorts to I,IV.
      await page.goto(`${explorerUrl}?e=100,0,0,0&e=0,0,0,100&c=iv,i`, { waitUntil: 'networkidle' });
      await page.waitForFunction(() => document.documentElement.classList.contains('explorer-ready'));
      expect((await visibleState(page)).estimate).toEqual(['100', '0', '0', '0']);
      expect((await visibleState(page)).compare).toEqual(['i', 'iv']);
      expect(errors).toEqual([]);
      await context.close();
    });
  });

  describe('the explorer without JavaScript', () => {
    it('shows the complete comparison of all four scenarios and their signposts', async () => {
      const { context, page } = await open(explorerUrl, { js: false, width: 360 });
      const columns = await page.locator('.compare__table tbody tr:first-child td[data-scenario]').count();
      expect(columns).toBe(4);
      for (const td of await page.locator('.compare__table td[data-scenario]').all()) expect(await td.isVisible()).toBe(true);
      // The phone chooser and its per-row buttons need the script: without it, none of them shows.
      expect(await page.locator('.pair, .pair__all').first().isVisible()).toBe(false);
      for (const td of await page.locator('.compare__table td.compare__more').all()) expect(await td.isVisible()).toBe(false);
      expect(await page.locator('.signpost').count()).toBeGreaterThan(5);
      expect(await page.locator('.observations .is-after').count()).toBeGreaterThan(0);
      expect(await page.locator('.explorer__estimate').isVisible()).toBe(false);
      const text = await page.locator('main').innerText();
      expect(text).toMatch(NOT_A_FORECAST[locale]);
      await context.close();
    });
  });
});

/** The explorer says its estimates are not a forecast. */
const NOT_A_FORECAST: Record<Locale, RegExp> = { en: /not a forecast/i, fr: /non une prévision/i };

/** Per comparison row: its dimension and the scenarios whose cells a reader can see in it. */
async function visibleCells(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLTableRowElement>('.compare__table tbody tr')].map((tr) => ({
      row: tr.querySelector('th')?.textContent?.trim() ?? '',
      shown: [...tr.querySelectorAll<HTMLElement>('td[data-scenario]')]
        .filter((td) => td.getBoundingClientRect().height > 0 && getComputedStyle(td).visibility !== 'hidden')
        .map((td) => td.dataset.scenario),
    })),
  );
}

const PHONE = { width: 360, height: 740 };

forEachLocale((locale) => {
  const explorerUrl = pageUrl(locale, 'scenarios/');
  const words = scenarioWords(locale);
  const fuelSupply = explorerLabel(locale, 'fuel');

  describe('the comparison on a phone', () => {
    it('shows the two chosen scenarios in every dimension; choosing changes them and the address', { timeout: 120_000 }, async () => {
      const { context, page, errors } = await open(explorerUrl, PHONE);
      const rows = await visibleCells(page);
      expect(rows.length).toBeGreaterThan(10);
      for (const r of rows) expect(r.shown, r.row).toEqual(['i', 'ii']);
      expect(await page.locator('[data-pair-select="a"]').inputValue()).toBe('i');
      expect(await page.locator('[data-pair-select="b"]').inputValue()).toBe('ii');
      // The wide-screen column checkboxes give way to the two selects.
      expect(await page.locator('[data-compare-input]').first().isVisible()).toBe(false);

      // Scenario A becomes IV.
      await page.locator('[data-pair-select="a"]').selectOption('iv');
      await expect.poll(() => new URL(page.url()).searchParams.get('p')).toBe('iv,ii');
      for (const r of await visibleCells(page)) expect(r.shown, r.row).toEqual(['ii', 'iv']);
      expect(await page.locator('[data-pair-status]').textContent()).toBe(words.comparing(['ii', 'iv']));

      // Choosing in B the scenario A shows swaps the two.
      await page.locator('[data-pair-select="b"]').selectOption('iv');
      await expect.poll(() => new URL(page.url()).searchParams.get('p')).toBe('ii,iv');
      expect(await page.locator('[data-pair-select="a"]').inputValue()).toBe('ii');

      // By keyboard: the first select, one step down (III).
      await tabTo(page, '[data-pair-select="a"]');
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => new URL(page.url()).searchParams.get('p')).toBe('iii,iv');
      for (const r of await visibleCells(page)) expect(r.shown, r.row).toEqual(['iii', 'iv']);

      // The other two are one tap away in a row, and only in that row.
      const fuel = page.locator('.compare__table tbody tr', { has: page.locator('th', { hasText: fuelSupply }) });
      const more = fuel.locator('[data-more]');
      expect(await more.getAttribute('aria-expanded')).toBe('false');
      expect(await more.locator('[data-more-text]').textContent()).toBe(words.showOthers(['i', 'ii']));
      // Its name: "Show I and II: Fuel supply", the colon spaced as the page's language spaces it.
      expect(await more.evaluate((b) => b.textContent)).toBe(words.dataText(`${words.showOthers(['i', 'ii'])}: ${fuelSupply}`));
      await tabTo(page, '.compare__table tbody tr:nth-child(4) [data-more]');
      expect(await page.evaluate(() => document.activeElement?.closest('tr')?.querySelector('th')?.textContent)).toBe(fuelSupply);
      await page.keyboard.press('Enter');
      expect(await more.getAttribute('aria-expanded')).toBe('true');
      expect(await more.locator('[data-more-text]').textContent()).toBe(words.hideOthers(['i', 'ii']));
      const opened = await visibleCells(page);
      for (const r of opened) expect(r.shown, r.row).toEqual(r.row === fuelSupply ? ['i', 'ii', 'iii', 'iv'] : ['iii', 'iv']);
      await more.click();
      for (const r of await visibleCells(page)) expect(r.shown, r.row).toEqual(['iii', 'iv']);

      // The full comparison stays available, whatever the wide-screen columns are.
      await page.locator('[data-pair-all]').click();
      expect(await page.locator('[data-pair-all]').getAttribute('aria-pressed')).toBe('true');
      for (const r of await visibleCells(page)) expect(r.shown, r.row).toEqual(['i', 'ii', 'iii', 'iv']);
      await page.locator('[data-pair-all]').click();
      for (const r of await visibleCells(page)) expect(r.shown, r.row).toEqual(['iii', 'iv']);

      expect(errors).toEqual([]);
      await context.close();
    });

    it('is much shorter than the comparison of all four', async () => {
      const { context, page } = await open(explorerUrl, PHONE);
      const section = page.locator('section[aria-labelledby="compare-title"]');
      const two = (await section.boundingBox())!.height;
      await page.locator('[data-pair-all]').click();
      const four = (await section.boundingBox())!.height;
      expect(two).toBeLessThan(four * 0.7);
      await context.close();
    });

    it('a shared link restores the choice; a garbled one falls back to I and II and is cleaned', async () => {
      const { context, page, errors } = await open(`${explorerUrl}?v=1&p=iv,i`, PHONE);
      expect(await page.locator('[data-pair-select="a"]').inputValue()).toBe('iv');
      expect(await page.locator('[data-pair-select="b"]').inputValue()).toBe('i');
      for (const r of await visibleCells(page)) expect(r.shown, r.row).toEqual(['i', 'iv']);
      expect(new URL(page.url()).search).toBe('?v=1&p=iv,i');

      // Two columns set on a wide screen: the phone compares those two.
      await page.goto(`${explorerUrl}?v=1&c=ii,iii`, { waitUntil: 'networkidle' });
      await page.waitForFunction(() => document.documentElement.classList.contains('explorer-ready'));
      for (const r of await visibleCells(page)) expect(r.shown, r.row).toEqual(['ii', 'iii']);

      for (const query of ['?p=iv,iv', '?p=<script>alert(1)</script>', '?p=i,ii,iii&p=iii,iv', '?p=%E0%A4%A', '?p=v,vi']) {
        await page.goto(explorerUrl + query, { waitUntil: 'networkidle' });
        await page.waitForFunction(() => document.documentElement.classList.contains('explorer-ready'));
        for (const r of await visibleCells(page)) expect(r.shown, `${query} ${r.row}`).toEqual(['i', 'ii']);
        expect(new URL(page.url()).search, query).toBe('');
        expect(await page.content()).not.toContain('alert(1)');
      }
      expect(errors).toEqual([]);
      await context.close();
    });

    it('on a wide screen the phone controls stay out of the way', async () => {
      const { context, page } = await open(`${explorerUrl}?v=1&p=iii,iv`);
      expect(await page.locator('[data-pair-select="a"]').isVisible()).toBe(false);
      expect(await page.locator('[data-more]').first().isVisible()).toBe(false);
      for (const r of await visibleCells(page)) expect(r.shown, r.row).toEqual(['i', 'ii', 'iii', 'iv']);
      // Set two columns on the wide screen: a pair nobody chose follows them, so the link needs no p=.
      await page.goto(explorerUrl, { waitUntil: 'networkidle' });
      await page.waitForFunction(() => document.documentElement.classList.contains('explorer-ready'));
      await page.locator('[data-compare-input][value="ii"]').uncheck();
      await page.locator('[data-compare-input][value="iii"]').uncheck();
      await expect.poll(() => new URL(page.url()).search).toBe('?v=1&c=i,iv');
      expect(await page.locator('[data-pair-select="b"]').inputValue()).toBe('iv');
      await context.close();
    });
  });
});

/** Every visible sketch text: its rendered size, its box, and what it covers in the sketch's own units. */
async function sketchText(page: Page) {
  return page.evaluate(() => {
    const svgs = [...document.querySelectorAll<SVGSVGElement>('.compare svg.corridor-sketch')].filter((s) => s.getBoundingClientRect().width > 0);
    const texts: { svg: number; text: string; px: number; rect: DOMRect }[] = [];
    const problems: string[] = [];
    svgs.forEach((svg, n) => {
      const scale = svg.getScreenCTM()!.a;
      const view = svg.viewBox.baseVal;
      const segments = [...svg.querySelectorAll<SVGPathElement>('.sketch-corridor')].flatMap((path) => {
        const half = parseFloat(getComputedStyle(path).strokeWidth) / 2;
        const points = (path.getAttribute('d') ?? '').slice(1).split('L').map((p) => p.split(',').map(Number) as [number, number]);
        return points.slice(1).map((q, i) => ({ p: points[i]!, q, half }));
      });
      const dots = [...svg.querySelectorAll<SVGCircleElement>('.sketch-town')].map((c) => ({ x: c.cx.baseVal.value, y: c.cy.baseVal.value, r: c.r.baseVal.value }));
      for (const t of svg.querySelectorAll<SVGTextElement>('text')) {
        const name = t.textContent ?? '';
        texts.push({ svg: n, text: name, px: parseFloat(getComputedStyle(t).fontSize) * scale, rect: t.getBoundingClientRect().toJSON() as DOMRect });
        const b = t.getBBox();
        if (b.x < view.x || b.y < view.y || b.x + b.width > view.x + view.width || b.y + b.height > view.y + view.height) problems.push(`${name} is cut off`);
        // Distance from a segment to the box, sampled finely enough for a 5-unit line.
        for (const { p, q, half } of segments) {
          const steps = Math.ceil(Math.hypot(q[0] - p[0], q[1] - p[1]));
          for (let k = 0; k <= steps; k++) {
            const x = p[0] + ((q[0] - p[0]) * k) / steps;
            const y = p[1] + ((q[1] - p[1]) * k) / steps;
            const dx = Math.max(b.x - x, 0, x - b.x - b.width);
            const dy = Math.max(b.y - y, 0, y - b.y - b.height);
            if (Math.hypot(dx, dy) < half) {
              problems.push(`${name} is on a corridor at ${x.toFixed(0)},${y.toFixed(0)}`);
              break;
            }
          }
        }
        for (const d of dots) {
          const dx = Math.max(b.x - d.x, 0, d.x - b.x - b.width);
          const dy = Math.max(b.y - d.y, 0, d.y - b.y - b.height);
          if (Math.hypot(dx, dy) < d.r) problems.push(`${name} is on the dot at ${d.x},${d.y}`);
        }
      }
    });
    return { count: svgs.length, texts, problems: [...new Set(problems)] };
  });
}

function overlappingPairs(texts: { svg: number; text: string; rect: DOMRect }[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i]!.rect;
      const b = texts[j]!.rect;
      if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) pairs.push(`${texts[i]!.text} / ${texts[j]!.text}`);
    }
  }
  return pairs;
}

forEachLocale((locale) => {
  const explorerUrl = pageUrl(locale, 'scenarios/');

  describe('the corridor sketches, legible', () => {
    const cases = [
      { width: 320, height: 740, min: 12, all: false },
      { width: 360, height: 740, min: 12, all: false },
      { width: 360, height: 740, min: 12, all: true },
      { width: 1280, height: 800, min: 13, all: false },
    ];
    for (const { width, height, min, all } of cases) {
      it(`at ${width} px${all ? ', all four shown' : ''}: names of ${min} px or more, none on another, on a corridor or on a dot, none cut off`, async () => {
        const { context, page } = await open(explorerUrl, { width, height });
        if (all) await page.locator('[data-pair-all]').click();
        const { count, texts, problems } = await sketchText(page);
        expect(count).toBe(width < 800 && !all ? 2 : 4);
        expect(texts.length).toBe(count * 3);
        const smallest = Math.min(...texts.map((t) => t.px));
        expect(smallest).toBeGreaterThanOrEqual(min);
        expect(overlappingPairs(texts)).toEqual([]);
        expect(problems).toEqual([]);
        await context.close();
      });
    }
  });
});
