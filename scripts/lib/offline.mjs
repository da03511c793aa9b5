// Offline reading: which built files the service worker keeps on the reader's
// device, how much they weigh, and the worker itself (src/offline/sw.js
// bundled by esbuild, its file list injected by Workbox's workbox-build).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { getManifest, injectManifest } from 'workbox-build';
import { EDITIONS, repoRoot } from './dist.mjs';

export const SW_FILE = 'sw.js';
export const SW_SOURCE = path.join(repoRoot, 'src/offline/sw.js');

/*
 * Each edition (dist.mjs) has its own worker: English at the root (dist/sw.js, scope "/"), French under fr/
 * (dist/fr/sw.js, scope "/fr/"). A reader saves the edition they read, not both: on a slow or costly
 * connection, the other language's pages would double the download for nothing. Only the shared files
 * (CSS, JS, icons) are in both lists.
 */

/** The editions this build has (an edition is built when its offline page is). */
export function builtEditions(root) {
  return EDITIONS.filter((e) => fs.existsSync(path.join(root, e.prefix, 'offline', 'index.html')));
}

function editionByLocale(locale) {
  const edition = EDITIONS.find((e) => e.locale === locale);
  if (!edition) throw new Error(`offline reading: no edition "${locale}"`);
  return edition;
}

/** Where an edition's worker is written, relative to dist: "sw.js", "fr/sw.js". */
export function workerFile(locale) {
  return `${editionByLocale(locale).prefix}${SW_FILE}`;
}

// What a reader gets offline, relative to dist, in their edition: the story with
// the standalone figures its steps show (see offlineIgnores for the few left
// out), the scenario explorer, the glossary, the sources page, the short links
// that lead into the story, the page shown for anything else and the web app
// manifest; all the site's CSS and JS (small and hashed); the icons. Not saved: downloads (PNG,
// CSV), link previews, embed pages, the classroom pages, the single-file
// edition.
export function offlineGlobPatterns(root, locale = 'en') {
  const { prefix } = editionByLocale(locale);
  const patterns = [
    `${prefix}index.html`,
    `${prefix}scenarios/index.html`,
    `${prefix}glossary/index.html`,
    `${prefix}sources/index.html`,
    `${prefix}offline/index.html`,
    `${prefix}c/*/index.html`,
    `${prefix}figures/*.svg`,
    `${prefix}manifest.webmanifest`,
  ];
  return [...patterns, '_astro/**/*.{js,css}', 'favicon-32.png', 'favicon.svg', 'icons/*.png'];
}

/**
 * A map's phone figure shows only without JavaScript on a screen under 36rem,
 * and without JavaScript there is no service worker to read it from: not
 * saved (they are a sixth of the story's bytes). A chart's phone figure is
 * its screen figure at every width (printed, the wide one), so it is saved.
 */
export function offlineIgnores(root, locale = 'en') {
  const { prefix } = editionByLocale(locale);
  const dir = path.join(root, prefix, 'figures');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('-narrow.svg') && fs.readFileSync(path.join(dir, name), 'utf8').includes('class="graphic-map"'))
    .map((name) => `${prefix}figures/${name}`);
}

function gzipBytes(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

function manifestOptions(root, locale, forWorker = false) {
  const { prefix } = editionByLocale(locale);
  return {
    globDirectory: root,
    // A pattern that matches nothing stops the build (workbox-build warns, and warnings are errors here).
    globPatterns: offlineGlobPatterns(root, locale),
    globIgnores: [SW_FILE, `${prefix}${SW_FILE}`, ...offlineIgnores(root, locale)],
    // Hashed files never change under their name: keyed by address alone.
    dontCacheBustURLsMatching: /^_astro\//,
    maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
    // Each entry also carries its download size (gzip, as every host sends it), for the progress shown to
    // the reader; Workbox keeps fields it does not know. In the worker's own list, addresses are relative to
    // the worker's folder ("index.html", "../_astro/…" for fr/sw.js), as the worker resolves them.
    manifestTransforms: [
      async (entries) => ({
        manifest: entries.map((e) => ({
          ...e,
          url: forWorker && prefix ? path.posix.relative(prefix.slice(0, -1), e.url) : e.url,
          bytes: gzipBytes(path.join(root, e.url)),
        })),
        warnings: [],
      }),
    ],
  };
}

/**
 * The files one edition's reader saves for offline reading (addresses relative to dist), and their total
 * download size (gzip) and stored size.
 */
export async function offlineFiles(root, locale = 'en') {
  const { manifestEntries, size, warnings } = await getManifest(manifestOptions(root, locale));
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

/** Bundles the worker and writes one edition's (dist/sw.js, dist/fr/sw.js) with that edition's file list. */
export async function buildServiceWorker(root, locale = 'en') {
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
    const swDest = path.join(root, workerFile(locale));
    const { count, size, warnings } = await injectManifest({ ...manifestOptions(root, locale, true), swSrc: bundled, swDest });
    if (warnings.length) throw new Error(`workbox-build: ${warnings.join('; ')}`);
    return { count, storedBytes: size, workerBytes: fs.statSync(swDest).size };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
