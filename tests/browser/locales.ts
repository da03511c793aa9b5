/**
 * What every browser test shares: the site's languages, the address of a
 * page in each, and one way to open a page that records what a reader must
 * never meet (console errors, uncaught exceptions, a request to another
 * origin, which is also cut off before it reaches the network).
 *
 * Tests run once per language with forEachLocale, so the French edition is
 * held to exactly what the English one is. French pages are never skipped
 * when they are missing: their tests then fail on the missing page.
 */
import { describe, inject } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { LOCALES, localePath, type Locale } from '../../src/i18n/locale';

export { LOCALES, type Locale };

const siteUrl = inject('siteUrl');
const siteOrigin = inject('siteOrigin');

/** The site's base path as served to the tests: "/" or "/lifelines/". */
export const sitePath = new URL(siteUrl).pathname;

/**
 * The full address of a page in one language: pageUrl('fr', 'scenarios/?v=1') is
 * "http://127.0.0.1:…/fr/scenarios/?v=1" (base path included). Paths are written as the
 * English ones, without the base, with or without their leading slash; '' is the story.
 */
export function pageUrl(locale: Locale, path = ''): string {
  return new URL(localePath(locale, path.startsWith('/') ? path : `/${path}`, sitePath), siteOrigin).href;
}

/** The path of a page in one language relative to the site (no base): 'fr/scenarios/', 'scenarios/', 'fr/', ''. */
export function sitePathOf(locale: Locale, path = ''): string {
  return localePath(locale, path.startsWith('/') ? path : `/${path}`, '/').slice(1);
}

/** Runs a block of tests once per language, in a describe named after it ("en", "fr"). */
export function forEachLocale(block: (locale: Locale) => void): void {
  for (const locale of LOCALES) describe(`[${locale}]`, () => block(locale));
}

export interface OpenOptions extends BrowserContextOptions {
  width?: number;
  height?: number;
  js?: boolean;
  /** Wait for this load state after goto (default 'networkidle'); false: do not navigate. */
  waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | false;
  /** Clipboard access for the site's origin. */
  clipboard?: boolean;
}

export interface Opened {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions, as the page reported them. */
  errors: string[];
  /** Requests the page tried to make to another origin (each was aborted). */
  offOrigin: string[];
  /** The HTTP status of the address opened (undefined when nothing was opened). */
  status: number | undefined;
}

/**
 * Opens an address in a fresh context, recording errors and requests off the site's origin.
 * The caller closes the context.
 */
export async function openPage(browser: Browser, url: string | undefined, options: OpenOptions = {}): Promise<Opened> {
  const { width = 1280, height = 900, js = true, waitUntil = 'networkidle', clipboard = false, ...contextOptions } = options;
  const context = await browser.newContext({ viewport: { width, height }, javaScriptEnabled: js, ...contextOptions });
  if (clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: siteOrigin });
  const page = await context.newPage();
  const errors: string[] = [];
  const offOrigin: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  const local = (url: URL) => url.href.startsWith(siteOrigin) || url.protocol === 'data:' || url.protocol === 'blob:';
  page.on('request', (request) => {
    if (!local(new URL(request.url()))) offOrigin.push(request.url());
  });
  // A request to another host must never reach the network, even if a test misses it.
  await page.route((u) => !local(u), (route) => route.abort());
  const response = url !== undefined && waitUntil !== false ? await page.goto(url, { waitUntil }) : null;
  return { context, page, errors, offOrigin, status: response?.status() };
}
