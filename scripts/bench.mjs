// `npm run bench`: Lighthouse (mobile and desktop) on the built pages, served
// locally under BASE_PATH. A benchmark, not a test: missed targets are
// flagged but exit 0; only a Lighthouse (or scroll-benchmark) failure exits 1.
//
// Env: BENCH_PAGES=/,/story/   pages to run, relative to BASE_PATH
//      BENCH_FORM_FACTORS=mobile   subset of "mobile,desktop"
//      BENCH_PORT=4399          fixed port (default: any free port)
//      BENCH_OUT=dir            where to write results (default bench-results/)
//      CHROME_PATH              browser to use (default /usr/bin/chromium if present)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { basePath, displayPath, distDir, listHtmlPages, pageUrlPath, repoRoot } from './lib/dist.mjs';
import { startStaticServer } from './lib/static-server.mjs';

const MAX_PAGES = 12; // ~15 s per run, two runs per page: keep a bench under ~6 min
const RUN_TIMEOUT_MS = 180_000;
const TARGETS = { performance: 98, accessibility: 100, bestPractices: 100, seo: 100, cls: 0 };
const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
].join(' ');

const outDir = process.env.BENCH_OUT ? path.resolve(process.env.BENCH_OUT) : path.join(repoRoot, 'bench-results');
const rawDir = path.join(outDir, 'raw');

function fail(message) {
  console.error(message);
  process.exit(1);
}

const root = distDir();
const base = basePath();
if (listHtmlPages(root).length === 0) fail(`No HTML pages found in ${root}: run npm run build first.`);

// Lighthouse 13 refuses Node < 22.19, and a bare `node scripts/bench.mjs` may
// be the system Node 20: run its CLI on the project's pinned Node when present.
const require = createRequire(import.meta.url);
const lhDir = path.dirname(require.resolve('lighthouse/package.json'));
const lhCli = path.join(lhDir, require('lighthouse/package.json').bin.lighthouse);
const pinnedNode = path.join(repoRoot, 'node_modules', '.bin', 'node');
const nodeBin = fs.existsSync(pinnedNode) ? pinnedNode : process.execPath;

const chromeEnv = { ...process.env };
if (!chromeEnv.CHROME_PATH && fs.existsSync('/usr/bin/chromium')) chromeEnv.CHROME_PATH = '/usr/bin/chromium';

function benchPages() {
  if (process.env.BENCH_PAGES) {
    // Paths are relative to the site root under BASE_PATH ("/story/" means
    // "/lifelines/story/"), so the same list works for every deployment.
    return process.env.BENCH_PAGES.split(',')
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => (base !== '/' && p.startsWith(base) ? p : base + p.replace(/^\/+/, '')));
  }
  // The 404 page and embeds (in either language) aren't reader-facing first views worth scoring.
  // The French story comes second, after the English one, so the page cap never leaves it out.
  const scored = listHtmlPages(root).filter((rel) => rel !== '404.html' && !/^(?:fr\/)?embed\//.test(rel));
  const frenchStory = scored.filter((rel) => rel === 'fr/index.html');
  return [...scored.filter((rel) => rel === 'index.html'), ...frenchStory, ...scored.filter((rel) => rel !== 'index.html' && rel !== 'fr/index.html')]
    .slice(0, MAX_PAGES)
    .map((rel) => pageUrlPath(rel, base));
}

const formFactors = (process.env.BENCH_FORM_FACTORS ?? 'mobile,desktop')
  .split(',')
  .map((f) => f.trim())
  .filter((f) => f === 'mobile' || f === 'desktop');

function runLighthouse(url, formFactor, reportPath) {
  const args = [
    lhCli,
    url,
    '--output=json',
    `--output-path=${reportPath}`,
    '--quiet',
    `--chrome-flags=${CHROME_FLAGS}`,
    '--only-categories=performance,accessibility,best-practices,seo',
    formFactor === 'desktop' ? '--preset=desktop' : '--form-factor=mobile',
  ];
  return new Promise((resolve) => {
    const child = spawn(nodeBin, args, { env: chromeEnv, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: -1, stderr: err.message });
    });
  });
}

const score = (lhr, id) => {
  const s = lhr.categories[id]?.score;
  return s == null ? null : Math.round(s * 100);
};

// Audits that cost points, so a flagged score says what to fix without
// opening the raw report.
function failingAudits(lhr) {
  const out = [];
  for (const id of ['accessibility', 'best-practices', 'seo']) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit?.score != null && audit.score < 1) out.push(ref.id);
    }
  }
  return [...new Set(out)];
}

function summarize(page, formFactor, lhr) {
  const num = (id) => lhr.audits[id]?.numericValue ?? null;
  const round = (v, d = 0) => (v == null ? null : Number(v.toFixed(d)));
  return {
    page,
    formFactor,
    performance: score(lhr, 'performance'),
    accessibility: score(lhr, 'accessibility'),
    bestPractices: score(lhr, 'best-practices'),
    seo: score(lhr, 'seo'),
    lcpMs: round(num('largest-contentful-paint')),
    cls: round(num('cumulative-layout-shift'), 4),
    tbtMs: round(num('total-blocking-time')),
    totalBytes: round(num('total-byte-weight')),
    date: lhr.fetchTime ?? new Date().toISOString(),
    failingAudits: failingAudits(lhr),
  };
}

