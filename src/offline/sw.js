// @ts-nocheck: worker code; TypeScript cannot check it in the same program as the pages (DOM types).
/**
 * The service worker: keeps the story, its figures, the scenario explorer, the
 * glossary and the sources on the reader's device, so they open with no
 * connection. Built by scripts/lib/service-worker.mjs (esbuild bundles this
 * file with Workbox's precaching and routing, then workbox-build injects the
 * list of files into `self.__WB_MANIFEST`); plain JavaScript because
 * TypeScript cannot type-check worker and page code in one program.
 *
 * One build, one set of files. Every file is precached under its revision, and
 * a worker answers only from its own build's list, so a page and everything it
 * loads come from the same build. A new build's worker installs in the
 * background and waits; the next time the reader opens or reloads a page (with
 * no other tab of the site open), the old worker hands over and the browser
 * loads the page again from the new build. The new worker then deletes the
 * old build's files. A page is never shown half of one build and half of
 * another.
 *
 * The page (src/offline/client.ts) asks for progress with a message and is
 * told as each file is saved.
 */
import { PrecacheController, PrecacheRoute, PrecacheFallbackPlugin } from 'workbox-precaching';
import { NavigationRoute, Router } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';

/** @type {{ url: string, revision: string | null, bytes: number }[]} */
const MANIFEST = self.__WB_MANIFEST;
/**
 * Each edition has its own worker (scripts/lib/offline.mjs): this file is served as sw.js for the English
 * edition and as fr/sw.js for the French one, and saves only its edition's pages. Its offline page and
 * file addresses are relative to where it is served.
 */
const OFFLINE_PAGE = 'offline/index.html';
const FRENCH = /\/fr\/sw\.js$/.test(self.location.pathname);
const MESSAGE = 'lifelines-offline';

const absolute = (url) => new URL(url, self.location.href).href;
/** Download size (gzip) of each file, by absolute URL, from the manifest. */
const bytesOf = new Map(MANIFEST.map((entry) => [absolute(entry.url), entry.bytes]));
const totalBytes = MANIFEST.reduce((sum, entry) => sum + entry.bytes, 0);
const totalFiles = MANIFEST.length;

let savedBytes = 0;
let savedFiles = 0;
let installing = false;

const precache = new PrecacheController({
  plugins: [
    {
      // Called once for each file stored while installing.
      cacheDidUpdate: async ({ request }) => {
        if (!installing) return;
        const url = cacheKeyToUrl.get(request.url) ?? request.url;
        savedFiles += 1;
        savedBytes += bytesOf.get(url) ?? 0;
        await tell(await progress('saving'));
      },
    },
  ],
});
precache.addToCacheList(MANIFEST.map(({ url, revision }) => ({ url, revision })));
const cacheKeyToUrl = new Map([...precache.getURLsToCacheKeys()].map(([url, key]) => [key, url]));

/**
 * What this worker has saved of its build. `state`: "saving" while installing, "installed" when done
 * (then it waits or takes over), "ready" once it serves the pages, "failed", or "status" when asked.
 */
async function progress(state) {
  // self.serviceWorker is this worker; where a browser lacks it, a worker alone in its registration serves it.
  const reg = self.registration;
  const active = self.serviceWorker
    ? ['activating', 'activated'].includes(self.serviceWorker.state)
    : !installing && reg.active !== null && reg.installing === null && reg.waiting === null;
  // The scope says which edition's worker speaks: a page listens only to its own edition's.
  return { type: MESSAGE, scope: reg.scope, state, active, savedBytes, savedFiles, totalBytes, totalFiles };
}

/** Counts the files of this build already in the cache (an update reuses unchanged ones). */
async function countSaved() {
  const cache = await caches.open(precache.strategy.cacheName);
  savedBytes = 0;
  savedFiles = 0;
  for (const [url, key] of precache.getURLsToCacheKeys()) {
    if (await cache.match(key)) {
      savedFiles += 1;
      savedBytes += bytesOf.get(url) ?? 0;
    }
  }
}

