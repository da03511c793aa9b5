// Shared knowledge about the built site: where it is, which base path it is
// served under, and which HTML pages it contains. Every script goes through
// these helpers so that DIST_DIR / BASE_PATH mean the same thing everywhere.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The editions of the site, by the folder of dist/ they live in: English at the root, French under fr/.
 * Pages, budgets and offline reading all sort files by these.
 */
export const EDITIONS = [
  { locale: 'en', prefix: '' },
  { locale: 'fr', prefix: 'fr/' },
];

/** The edition a file belongs to, by its path relative to dist: "fr/index.html" is French, the rest English. */
export function editionOf(rel) {
  return EDITIONS.find((e) => e.prefix && rel.startsWith(e.prefix)) ?? EDITIONS[0];
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// DIST_DIR lets the scripts be exercised on a throwaway build (e.g. in /tmp)
// without touching the real dist/. Relative values are taken from the cwd,
// like any other CLI path; the default is the repo's own dist/.
export function distDir() {
  return process.env.DIST_DIR ? path.resolve(process.env.DIST_DIR) : path.join(repoRoot, 'dist');
}

// Astro accepts "lifelines", "/lifelines" or "/lifelines/"; URLs need exactly
// one leading and one trailing slash to be joined safely.
export function normalizeBase(base = '/') {
  const trimmed = String(base).trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export function basePath() {
  return normalizeBase(process.env.BASE_PATH ?? '/');
}

// Sorted list of built pages as POSIX paths relative to dist
// (e.g. "index.html", "embed/map/index.html"), so output and page order are
// stable across machines.
export function listHtmlPages(dir = distDir()) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort((a, b) => pageSortKey(a).localeCompare(pageSortKey(b)));
}

// Home page first, then by path: the natural order for humans reading tables.
function pageSortKey(rel) {
  return rel === 'index.html' ? '' : rel;
}

// "story/index.html" -> "/base/story/", "404.html" -> "/base/404.html":
// the URL a browser would request for a built file.
export function pageUrlPath(rel, base = basePath()) {
  const b = normalizeBase(base);
  if (rel === 'index.html') return b;
  if (rel.endsWith('/index.html')) return b + rel.slice(0, -'index.html'.length);
  return b + rel;
}

// Paths in messages: relative when under the cwd (short, clickable in
// editors), absolute otherwise (e.g. a DIST_DIR in /tmp).
export function displayPath(p) {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}
