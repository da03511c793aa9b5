/**
 * Offline reading in real Chromium: the service worker saves the site after
 * the story has loaded, then the story, its steps and figures, a deep link,
 * the scenario explorer with its address, the glossary and the sources all
 * open with the browser offline; a page that was not saved gives the offline
 * page. A second build replaces the first on the next load, with no mix of the
 * two. The story installs as a web app.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { FLAGS, chromiumPath, launchChromium } from './chromium';
import { graphicStateMismatches } from './graphic-state-check';
import { pageUrl } from './locales';
import { startStaticServer } from '../../scripts/lib/static-server.mjs';
import { formatSize, offlineFiles } from '../../scripts/lib/offline.mjs';

const siteUrl = inject('siteUrl');
const dist = resolve(process.env.DIST_DIR ?? 'dist');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function newContext(options: { width?: number; saveData?: boolean } = {}) {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, reducedMotion: 'reduce' });
  if (options.saveData) {
    // What a browser set to save data tells the page.
    await context.addInitScript(() => typeof window !== 'undefined' && Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
  }
  const errors: string[] = [];
  context.on('console', (m) => m.type() === 'error' && errors.push(`${m.text()} (${m.location().url})`));
  context.on('weberror', (e) => errors.push(`${e.page()?.url()}: ${e.error()}`));
  context.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  const page = await context.newPage();
  return { context, page, errors };
}

const status = (page: Page) => page.locator('[data-offline-status]').textContent();

/** Waits until the page says what a reader reads: "Available offline". */
/** The addresses (paths) the page's origin holds in its offline caches. */
async function savedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const out: string[] = [];
    for (const name of (await caches.keys()).filter((n) => n.includes('precache'))) {
      for (const request of await (await caches.open(name)).keys()) out.push(new URL(request.url).pathname);
    }
    return out;
  });
}

/** A page or figure of one edition (not the shared CSS, JS and icons). */
const isEditionFile = (path: string) => path.endsWith('/') || /\.(?:html|svg|webmanifest)$/.test(path) && !/\/(?:favicon|icons\/)/.test(path);

async function untilAvailableOffline(page: Page) {
  await expect.poll(() => status(page), { timeout: 45_000 }).toBe('Available offline');
}

/** Moves the story to a step as a reader scrolling would, and returns what its panel shows wrong. */
async function stepShown(page: Page, id: string): Promise<string[]> {
  await page.evaluate((stepId) => {
    const step = document.getElementById(stepId)!;
    window.scrollTo(0, step.getBoundingClientRect().top + window.scrollY - window.innerHeight * 0.6 + 40);
  }, id);
  await page.waitForFunction((stepId) => document.querySelector<HTMLElement>('[data-story-panel]')?.dataset.activeStep === stepId, id, { timeout: 5000 });
  await page.waitForTimeout(50);
  return panelProblems(page, id);
}

/** The step's text is there, and the panel shows its graphic, in its state. */
async function panelProblems(page: Page, id: string): Promise<string[]> {
  const found = await page.evaluateHandle((stepId) => {
    const step = document.getElementById(stepId)!;
    const island = JSON.parse(document.getElementById('story-states')!.textContent!);
    const state = island.states[step.dataset.state!];
    const problems: string[] = [];
    if ((step.querySelector('.step__text')?.textContent ?? '').trim().length < 40) problems.push('no text');
    const active = document.querySelector<HTMLElement>('[data-story-panel] .story-panel__graphic.is-active');
    if (active?.dataset.graphic !== state.kind) problems.push(`graphic ${active?.dataset.graphic} != ${state.kind}`);
    // As the reader sees it: drawn, not hidden, not transparent (the panel keeps waiting layouts transparent).
    const shown = (el: Element) => getComputedStyle(el).visibility === 'visible' && getComputedStyle(el).opacity === '1';
    const svg = [...(active?.querySelectorAll('svg') ?? [])].find((s) => {
      const box = s.getBoundingClientRect();
      return box.width > 100 && box.height > 100 && shown(s) && shown(s.closest('.graphic-layout') ?? s);
    });
    if (!svg) problems.push('no graphic drawn');
    return { svg, problems, state, viewBox: state.kind === 'map' ? island.mapViewBoxes[state.view] : undefined };
  }, id);
  const { problems, state, viewBox } = await found.evaluate(({ problems, state, viewBox }) => ({ problems, state, viewBox }));
  const svg = (await found.evaluateHandle((f) => f.svg ?? null)).asElement();
  return svg ? [...problems, ...(await svg.evaluate(graphicStateMismatches, { state, viewBox }))] : problems;
}