/** Tells every open page of the site, controlled or not. */
async function tell(message) {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const client of windows) client.postMessage(message);
}

self.addEventListener('install', (event) => {
  installing = true;
  event.waitUntil(
    (async () => {
      await countSaved();
      await tell(await progress('saving'));
      try {
        await precache.install(event);
      } catch (error) {
        await tell(await progress('failed'));
        throw error;
      } finally {
        installing = false;
      }
      await countSaved();
      await tell(await progress('installed'));
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Deletes the files of the build before, which no page uses any more.
      await precache.activate(event);
      // On the first visit the page was loaded from the network: let this worker serve what it loads next
      // (its figures when printed, say). It is the same build, so nothing mixes.
      await self.clients.claim();
      await countSaved();
      await tell(await progress('ready'));
    })(),
  );
});

self.addEventListener('message', (event) => {
  const data = event.data ?? {};
  if (data.type !== MESSAGE) return;
  if (data.action === 'skip-waiting') self.skipWaiting();
  if (data.action === 'save-missing' && !installing) event.waitUntil(saveMissing());
  if (data.action === 'status') {
    // The page asks the worker it means (the active one, or the one installing) and reads the counts.
    event.waitUntil(
      (async () => {
        if (!installing) await countSaved();
        event.source?.postMessage(await progress('status'));
      })(),
    );
  }
});

/**
 * Saves again what the browser may have deleted since (to free space, say):
 * the reader pressed "Save for offline reading" while this worker serves the
 * site without every file.
 */
async function saveMissing() {
  installing = true;
  try {
    await countSaved();
    await tell(await progress('saving'));
    const cache = await caches.open(precache.strategy.cacheName);
    for (const [url, key] of precache.getURLsToCacheKeys()) {
      if (await cache.match(key)) continue;
      const response = await fetch(url, { cache: 'reload' });
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      await cache.put(key, response);
      savedFiles += 1;
      savedBytes += bytesOf.get(url) ?? 0;
      await tell(await progress('saving'));
    }
    installing = false;
    await tell(await progress('ready'));
  } catch {
    installing = false;
    await tell(await progress('failed'));
  }
}

const router = new Router();
// Saved files, whatever the query string: the scenario explorer keeps its state in the address.
router.registerRoute(
  new PrecacheRoute(precache, { directoryIndex: 'index.html', cleanURLs: true, ignoreURLParametersMatching: [/.*/] }),
);
// Any other page: from the network, or the offline page when there is none.
router.registerRoute(
  new NavigationRoute(
    new NetworkOnly({ plugins: [new PrecacheFallbackPlugin({ fallbackURL: absolute(OFFLINE_PAGE), precacheController: precache })] }),
  ),
);

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate' && self.registration.waiting) {
    event.respondWith(handOverThenLoad(event));
    return;
  }
  const response = router.handleRequest({ event, request });
  if (response) event.respondWith(response);
});

/**
 * A newer build is saved and waiting. If no other page of the site is open,
 * the newer worker takes over now and the browser asks for the page again
 * (an empty response with "Refresh: 0"), so the whole page comes from the new
 * build. With another tab open, that tab keeps this build until it is closed.
 */
async function handOverThenLoad(event) {
  const waiting = self.registration.waiting;
  const windows = await self.clients.matchAll({ type: 'window' });
  if (waiting && windows.length <= 1) {
    waiting.postMessage({ type: MESSAGE, action: 'skip-waiting' });
    // Shown for an instant: the site's icon (or the browser asks for /favicon.ico) and the reader's colours.
    const [lang, name] = FRENCH ? ['fr', 'Artères vitales'] : ['en', 'Lifelines'];
    const page = `<!doctype html><html lang="${lang}"><meta charset="utf-8"><meta name="color-scheme" content="light dark"><title>${name}</title><link rel="icon" href="${absolute('favicon-32.png')}">`;
    return new Response(page, { headers: { 'Content-Type': 'text/html; charset=utf-8', Refresh: '0' } });
  }
  return router.handleRequest({ event, request: event.request }) ?? fetch(event.request);
}
