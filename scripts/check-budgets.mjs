// `npm run test:budget`: fail when a built page's first view (HTML + what
// the browser fetches on load, gzip) exceeds its budget or requests anything
// off-site. See lib/first-view.mjs for what counts as "first view".
// `--details` also lists each page's resources, heaviest first.
import { basePath, displayPath, distDir, listHtmlPages } from './lib/dist.mjs';
import { budgetFor, checkBudget, loadBudgets, missingTwins } from './lib/budgets.mjs';
import { computeFirstView } from './lib/first-view.mjs';
import { builtEditions, formatSize, offlineFiles, workerFile } from './lib/offline.mjs';
import fs from 'node:fs';
import path from 'node:path';

const root = distDir();
const pages = listHtmlPages(root);
if (pages.length === 0) {
  console.error(`No HTML pages found in ${root}: run npm run build first.`);
  process.exit(1);
}

const details = process.argv.includes('--details');
const budgets = loadBudgets();
const cache = new Map(); // shared chunks are gzipped once, not once per page
const kb = (n) => (n / 1024).toFixed(1);

// Absolute URLs on the site's own origin are local; the fallback mirrors
// astro.config.mjs so a build without SITE_URL is judged consistently.
const siteUrl = process.env.SITE_URL ?? 'http://localhost:4321';

const rows = [];
// Every English page's French twin is measured too: one that was not built is a failure, not a pass.
const failures = missingTwins(pages);
for (const page of pages) {
  const result = computeFirstView({ distDir: root, page, base: basePath(), siteUrl, cache });
  const budget = budgetFor(page, budgets);
  const problems = checkBudget(result, budget);
  const t = result.totals;
  rows.push([page, kb(t.html), kb(t.css), kb(t.js), kb(t.other), kb(t.total), `${budget.totalKB}/${budget.jsKB} JS`, problems.length ? 'FAIL' : 'ok']);
  for (const p of problems) failures.push(`${page}: ${p}`);
  if (details) {
    for (const r of [...result.resources].sort((a, b) => b.bytes - a.bytes)) {
      rows.push([`  ${r.file}`, '', '', '', '', kb(r.bytes), r.type, '']);
    }
  }
}

// Plain aligned table: readable in a terminal and in CI logs alike.
const header = ['page', 'html KB', 'css KB', 'js KB', 'other KB', 'total KB', 'budget KB', 'status'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));

// Offline reading: what an edition's service worker downloads in the background after the first view. A
// reader saves the edition they read (its pages and figures with the shared CSS, JS and icons), each held to
// the cap.
if (fs.existsSync(path.join(root, 'sw.js'))) {
  const limit = budgets.offline.totalKB;
  for (const { locale } of builtEditions(root)) {
    if (!fs.existsSync(path.join(root, workerFile(locale)))) failures.push(`no ${workerFile(locale)}: the ${locale} edition has no offline worker`);
    const offline = await offlineFiles(root, locale);
    console.log(`${locale === 'en' ? '\n' : ''}offline reading (${locale}): ${offline.entries.length} files, ${formatSize(offline.bytes)} to download (budget ${limit} KB)`);
    if (offline.bytes > limit * 1024) failures.push(`offline reading, ${locale} edition: ${kb(offline.bytes)} KB > ${limit} KB`);
  }
} else {
  failures.push('no sw.js: the build did not run scripts/finish-build.mjs (npm run build does)');
}

const shown = displayPath(root);
if (failures.length) {
  console.error(`\nFirst-view budget broken (${failures.length} problem(s), gzip level 9, ${shown}/):`);
  for (const f of failures) console.error(`  ${f}`);
  process.exit(1);
}
console.log(`\nFirst-view budgets met: ${pages.length} pages (gzip level 9, ${shown}/)`);
