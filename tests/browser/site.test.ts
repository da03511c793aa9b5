import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launchChromium } from './chromium';
import { builtPages } from './pages';
import { forEachLocale, openPage, pageUrl, sitePathOf } from './locales';

const siteUrl = inject('siteUrl');
// Short links (c/1/ …) redirect to the story at once, so here they would only test the story again;
// tests/browser/teaching.test.ts checks them (CSP, console, axe, where they lead). Every built page
// in both languages, and the French twin of every English page even before it is built: a missing
// French page fails here too.
const builtNow = builtPages().filter((p) => p !== '404.html' && !/^(?:fr\/)?c\//.test(p));
const pages = [...new Set([...builtNow, ...builtNow.map((p) => sitePathOf('fr', p))])].sort();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a built page (a path under the site) as a reader would, and checks it was served. */
async function open(path: string, options: { width?: number; scheme?: 'light' | 'dark' } = {}) {
  const opened = await openPage(browser, siteUrl + path, { width: options.width ?? 1280, height: 900, colorScheme: options.scheme ?? 'light' });
  expect(opened.status, `/${path} is served`).toBe(200);
  return { ...opened, consoleErrors: opened.errors };
}

async function scrollThrough(page: Page) {
  // Scrolling loads anything lazy, so requests made late are checked too.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 30));
    }
  });
  await page.waitForLoadState('networkidle');
}

describe('every built page', () => {
  it('has pages to test', () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  for (const path of pages) {
    it(`/${path} loads with no console errors and no request off the site's origin`, async () => {
      const { page, context, consoleErrors, offOrigin } = await open(path);
      await scrollThrough(page);
      expect(consoleErrors).toEqual([]);
      expect(offOrigin).toEqual([]);
      await context.close();
    });

    // Embed pages (many, small and alike) get a representative part of this matrix, plus their
    // render options, in embeds-a11y.test.ts: the whole matrix for each would double the run time.
    for (const width of /^(?:fr\/)?embed\//.test(path) ? [] : [360, 768, 1280]) {
      for (const scheme of ['light', 'dark'] as const) {
        it(`/${path} has no WCAG A/AA violations at ${width}px, ${scheme}`, async () => {
          const { page, context } = await open(path, { width, scheme });
          const results = await new AxeBuilder({ page })
            .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
            .analyze();
          const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
          expect(summary).toEqual([]);
          await context.close();
        });
      }
    }
  }
});

forEachLocale((locale) => describe('the home page without JavaScript', () => {
  it('shows the map with its regions, corridors and towns, and credits its data', async () => {
    const { context, page, status } = await openPage(browser, pageUrl(locale), { js: false, width: 360, height: 800, waitUntil: 'load' });
    expect(status).toBe(200);
    const map = page.locator('svg.graphic-map').first();
    await expect.poll(() => map.isVisible()).toBe(true);
    const box = await map.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(250);
    expect(box?.height ?? 0).toBeGreaterThan(200);
    expect(await map.locator('.map-region').count()).toBe(9);
    expect(await map.locator('.map-corridor:not(.is-off)').count()).toBeGreaterThan(2);
    expect(await map.locator('.map-river').count()).toBeGreaterThan(0);
    expect(await map.locator('.map-label:not(.is-off)').count()).toBeGreaterThan(3);
    const credits = await page.locator('body').innerText();
    expect(credits).toMatch(/Natural Earth/);
    expect(credits).toMatch(/GeoNames/);
    await context.close();
  });
}));

describe('content security policy', () => {
  for (const path of pages) {
    it(`/${path} carries a CSP that only allows its own origin and hashed inline code`, async () => {
      const { page, context } = await open(path);
      const meta = page.locator('meta[http-equiv="content-security-policy"]');
      expect(await meta.count()).toBe(1);
      const csp = await meta.getAttribute('content');
      expect(csp).toBeTruthy();
      expect(csp).toMatch(/script-src [^;]*'sha256-/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      // Styles come from classes: no style="" attribute is served (scripts may still set CSS variables at run time).
      const served = await (await page.request.get(siteUrl + path)).text();
      expect(served).not.toMatch(/\sstyle\s*=/i);
      await context.close();
    });
  }
});
