import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium';

const siteUrl = inject('siteUrl');
const siteOrigin = inject('siteOrigin');
const explorerUrl = `${siteUrl}scenarios/`;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(url: string, options: { width?: number; js?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, javaScriptEnabled: options.js ?? true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: siteOrigin });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url, { waitUntil: 'networkidle' });
  if (options.js ?? true) await page.waitForFunction(() => document.documentElement.classList.contains('explorer-ready'));
  return { context, page, errors };
}

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
    expect(afterReforms.summary).toContain('Scenario I');
    expect(afterReforms.summary).not.toContain('Scenario IV');
    expect(afterReforms.reasons).toContain('reforms-follow-gains');

    // Move a slider with the arrow keys: the split stays at 100.
    await tabTo(page, '#estimate-i');
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => new URL(page.url()).searchParams.get('e')).not.toBeNull();
    const split = new URL(page.url()).searchParams.get('e')!.split(',').map(Number);
    expect(split[0]).toBe(35);
    expect(split.reduce((a, b) => a + b, 0)).toBe(100);
    expect((await visibleState(page)).comparison).toMatch(/35 points/);

    // Copy the link.
    await tabTo(page, '[data-copy-link]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-copy-status]').textContent()).toBe('Link copied.');
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
    expect(await page.locator('[data-compare-status]').textContent()).toContain('at least two');

    expect(errors).toEqual([]);
    await context.close();
  });
});

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
    for (const query of hostile) {
      await page.goto(explorerUrl + query, { waitUntil: 'networkidle' });
      await page.waitForFunction(() => document.documentElement.classList.contains('explorer-ready'));
      const state = await visibleState(page);
      expect(state.compare.length).toBeGreaterThanOrEqual(2);
      expect(await page.locator('img[src="x"], script:not([src]):not([type="application/json"])').count()).toBe(0);
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
    const columns = await page.locator('.compare__table tbody tr:first-child td').count();
    expect(columns).toBe(4);
    for (const td of await page.locator('.compare__table td').all()) expect(await td.isVisible()).toBe(true);
    expect(await page.locator('.signpost').count()).toBeGreaterThan(5);
    expect(await page.locator('.observations .is-after').count()).toBeGreaterThan(0);
    expect(await page.locator('.explorer__estimate').isVisible()).toBe(false);
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/not a forecast/i);
    await context.close();
  });
});