function misses(r) {
  const m = [];
  const below = (name, value, target) => {
    if (value == null || value < target) m.push(`${name} ${value ?? 'n/a'} < ${target}`);
  };
  below('performance', r.performance, TARGETS.performance);
  below('accessibility', r.accessibility, TARGETS.accessibility);
  below('best practices', r.bestPractices, TARGETS.bestPractices);
  below('SEO', r.seo, TARGETS.seo);
  if (r.cls == null || r.cls > TARGETS.cls) m.push(`CLS ${r.cls ?? 'n/a'} > ${TARGETS.cls}`);
  return m;
}

function markdownTable(results) {
  const head = ['page', 'form factor', 'perf', 'a11y', 'best pr.', 'SEO', 'LCP ms', 'CLS', 'TBT ms', 'KB'];
  const v = (x) => (x == null ? 'n/a' : String(x));
  const rows = results.map((r) => [
    r.page,
    r.formFactor,
    v(r.performance),
    v(r.accessibility),
    v(r.bestPractices),
    v(r.seo),
    v(r.lcpMs),
    v(r.cls),
    v(r.tbtMs),
    r.totalBytes == null ? 'n/a' : (r.totalBytes / 1024).toFixed(1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

fs.mkdirSync(rawDir, { recursive: true });
const server = await startStaticServer({ root, base, port: Number(process.env.BENCH_PORT ?? 0) });
const pages = benchPages();
console.log(`Lighthouse on ${pages.length} page(s) × ${formFactors.join('+')} at ${server.url} (≈15 s a run)`);

const results = [];
const failures = [];
let scroll;
try {
  for (const page of pages) {
    for (const formFactor of formFactors) {
      const slug = page.replace(/^\/|\/$/g, '').replace(/[^\w.-]+/g, '_') || 'home';
      const reportPath = path.join(rawDir, `${slug}.${formFactor}.json`);
      fs.rmSync(reportPath, { force: true });
      const started = Date.now();
      const run = await runLighthouse(server.origin + page, formFactor, reportPath);
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      let lhr = null;
      try {
        lhr = JSON.parse(fs.readFileSync(reportPath, 'utf8'));
      } catch {
        /* handled below */
      }
      if (run.code !== 0 || !lhr || lhr.runtimeError) {
        const why = lhr?.runtimeError?.message ?? (run.signal ? `killed (${run.signal})` : `exit ${run.code}`);
        failures.push(`${page} (${formFactor}): Lighthouse failed: ${why}\n${run.stderr.trim().split('\n').slice(-5).join('\n')}`);
        console.log(`  ${page} ${formFactor}: FAILED after ${secs} s`);
        continue;
      }
      const r = summarize(page, formFactor, lhr);
      results.push(r);
      console.log(`  ${page} ${formFactor}: perf ${r.performance}, a11y ${r.accessibility}, bp ${r.bestPractices}, seo ${r.seo} (${secs} s)`);
    }
  }

  // Hook for the scroll benchmark (written separately): runs against the
  // same server while it is still up; results land under "scroll".
  // BENCH_SCROLL_MODULE points elsewhere only to try the hook out.
  const scrollBench = path.resolve(process.env.BENCH_SCROLL_MODULE ?? path.join(repoRoot, 'scripts', 'bench-scroll.mjs'));
  if (fs.existsSync(scrollBench)) {
    console.log(`Running ${displayPath(scrollBench)}…`);
    try {
      const mod = await import(pathToFileURL(scrollBench).href);
      scroll = await mod.default(server.url);
    } catch (err) {
      scroll = { error: String(err?.stack ?? err) };
      failures.push(`bench-scroll.mjs failed: ${err?.message ?? err}`);
    }
  }
} finally {
  await server.close();
}

// An object rather than a bare array so the scroll benchmark has a place
// next to the Lighthouse results.
const report = { date: new Date().toISOString(), base, results, ...(scroll !== undefined ? { scroll } : {}) };
fs.writeFileSync(path.join(outDir, 'lighthouse.json'), JSON.stringify(report, null, 2) + '\n');
const table = markdownTable(results);
const scrollSection = Array.isArray(scroll)
  ? `\n## Long tasks while scrolling the story (4x CPU throttling; target: none over 50 ms)\n\n| story | viewport | start | panel ready | long tasks while scrolling (ms) | max | before scrolling (ms) |\n|---|---|---|---|---|---|---|\n${scroll
      .map((r) => `| ${r.lang ?? 'en'} | ${r.viewport} | ${r.start} | ${r.panelReadyMs ?? '–'} ms | ${r.scrollLongTasksMs.join(', ') || 'none'} | ${r.maxScrollTaskMs} | ${r.loadLongTasksMs.join(', ') || 'none'} |`)
      .join('\n')}\n`
  : '';
fs.writeFileSync(
  path.join(outDir, 'lighthouse.md'),
  `# Lighthouse ${report.date}\n\nTargets: performance ≥ ${TARGETS.performance}, accessibility = best practices = SEO = 100, CLS = 0.\n\n${table}\n${scrollSection}`,
);
console.log(`\n${table}\n`);

let missed = 0;
for (const r of results) {
  const m = misses(r);
  if (m.length === 0) continue;
  missed++;
  const audits = r.failingAudits.length ? ` [failing audits: ${r.failingAudits.join(', ')}]` : '';
  console.log(`BELOW TARGET: ${r.page} (${r.formFactor}): ${m.join('; ')}${audits}`);
}
if (results.length && missed === 0) console.log(`All targets met (${results.length} runs).`);
console.log(`Wrote ${displayPath(outDir)}/lighthouse.json and lighthouse.md (raw reports in ${displayPath(rawDir)}/)`);

if (failures.length) {
  console.error(`\n${failures.length} failure(s):\n${failures.join('\n')}`);
  process.exit(1);
}
