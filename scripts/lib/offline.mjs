// Offline reading: which built files the service worker keeps on the reader's
// device, how much they weigh, and the worker itself (src/offline/sw.js
// bundled by esbuild, its file list injected by Workbox's workbox-build).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { getManifest, injectManifest } from 'workbox-build';
import { repoRoot } from './dist.mjs';

export const SW_FILE = 'sw.js';
export const SW_SOURCE = path.join(repoRoot, 'src/offline/sw.js');

// The editions of the site: English at the root, French under fr/. Each edition
// that is built is saved, with its own offline page and web app manifest.
const LOCALE_PREFIXES = ['', 'fr/'];

// What a reader gets offline, relative to dist, in each edition: the story with
// the standalone figures its steps show (see offlineIgnores for the few left
// out), the scenario explorer, the glossary, the sources page, the short links
// that lead into the story, the page shown for anything else and the web app
// manifest; all the site's CSS and JS (small and hashed); the icons. Not saved: downloads (PNG,
// CSV), link previews, embed pages, the classroom pages, the single-file
// edition.
export function offlineGlobPatterns(root) {
  const editions = LOCALE_PREFIXES.filter((l) => fs.existsSync(path.join(root, l, 'offline', 'index.html')));
  return [
    ...editions.flatMap((l) => {
      const patterns = [
        `${l}index.html`,
        `${l}scenarios/index.html`,
        `${l}glossary/index.html`,
        `${l}sources/index.html`,
        `${l}offline/index.html`,
        `${l}c/*/index.html`,
        `${l}figures/*.svg`,
        `${l}manifest.webmanifest`,
      ];
      // The English edition must have every one (a pattern that matches nothing stops the build); a translated
      // edition built in parts saves the pages it has: the folder or file before any "*" must exist.
      return l === '' ? patterns : patterns.filter((p) => fs.existsSync(path.join(root, p.split('*')[0])));
    }),
    '_astro/**/*.{js,css}',
    'favicon-32.png',
    'favicon.svg',
    'icons/*.png',
  ];
}

/**
 * A map's phone figure shows only without JavaScript on a screen under 36rem,
 * and without JavaScript there is no service worker to read it from: not
 * saved (they are a sixth of the story's bytes). A chart's phone figure is
 * its screen figure at every width (printed, the wide one), so it is saved.
 */
export function offlineIgnores(root) {
  const editions = LOCALE_PREFIXES.filter((l) => fs.existsSync(path.join(root, l, 'figures')));
  return editions.flatMap((l) =>
    fs
      .readdirSync(path.join(root, l, 'figures'))
      .filter((name) => name.endsWith('-narrow.svg') && fs.readFileSync(path.join(root, l, 'figures', name), 'utf8').includes('class="graphic-map"'))
      .map((name) => `${l}figures/${name}`),
  );
}

function gzipBytes(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

function manifestOptions(root) {
  return {
    globDirectory: root,
    // A pattern that matches nothing stops the build (workbox-build warns, and warnings are errors here).
    globPatterns: offlineGlobPatterns(root),
    globIgnores: [SW_FILE, ...offlineIgnores(root)],
    // Hashed files never change under their name: keyed by address alone.
    dontCacheBustURLsMatching: /^_astro\//,
    maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
    // Each entry also carries its download size (gzip, as every host sends it), for the progress shown to
    // the reader; Workbox keeps fields it does not know.
    manifestTransforms: [
      async (entries) => ({
        manifest: entries.map((e) => ({ ...e, bytes: gzipBytes(path.join(root, e.url)) })),
        warnings: [],
      }),
    ],
  };
}

/** The files saved for offline reading and their total download size (gzip) and stored size. */
export async function offlineFiles(root) {
  const { manifestEntries, size, warnings } = await getManifest(manifestOptions(root));
  if (warnings.length) throw new Error(`workbox-build: ${warnings.join('; ')}`);
  const entries = /** @type {{url: string, revision: string|null, bytes: number}[]} */ (/** @type {unknown} */ (manifestEntries));
  return { entries, bytes: entries.reduce((sum, e) => sum + e.bytes, 0), storedBytes: size };
}

/** "420 KB" or "1.2 MB": sizes as the control and the README show them (KB = 1024 bytes). */
export function formatSize(bytes) {
  const kb = bytes / 1024;
  return kb < 1000 ? `${Math.round(kb)} KB` : `${(kb / 1024).toFixed(1)} MB`;
}

/**
 * Writes the size into every built page's "Save for offline reading" control
 * (data-offline-bytes, rendered as "0" by src/offline/OfflineControl.astro).
 * Returns the number of pages changed.
 */
export function writeOfflineSize(root, pages, bytes) {
  let changed = 0;
  for (const rel of pages) {
    const file = path.join(root, rel);
    const html = fs.readFileSync(file, 'utf8');
    const next = html.replace(/(\sdata-offline-bytes=")[^"]*(")/g, `$1${bytes}$2`);
    if (next !== html) {
      fs.writeFileSync(file, next);
      changed++;
    }
  }
  return changed;
}

/** Bundles the worker and writes dist/sw.js with this build's file list. */
export async function buildServiceWorker(root) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lifelines-sw-'));
  try {
    const bundled = path.join(tmp, SW_FILE);
    await esbuild({
      entryPoints: [SW_SOURCE],
      outfile: bundled,
      bundle: true,
      format: 'iife',
      minify: true,
      target: 'es2020',
      legalComments: 'none',
      // Workbox's production build: no debug logging.
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    const { count, size, warnings } = await injectManifest({ ...manifestOptions(root), swSrc: bundled, swDest: path.join(root, SW_FILE) });
    if (warnings.length) throw new Error(`workbox-build: ${warnings.join('; ')}`);
    return { count, storedBytes: size, workerBytes: fs.statSync(path.join(root, SW_FILE)).size };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
