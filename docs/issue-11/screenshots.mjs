#!/usr/bin/env node
// Screenshots of story steps at a phone and a desktop viewport, with the legibility figures of each
// (issue 11: "before" and "after" shots for the closing note).
//
//   cd <repo> && node screenshots.mjs <dist-dir> <out-dir> [step-id,step-id,...]
//
// Serves <dist-dir> with the repo's own static server (scripts/lib/static-server.mjs, BASE_PATH as
// usual), opens each step by its deep link (/#<step-id>) in Chromium at 360x740 and 1280x800, waits
// as tests/browser/legibility.test.ts does (step active, zoom over, fonts, transitions ended), and
// saves a viewport screenshot as <out-dir>/<step-id>-<width>.png. The measurements, made with
// tests/browser/legibility.ts (bundled on the fly with the repo's esbuild), are printed and written
// to <out-dir>/figures.md. The repo is the current directory, or REPO=<path>.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [distArg, outArg, stepsArg] = process.argv.slice(2);
if (!distArg || !outArg) {
  console.error('usage: node screenshots.mjs <dist-dir> <out-dir> [step-id,step-id,...]  (run in the repo, or set REPO)');
  process.exit(2);
}
const repo = path.resolve(process.env.REPO ?? process.cwd());
const dist = path.resolve(distArg);
const out = path.resolve(outArg);
if (!fs.existsSync(path.join(repo, 'tests/browser/legibility.ts'))) {
  console.error(`${repo} has no tests/browser/legibility.ts: run this in the repo or set REPO.`);
  process.exit(2);
}
if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error(`${dist}/index.html is missing: build the site first.`);
  process.exit(2);
}
const STEPS = stepsArg
  ? stepsArg.split(',').map((s) => s.trim()).filter(Boolean)
  : ['landlocked', 'blockade-announced', 'south-corridor', 'queues', 'power-cuts', 'pressure-2025'];
const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
];

const require = createRequire(path.join(repo, 'package.json'));
const { chromium } = require('playwright-core');
const esbuild = require('esbuild');

// The shared measuring module is TypeScript: bundle it to a temporary ES module.
const bundled = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'legibility-')), 'legibility.mjs');
await esbuild.build({
  entryPoints: [path.join(repo, 'tests/browser/legibility.ts')],
  bundle: true,
  format: 'esm',
  platform: 'node',
  external: ['playwright-core'],
  outfile: bundled,
  logLevel: 'warning',
});
const L = await import(pathToFileURL(bundled).href);

process.env.DIST_DIR = dist;
const { startStaticServer } = await import(pathToFileURL(path.join(repo, 'scripts/lib/static-server.mjs')).href);
const server = await startStaticServer({ root: dist, port: 0 });

const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && fs.existsSync(p));
const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

fs.mkdirSync(out, { recursive: true });
const entries = [];
try {
  for (const { width, height } of VIEWPORTS) {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    for (const id of STEPS) {
      await L.openStep(page, server.url, id);
      const measurement = await L.measureStory(page);
      const file = path.join(out, `${id}-${width}.png`);
      await page.screenshot({ path: file });
      entries.push({ page: `story #${id}`, width, height, measurement, graphicShare: true });
      const row = L.summaryRow(measurement);
      console.log(`${path.relative(process.cwd(), file)}: graphic ${row.share} of viewport height, ${row.texts} texts, smallest ${row.smallest}, ${row.overlaps} overlapping pairs`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
fs.writeFileSync(path.join(out, 'figures.md'), L.formatReport(entries, `Screenshots of ${dist}`));
console.log(`figures: ${path.join(out, 'figures.md')}`);
