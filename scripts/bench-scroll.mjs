// Long tasks while a reader scrolls the whole story on a slow phone (4x CPU
// throttling): the budget is no task over 50 ms. Called by `npm run bench`
// with the served site's URL; not part of the tests, because timings depend
// on the machine.
import { chromium } from 'playwright-core';

// Headless Chromium also runs its omnibox popup pages (chrome://omnibox-popup.top-chrome), which compete
// with the story for a small machine's cores and made the timings noisy; a phone's browser UI does not
// run in the page's renderer, so they are switched off.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup,OmniboxAimPopup'];

// The story in each language: the French one has the same steps and graphics with longer labels.
// BENCH_SCROLL_LANGS=en runs the English story only.
const STORIES = { en: '', fr: 'fr/' };

export default async function benchScroll(baseUrl) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: FLAGS });
  const results = [];
  const langs = (process.env.BENCH_SCROLL_LANGS ?? 'en,fr').split(',').map((l) => l.trim()).filter((l) => l in STORIES);
  try {
    for (const lang of langs) for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
      // Two readers: one who reads the opening before scrolling (the panel has prepared its graphics by
      // then), and one who starts scrolling the moment the page has loaded.
      for (const start of ['when-ready', 'at-once']) {
        const context = await browser.newContext({ viewport });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        await page.addInitScript(() => {
          window.__longTasks = [];
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) window.__longTasks.push(Math.round(entry.duration));
          }).observe({ type: 'longtask', buffered: true });
        });
        const t0 = Date.now();
        // 'load', not 'networkidle': on a throttled CPU the network goes quiet while the page is still
        // being parsed, and a reader cannot scroll through a story that is not there yet.
        await page.goto(new URL(STORIES[lang], baseUrl).href, { waitUntil: 'load' });
        let readyMs = null;
        if (start === 'when-ready') {
          await page.waitForFunction(() => document.documentElement.classList.contains('story-panel-ready'), null, { timeout: 30000 });
          readyMs = Date.now() - t0;
        }
        const loadTasks = await page.evaluate(() => window.__longTasks.splice(0));
        // Scroll like a reader with a thumb: a third of a screen at a time, down the whole story.
        const scrollTasks = await page.evaluate(async () => {
          // The page's height is read at every move, so a page still settling is scrolled to its end.
          for (let y = 0; y < document.body.scrollHeight; y += Math.round(window.innerHeight / 3)) {
            window.scrollTo(0, y);
            await new Promise((r) => setTimeout(r, 120));
          }
          await new Promise((r) => setTimeout(r, 500));
          return window.__longTasks.splice(0);
        });
        results.push({
          lang,
          viewport: `${viewport.width}x${viewport.height}`,
          start,
          cpuThrottling: 4,
          panelReadyMs: readyMs,
          loadLongTasksMs: loadTasks,
          scrollLongTasksMs: scrollTasks,
          maxScrollTaskMs: Math.max(0, ...scrollTasks),
          meetsTarget: scrollTasks.every((d) => d <= 50),
        });
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  for (const r of results) {
    const ready = r.panelReadyMs === null ? 'scrolling at once' : `scrolling once the panel was ready (${r.panelReadyMs} ms)`;
    console.log(`scroll ${r.lang} ${r.viewport} @4x CPU, ${ready}: ${r.scrollLongTasksMs.length} long tasks while scrolling, max ${r.maxScrollTaskMs} ms${r.meetsTarget ? '' : '  BELOW TARGET (a task over 50 ms)'}; before scrolling: [${r.loadLongTasksMs.join(', ')}] ms`);
  }
  return results;
}