describe('offline reading', () => {
  it('after one visit, the story, every step, a deep link, the explorer, the glossary and the sources open offline', { timeout: 240_000 }, async () => {
    const { context, page, errors } = await newContext();
    // When the page registers the worker, against when its load event ended. The first visit's load is held
    // back by a slow image, so that a worker registered any earlier (as the page's script runs, say) shows.
    await context.addInitScript(() => {
      if (typeof ServiceWorkerContainer === 'undefined') return; // in the worker itself, and on about:blank
      const register = ServiceWorkerContainer.prototype.register;
      ServiceWorkerContainer.prototype.register = function (...args) {
        (window as unknown as { registeredAt: number }).registeredAt = performance.now();
        return register.apply(this, args);
      };
      if (location.search === '?slow-load') new Image().src = '/__slow-image.png';
    });
    await context.route('**/__slow-image.png', async (route) => {
      await new Promise((done) => setTimeout(done, 1500));
      await route.fulfill({ status: 200, contentType: 'image/png', body: readFileSync(join(dist, 'favicon-32.png')) });
    });
    await page.goto(`${siteUrl}?slow-load`, { waitUntil: 'load' });
    await untilAvailableOffline(page);
    // Nothing is saved while the page loads: the worker registers after the load event.
    const timing = await page.evaluate(() => ({
      registered: (window as unknown as { registeredAt?: number }).registeredAt ?? -1,
      loaded: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
    }));
    expect(timing.loaded).toBeGreaterThan(1500);
    expect(timing.registered).toBeGreaterThanOrEqual(timing.loaded);
    const { bytes } = await offlineFiles(dist);
    expect(await page.locator('[data-offline-detail]').textContent()).toContain(`(${formatSize(bytes)})`);
    // An English reader saves the English edition only: not one French page or figure.
    const saved = await savedPaths(page);
    expect(saved.filter((p) => p.includes('/fr/'))).toEqual([]);
    expect(saved.length).toBe((await offlineFiles(dist, 'en')).entries.length);

    await context.setOffline(true);
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.classList.contains('story-ready'));
    await untilAvailableOffline(page);
    const steps = await page.$$eval('[data-step]', (els) => els.map((el) => el.id));
    expect(steps.length).toBeGreaterThan(15);
    for (const id of steps) expect(await stepShown(page, id), `step ${id}, offline`).toEqual([]);

    // Printed (or read without JavaScript), each step has its own figure: those come from the saved files too.
    await page.emulateMedia({ media: 'print' });
    const figures = page.locator('.step__figure img');
    expect(await figures.count()).toBe(steps.length);
    await page.evaluate(() => Promise.all([...document.querySelectorAll<HTMLImageElement>('.step__figure img')].map((img) => (img.loading = 'eager', img.decode().catch(() => undefined)))));
    const broken = await figures.evaluateAll((imgs) => (imgs as HTMLImageElement[]).filter((img) => !(img.complete && img.naturalWidth > 0)).map((img) => img.src));
    expect(broken).toEqual([]);
    await page.emulateMedia({ media: 'screen' });

    // A deep link to a step, offline, in a fresh tab.
    const deep = steps[Math.floor(steps.length / 2)]!;
    const tab = await context.newPage();
    await tab.goto(`${siteUrl}#${deep}`, { waitUntil: 'load' });
    await tab.waitForFunction(() => document.documentElement.classList.contains('story-ready'));
    expect(await tab.evaluate(() => document.querySelector<HTMLElement>('[data-story-panel]')?.dataset.activeStep)).toBe(deep);
    expect(await panelProblems(tab, deep)).toEqual([]);

    // The scenario explorer, from a shared link: its state comes from the address, and follows the reader.
    await tab.goto(`${siteUrl}scenarios/?v=1&c=i,iv&reforms=yes`, { waitUntil: 'load' });
    await tab.waitForFunction(() => document.documentElement.classList.contains('explorer-ready'));
    const compared = () => tab.$$eval('[data-compare-input]', (els) => (els as HTMLInputElement[]).filter((i) => i.checked).map((i) => i.value));
    expect(await compared()).toEqual(['i', 'iv']);
    expect(await tab.locator('[data-assumption-input="reforms"]').isChecked()).toBe(true);
    await tab.locator('[data-compare-input][value="ii"]').check();
    await expect.poll(() => new URL(tab.url()).searchParams.get('c')).toBe('i,ii,iv');
    expect(await compared()).toEqual(['i', 'ii', 'iv']);

    for (const [path, heading] of [['glossary/', /glossary/i], ['sources/', /sources/i]] as const) {
      await tab.goto(siteUrl + path, { waitUntil: 'load' });
      expect(await tab.locator('h1').textContent(), path).toMatch(heading);
    }

    // A page that was not saved: the offline page, whose links lead to what was.
    await tab.goto(`${siteUrl}classroom/`, { waitUntil: 'load' });
    expect(await tab.locator('h1').textContent()).toBe('This page is not saved on this device');
    await tab.getByRole('link', { name: 'The story' }).click();
    await tab.waitForFunction(() => document.documentElement.classList.contains('story-ready'));
    expect(await tab.locator('[data-step]').count()).toBe(steps.length);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('a reader saving data downloads nothing until they press the button, which shows the size and the progress', { timeout: 120_000 }, async () => {
    const { context, page, errors } = await newContext({ width: 360, saveData: true });
    await page.goto(siteUrl, { waitUntil: 'load' });
    await page.waitForTimeout(2500);
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
    expect(await status(page)).toBe('Not saved on this device.');
    const { bytes } = await offlineFiles(dist);
    const button = page.getByRole('button', { name: `Save for offline reading (${formatSize(bytes)})` });
    expect(await button.isVisible()).toBe(true);

    // Every line of progress the reader is shown, as it changes.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      const detail = document.querySelector('[data-offline-detail]')!;
      new MutationObserver(() => seen.push(detail.textContent ?? '')).observe(detail, { childList: true, characterData: true, subtree: true });
    });
    // By keyboard: Tab to the button, Enter.
    await page.locator('.site-footer p a').last().focus();
    await page.keyboard.press('Tab');
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await untilAvailableOffline(page);
    const seen: string[] = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    // The reader saw the saving advance: several amounts on the way from nothing to the whole.
    const amounts = new Set(seen.map((t) => new RegExp(`^(\\d+) KB of ${formatSize(bytes)} saved\\.$`).exec(t)?.[1]).filter(Boolean).map(Number));
    const between = [...amounts].filter((kb) => kb > 0 && kb < bytes / 1024 - 1);
    expect(between.length, seen.join('\n')).toBeGreaterThan(2);
    expect(await button.isVisible()).toBe(false);

    await context.setOffline(true);
    await page.reload({ waitUntil: 'load' });
    expect(await page.locator('h1').first().textContent()).toMatch(/Lifelines/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('offline reading in French', () => {
  it('after one visit to /fr/, the French story, a deep link, the explorer with its address, the glossary and the sources open offline, in French', { timeout: 180_000 }, async () => {
    const { context, page, errors } = await newContext();
    const home = pageUrl('fr');
    const response = await page.goto(home, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    // The status line is in the page's language: wait on its state, not its words.
    await expect.poll(() => page.locator('[data-offline-status]').getAttribute('data-state'), { timeout: 45_000 }).toBe('ready');
    // A French reader saves the French edition, with the shared CSS, JS and icons: not one English page, and the
    // size the control shows is the French edition's.
    const french = await offlineFiles(dist, 'fr');
    const saved = await savedPaths(page);
    expect(saved.filter((p) => isEditionFile(p) && !p.includes('/fr/'))).toEqual([]);
    expect(saved.length).toBe(french.entries.length);
    expect(await page.locator('[data-offline]').getAttribute('data-offline-bytes')).toBe(String(french.bytes));
    const steps = await page.$$eval('[data-step]', (els) => els.map((el) => el.id));
    expect(steps.length).toBeGreaterThan(15);

    await context.setOffline(true);
    const deep = steps[Math.floor(steps.length / 2)]!;
    const tab = await context.newPage();
    await tab.goto(`${home}#${deep}`, { waitUntil: 'load' });
    await tab.waitForFunction(() => document.documentElement.classList.contains('story-ready'));
    expect(await tab.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await tab.evaluate(() => document.querySelector<HTMLElement>('[data-story-panel]')?.dataset.activeStep)).toBe(deep);
    expect(await panelProblems(tab, deep)).toEqual([]);
    for (const id of [steps[1]!, steps.at(-1)!]) expect(await stepShown(tab, id), `/fr/#${id}, offline`).toEqual([]);

    await tab.goto(pageUrl('fr', 'scenarios/?v=1&c=i,iv&reforms=yes'), { waitUntil: 'load' });
    await tab.waitForFunction(() => document.documentElement.classList.contains('explorer-ready'));
    expect(await tab.$$eval('[data-compare-input]', (els) => (els as HTMLInputElement[]).filter((i) => i.checked).map((i) => i.value))).toEqual(['i', 'iv']);
    expect(await tab.locator('[data-assumption-input="reforms"]').isChecked()).toBe(true);

    for (const path of ['glossary/', 'sources/']) {
      await tab.goto(pageUrl('fr', path), { waitUntil: 'load' });
      expect(await tab.evaluate(() => document.documentElement.lang), path).toBe('fr');
      expect(await tab.locator('h1').textContent(), path).toMatch(/\S/);
    }
    // A French page that was not saved: the French offline page.
    await tab.goto(pageUrl('fr', 'classroom/'), { waitUntil: 'load' });
    expect(await tab.evaluate(() => [document.documentElement.lang, location.pathname])).toEqual(['fr', new URL(pageUrl('fr', 'classroom/')).pathname]);
    expect(await tab.locator('h1').textContent()).not.toBe('This page is not saved on this device');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('saved files the browser has deleted', () => {
  it('are no longer called available offline, and the button saves them again', { timeout: 120_000 }, async () => {
    const { context, page, errors } = await newContext();
    await page.goto(siteUrl, { waitUntil: 'load' });
    await untilAvailableOffline(page);
    // The browser frees space: the glossary goes.
    const deleted = await page.evaluate(async () => {
      const name = (await caches.keys()).find((n) => n.includes('precache'))!;
      const cache = await caches.open(name);
      const key = (await cache.keys()).find((r) => r.url.includes('/glossary/'))!;
      await cache.delete(key);
      return key.url;
    });
    expect(deleted).toContain('/glossary/');
    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('Not saved on this device.');
    await page.getByRole('button', { name: /^Save for offline reading/ }).click();
    await untilAvailableOffline(page);
    await context.setOffline(true);
    await page.goto(`${siteUrl}glossary/`, { waitUntil: 'load' });
    expect(await page.locator('h1').textContent()).toMatch(/glossary/i);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a new build', () => {
  let tmp = '';
  afterAll(() => tmp && rmSync(tmp, { recursive: true, force: true }));

  it('replaces the saved one on the next load, and a page never mixes the two', { timeout: 180_000 }, async () => {
    // The first build, and a second one in which the story's heading and one figure changed.
    tmp = mkdtempSync(join(tmpdir(), 'lifelines-update-'));
    const first = join(tmp, 'first');
    const second = join(tmp, 'second');
    cpSync(dist, first, { recursive: true });
    cpSync(dist, second, { recursive: true });
    const story = join(second, 'index.html');
    writeFileSync(story, readFileSync(story, 'utf8').replace(/(<h1[^>]*>)[^<]*/, '$1Lifelines, second build'));
    // A figure the worker saves (a map's phone figure is not saved: it shows only without JavaScript).
    const saved = (await offlineFiles(first)).entries.map((e) => e.url);
    const figure = readdirSync(join(second, 'figures')).filter((f) => f.endsWith('.svg') && saved.some((u) => u.endsWith(`figures/${f}`))).sort()[0]!;
    const figureFile = join(second, 'figures', figure);
    writeFileSync(figureFile, readFileSync(figureFile, 'utf8').replace(/(<title[^>]*>)/, '$1Second build: '));
    execFileSync(process.execPath, ['scripts/finish-build.mjs'], { env: { ...process.env, DIST_DIR: second }, stdio: 'pipe' });
    const { entries } = await offlineFiles(second);

    let server = await startStaticServer({ root: first, port: 0 });
    const { port } = server;
    const url = server.url;
    const { context, page, errors } = await newContext();
    try {
      await page.goto(url, { waitUntil: 'load' });
      await untilAvailableOffline(page);
      // Read without waiting for an <h1>: between two builds the tab shows, for an instant, a page without one.
      const heading = () => page.evaluate(() => document.querySelector('h1')?.textContent ?? '');
      const firstHeading = await heading();
      const figureText = () => page.evaluate(async (name) => (await fetch(`figures/${name}`)).text(), figure);

      // The second build goes live on the same address.
      await server.close();
      server = await startStaticServer({ root: second, port });

      // The next load still shows the first build, whole: its figure too, though the server has the new one.
      await page.reload({ waitUntil: 'load' });
      expect(await heading()).toBe(firstHeading);
      const waiting = () => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));
      await expect.poll(waiting, { timeout: 60_000 }).toBe(true);
      expect(await figureText()).not.toContain('Second build: ');
      await expect.poll(() => page.locator('[data-offline-detail]').textContent(), { timeout: 15_000 }).toContain('An update is saved. It shows the next time you open the site.');

      // The load after that shows the second build, figure included, and it is what is saved.
      await page.reload({ waitUntil: 'load' });
      await expect.poll(heading, { timeout: 30_000 }).toBe('Lifelines, second build');
      expect(await figureText()).toContain('Second build: ');
      await untilAvailableOffline(page);
      await context.setOffline(true);
      await page.reload({ waitUntil: 'load' });
      expect(await heading()).toBe('Lifelines, second build');
      expect(await figureText()).toContain('Second build: ');
      // The old build's files are gone: the cache holds exactly the second build's.
      const cached = await page.evaluate(async () => {
        const names = (await caches.keys()).filter((n) => n.includes('precache'));
        const keys = await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).length));
        return { caches: names.length, entries: keys.reduce((a, b) => a + b, 0) };
      });
      expect(cached).toEqual({ caches: 1, entries: entries.length });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});

describe('the installable web app', () => {
  it('Chromium finds the story installable: manifest, icons and worker', { timeout: 90_000 }, async () => {
    // A profile of its own: Chromium never offers to install from an off-the-record context, which is what
    // browser.newContext() makes.
    const profile = mkdtempSync(join(tmpdir(), 'lifelines-profile-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath()!, args: FLAGS });
    try {
      const errors: string[] = [];
      context.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(siteUrl, { waitUntil: 'load' });
      await untilAvailableOffline(page);
      const cdp = await context.newCDPSession(page);
      const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[]; data?: string };
      expect(manifest.errors).toEqual([]);
      const data = JSON.parse(manifest.data ?? '{}');
      expect(new URL(data.start_url, manifest.url).href).toBe(siteUrl);
      expect(new URL(data.scope, manifest.url).href).toBe(siteUrl);
      expect(data.display).toBe('standalone');
      for (const icon of data.icons) {
        const res = await page.request.get(new URL(icon.src, manifest.url).href);
        expect(res.status(), icon.src).toBe(200);
        expect(res.headers()['content-type']).toBe('image/png');
      }
      expect(data.icons.map((i: { purpose: string }) => i.purpose)).toContain('maskable');
      await expect
        .poll(async () => ((await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] }).installabilityErrors, { timeout: 20_000 })
        .toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
