/**
 * WCAG 2.2 A/AA (axe) on the embed pages. site.test.ts already loads every
 * embed page (console errors, off-origin requests, CSP); running its full
 * 3 widths × 2 schemes matrix on all of them would double the browser tests'
 * time for pages built from one template. Instead:
 *  - every embed page at its narrowest and widest, one in light, one in dark;
 *  - the full matrix on the heaviest one (the map under blockade);
 *  - the render options (forced themes, plain, static, another step) and the
 *    share control opened, which no default page load shows.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launchChromium } from './chromium';
import { builtPages } from './pages';
import { LOCALES, openPage, pageUrl, sitePathOf } from './locales';

const siteUrl = inject('siteUrl');
// The English embed pages and their French twins (built or not: a missing French embed fails here).
const englishEmbeds = builtPages().filter((p) => p.startsWith('embed/'));
const embedPages = [...englishEmbeds, ...englishEmbeds.map((p) => sitePathOf('fr', p))];
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function violations(path: string, options: { width: number; scheme: 'light' | 'dark'; openShare?: boolean }) {
  const { context, page, status } = await openPage(browser, siteUrl + path, { width: options.width, height: 900, colorScheme: options.scheme });
  expect(status, `/${path} is served`).toBe(200);
  await page.waitForFunction(() => document.documentElement.classList.contains('embed-ready'));
  if (options.openShare) {
    await page.locator('.share-control summary').click();
    await page.locator('.embed__data summary').first().click();
  }
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
  await context.close();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

const REPRESENTATIVE = ['embed/map-mali/', 'fr/embed/map-mali/'];

describe('embed pages meet WCAG 2.2 AA', () => {
  it('there are embed pages, including the representative ones', () => {
    expect(englishEmbeds.length).toBeGreaterThanOrEqual(8);
    for (const p of REPRESENTATIVE) expect(embedPages).toContain(p);
  });

  for (const path of embedPages) {
    const matrix: [number, 'light' | 'dark'][] = REPRESENTATIVE.includes(path)
      ? [[360, 'light'], [360, 'dark'], [768, 'light'], [768, 'dark'], [1280, 'light'], [1280, 'dark']]
      : [[360, 'light'], [1280, 'dark']];
    for (const [width, scheme] of matrix) {
      it(`/${path} at ${width}px, ${scheme}`, async () => {
        expect(await violations(path, { width, scheme })).toEqual([]);
      });
    }
  }

  const variants: [string, 'light' | 'dark'][] = [
    ['embed/fuel-prices/?theme=dark', 'light'],
    ['embed/map-mali/?theme=light', 'dark'],
    ['embed/timeline/?plain=1', 'light'],
    ['embed/electricity/?static=1', 'dark'],
    ['embed/timeline/?step=pressure-2025&theme=dark', 'light'],
  ];
  for (const [path, scheme] of LOCALES.flatMap((l) => variants.map(([p, sc]) => [sitePathOf(l, p), sc] as const))) {
    it(`/${path} at 768px, ${scheme} system setting`, async () => {
      expect(await violations(path, { width: 768, scheme })).toEqual([]);
    });
  }

  for (const [locale, scheme] of LOCALES.flatMap((l) => (['light', 'dark'] as const).map((sc) => [l, sc] as const))) {
    it(`the story (${locale}) with its panel's share control open, at 1280px, ${scheme}`, async () => {
      const { context, page } = await openPage(browser, pageUrl(locale), { width: 1280, height: 900, colorScheme: scheme });
      await page.waitForFunction(() => document.documentElement.classList.contains('story-ready'));
      await page.locator('.story-panel .share-control:visible summary').click();
      const results = await new AxeBuilder({ page }).include('.story-panel').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
      await context.close();
    });

    it(`/${sitePathOf(locale, 'embed/fuel-prices/')} with the share control and the data table open, at 360px, ${scheme}`, async () => {
      expect(await violations(sitePathOf(locale, 'embed/fuel-prices/'), { width: 360, scheme, openShare: true })).toEqual([]);
    });
  }
});
