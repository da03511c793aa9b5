// First-view weight and budgets, checked on a tiny fake build in a temp dir.
// Expected sizes are computed here with zlib (not copied from a run), so a
// change in what the scanner counts makes these tests fail.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  computeFirstView,
  extractCssRefs,
  extractJsImports,
  parseSrcset,
} from '../../scripts/lib/first-view.mjs';
import { budgetFor, checkBudget, loadBudgets, missingTwins, DEFAULT_BUDGETS } from '../../scripts/lib/budgets.mjs';

let dist = '';
let tmp = '';

function write(rel: string, content: string | Buffer) {
  const file = path.join(dist, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}
const gz = (rel: string) => zlib.gzipSync(fs.readFileSync(path.join(dist, rel)), { level: 9 }).length;
const sum = (rels: string[]) => rels.reduce((n, r) => n + gz(r), 0);
// Incompressible bytes: gzip cannot shrink them, so they reliably push a
// page over a budget whatever zlib version runs the test.
const noise = (bytes: number) => crypto.randomBytes(bytes).toString('base64');
const files = (r: { resources: { file: string }[] }) => r.resources.map((x) => x.file).sort();

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'first-view-'));
  dist = path.join(tmp, 'dist');

  write(
    'index.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Home</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/_astro/site.css">
<style>.hero{background:url(/img/bg.svg)}</style>
<script type="module" src="/_astro/main.js"></script>
</head><body>
<img src="/img/hero.png" srcset="/img/hero-small.png 400w, /img/hero.png 800w" alt="hero">
<img src="/img/below.png" loading="lazy" alt="below the fold">
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">
<picture><source srcset="/img/p.avif" type="image/avif"><img src="/img/p.jpg" alt="p"></picture>
<!-- <img src="/img/commented.png"> -->
<div data-first-view="/geo/mali.json"></div>
<iframe src="/embed/chart/" title="chart"></iframe>
<iframe src="/embed/other/" loading="lazy" title="lazy chart"></iframe>
</body></html>`,
  );
  write('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>');
  write('_astro/site.css', `@import "./fonts.css";\n.a{background:url(../img/tile.png)}\n.b{fill:url(#grad)}`);
  write(
    '_astro/fonts.css',
    '@font-face{font-family:Body;src:url(/fonts/body.woff2) format("woff2"),url(/fonts/body.woff) format("woff")}',
  );
  write('fonts/body.woff2', noise(3000));
  write('fonts/body.woff', noise(5000));
  write('_astro/main.js', `import{a as b}from"./dep.js";b();import("./lazy-chunk.js").then(m=>m.x());`);
  write('_astro/dep.js', `export*from"./deep.js";export const a=()=>console.log("dep ${noise(300)}");`);
  write('_astro/deep.js', `export const deep="${noise(500)}";`);
  write('_astro/lazy-chunk.js', `export const x=()=>"${noise(20000)}";`);
  write('img/bg.svg', '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
  write('img/tile.png', noise(700));
  write('img/hero.png', noise(4000));
  write('img/hero-small.png', noise(1500));
  write('img/below.png', noise(30000));
  write('img/p.avif', noise(900));
  write('img/p.jpg', noise(2500));
  write('geo/mali.json', JSON.stringify({ type: 'FeatureCollection', features: [], pad: noise(1200) }));

  // Eager same-site iframe: its own first view is part of the parent's.
  write(
    'embed/chart/index.html',
    `<!doctype html><html lang="en"><head><title>Chart</title><link rel="stylesheet" href="/_astro/site.css">
<script type="module">import "/_astro/chart.js";</script></head><body></body></html>`,
  );
  write('_astro/chart.js', `import "./dep.js";console.log("chart");`);
  write('embed/other/index.html', `<!doctype html><title>Other</title><img src="/img/below.png" alt="">`);

  // Off-site script: must fail whatever its size.
  write(
    'story/index.html',
    `<!doctype html><title>Story</title><script src="https://cdn.example.com/lib.js"></script><link rel="stylesheet" href="//fonts.example.com/css">`,
  );
  write('broken/index.html', `<!doctype html><title>Broken</title><img src="/img/nope.png" alt="">`);
  write('heavy/index.html', `<!doctype html><title>Heavy</title><script type="module" src="/_astro/heavy.js"></script>`);
  write('_astro/heavy.js', `export const h="${noise(45 * 1024)}";`);
  write('embed/big/index.html', `<!doctype html><title>Big</title><img src="/img/big.png" alt="">`);
  write('img/big.png', noise(45 * 1024));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('parsers', () => {
  it('parses srcset candidates, including URLs with commas', () => {
    expect(parseSrcset('a.png 400w, b.png 800w')).toEqual(['a.png', 'b.png']);
    expect(parseSrcset('a.png 1x,b.png 2x')).toEqual(['a.png', 'b.png']);
    expect(parseSrcset('/img/x,y.png 1x, z.png')).toEqual(['/img/x,y.png', 'z.png']);
  });

  it('finds static imports and re-exports but not dynamic import()', () => {
    const js = `import{t as e}from"./a.js";import "./b.js";export*from'./c.js';export{x}from"/d.js";import("./lazy.js");import.meta.url;import d3 from "d3";`;
    expect(extractJsImports(js)).toEqual(['./a.js', './b.js', './c.js', '/d.js']);
  });

  it('finds CSS imports and urls, first @font-face source only, no fragments', () => {
    const css = `@import url("x.css");/* url(c.png) */@font-face{src:url(f.woff2) format("woff2"),url(f.woff)} a{background:url('i.png')} b{fill:url(#g)}`;
    expect(extractCssRefs(css)).toEqual({ imports: ['x.css'], urls: ['f.woff2', 'i.png'] });
  });
});

describe('computeFirstView', () => {
  it('counts the HTML and everything fetched on load, once each', () => {
    const r = computeFirstView({ distDir: dist, page: 'index.html' });
    const expected = [
      'index.html',
      'favicon.svg',
      '_astro/site.css',
      '_astro/fonts.css',
      'fonts/body.woff2',
      'img/tile.png',
      'img/bg.svg',
      '_astro/main.js',
      '_astro/dep.js',
      '_astro/deep.js',
      'img/hero.png', // the largest srcset candidate, not hero-small.png
      'img/p.jpg', // the heavier of the <picture> candidates
      'geo/mali.json',
      'embed/chart/index.html',
      '_astro/chart.js',
    ];
    expect(r.errors).toEqual([]);
    expect(files(r)).toEqual([...expected].sort());
    expect(r.totals.total).toBe(sum(expected));
    expect(r.totals.js).toBe(sum(['_astro/main.js', '_astro/dep.js', '_astro/deep.js', '_astro/chart.js']));
    expect(r.totals.css).toBe(sum(['_astro/site.css', '_astro/fonts.css']));
    expect(r.totals.html).toBe(sum(['index.html', 'embed/chart/index.html']));
    expect(r.totals.html + r.totals.css + r.totals.js + r.totals.other).toBe(r.totals.total);
  });

  it('does not count lazy images, lazy iframes, dynamic imports or commented markup', () => {
    const r = computeFirstView({ distDir: dist, page: 'index.html' });
    for (const f of ['img/below.png', 'embed/other/index.html', '_astro/lazy-chunk.js', 'fonts/body.woff', 'img/hero-small.png']) {
      expect(files(r)).not.toContain(f);
    }
  });

  it('reports external requests', () => {
    const r = computeFirstView({ distDir: dist, page: 'story/index.html' });
    expect(r.errors).toHaveLength(2);
    expect(r.errors.every((e: string) => e.startsWith('external request'))).toBe(true);
    expect(r.errors.join('\n')).toContain('https://cdn.example.com/lib.js');
    expect(checkBudget(r, DEFAULT_BUDGETS.default).length).toBeGreaterThan(0);
  });

  it('reports files missing from dist', () => {
    const r = computeFirstView({ distDir: dist, page: 'broken/index.html' });
    expect(r.errors).toEqual([expect.stringContaining('missing file: /img/nope.png')]);
  });

  it('treats absolute URLs on SITE_URL as local', () => {
    write('abs/index.html', `<!doctype html><title>Abs</title><link rel="icon" href="https://lifelines.example/favicon.svg">`);
    const local = computeFirstView({ distDir: dist, page: 'abs/index.html', siteUrl: 'https://lifelines.example/' });
    expect(local.errors).toEqual([]);
    expect(local.totals.total).toBe(sum(['abs/index.html', 'favicon.svg']));
    const other = computeFirstView({ distDir: dist, page: 'abs/index.html' });
    expect(other.errors[0]).toMatch(/^external request/);
  });

  it('resolves URLs under BASE_PATH and flags URLs outside it', () => {
    const base = path.join(tmp, 'based');
    fs.mkdirSync(path.join(base, 'story'), { recursive: true });
    fs.writeFileSync(path.join(base, 'app.js'), 'console.log(1)');
    fs.writeFileSync(
      path.join(base, 'story', 'index.html'),
      `<!doctype html><title>S</title><script src="/lifelines/app.js"></script><script src="../app.js"></script><img src="/img.png" alt="">`,
    );
    const r = computeFirstView({ distDir: base, page: 'story/index.html', base: '/lifelines/' });
    expect(files(r)).toEqual(['app.js', 'story/index.html']);
    expect(r.errors).toEqual([expect.stringContaining('outside the base path /lifelines/: /img.png')]);
  });
});

describe('budgets', () => {
  const budgets = loadBudgets(fileURLToPath(new URL('../../budgets.json', import.meta.url)));

  it('applies the embed override by page path', () => {
    expect(budgetFor('index.html', budgets)).toEqual({ totalKB: 120, jsKB: 40 });
    expect(budgetFor('embed/map/index.html', budgets)).toEqual({ totalKB: 40, jsKB: 40 });
  });

  it('holds a French page to its English twin’s budget: the French story to 120 KB, French embeds to 40 KB', () => {
    expect(budgetFor('fr/index.html', budgets)).toEqual({ totalKB: 120, jsKB: 40 });
    expect(budgetFor('fr/embed/map/index.html', budgets)).toEqual({ totalKB: 40, jsKB: 40 });
    expect(budgetFor('fr/lifelines-story.html', budgets)).toEqual(budgetFor('lifelines-story.html', budgets));
    // A folder that merely starts with "fr" is not the French edition.
    expect(budgetFor('freight/embed/index.html', budgets)).toEqual({ totalKB: 120, jsKB: 40 });
  });

  it('names every English page whose French twin was not built', () => {
    expect(missingTwins(['index.html', 'embed/map/index.html', 'fr/index.html'])).toEqual([
      expect.stringMatching(/^fr\/embed\/map\/index\.html: missing/),
    ]);
    expect(missingTwins(['index.html', 'fr/index.html'])).toEqual([]);
  });

  it('fails a page whose JavaScript is over budget', () => {
    const r = computeFirstView({ distDir: dist, page: 'heavy/index.html' });
    expect(r.totals.js).toBe(gz('_astro/heavy.js'));
    expect(r.totals.js).toBeGreaterThan(40 * 1024);
    const problems = checkBudget(r, budgetFor('heavy/index.html', budgets));
    expect(problems).toEqual([expect.stringMatching(/^JavaScript .* KB > 40 KB$/)]);
  });

  it('holds embeds to the smaller total budget', () => {
    const r = computeFirstView({ distDir: dist, page: 'embed/big/index.html' });
    expect(r.totals.total).toBe(sum(['embed/big/index.html', 'img/big.png']));
    expect(checkBudget(r, budgetFor('embed/big/index.html', budgets))).toEqual([
      expect.stringMatching(/^total .* KB > 40 KB$/),
    ]);
    // The same weight is fine for an ordinary page.
    expect(checkBudget(r, budgetFor('big/index.html', budgets))).toEqual([]);
  });

  it('passes the home page', () => {
    const r = computeFirstView({ distDir: dist, page: 'index.html' });
    expect(checkBudget(r, budgetFor('index.html', budgets))).toEqual([]);
  });
});
