/**
 * The HTTP headers the site is served with, as `npm start` and `npm run
 * preview` serve it (from the build's _headers file, the one real hosts read),
 * for a story page, an embed and a hashed asset; the same headers in the nginx
 * snippet; and what they do in a browser: an embed loads in a page on another
 * site, the story refuses to be framed there.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';
import { LOCALES, pageUrl, sitePathOf } from './locales';
import { readMetaCsp, parseHeadersFile, headersForPath } from '../../scripts/lib/headers.mjs';

const siteUrl = inject('siteUrl');
const dist = resolve(process.env.DIST_DIR ?? 'dist');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function served(url: string) {
  const res = await fetch(url);
  return { status: res.status, headers: res.headers, body: await res.text() };
}

/** A hashed script the story page loads. */
async function hashedAsset(): Promise<string> {
  const html = (await served(siteUrl)).body;
  const src = /<(?:script|link)[^>]+(?:src|href)="([^"]*\/_astro\/[^"]+\.(?:js|css))"/.exec(html)?.[1];
  if (!src) throw new Error('the story page loads nothing from _astro/');
  return new URL(src, siteUrl).href;
}

const COMMON = {
  'strict-transport-security': /^max-age=(\d+)$/,
  'x-content-type-options': /^nosniff$/,
  'referrer-policy': /^strict-origin-when-cross-origin$/,
  'permissions-policy': /(^|, )camera=\(\)(,|$)/,
};

function expectCommon(headers: Headers, what: string) {
  for (const [name, pattern] of Object.entries(COMMON)) expect(headers.get(name), `${name} on ${what}`).toMatch(pattern);
  expect(Number(/max-age=(\d+)/.exec(headers.get('strict-transport-security')!)![1])).toBeGreaterThanOrEqual(31536000);
}

describe('served headers', () => {
  it('a story page: the CSP of its meta tag plus frame-ancestors none, the common headers, a short cache', async () => {
    for (const path of LOCALES.flatMap((l) => [sitePathOf(l, ''), sitePathOf(l, 'scenarios/')])) {
      const { status, headers, body } = await served(siteUrl + path);
      expect(status, `/${path}`).toBe(200);
      const meta = readMetaCsp(body);
      expect(meta).toMatch(/worker-src 'self'/);
      expect(headers.get('content-security-policy')).toBe(`${meta}; frame-ancestors 'none'`);
      expectCommon(headers, path || 'the story');
      expect(headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('an embed page, in either language: the CSP of its meta tag plus frame-ancestors *', async () => {
    for (const locale of LOCALES) {
      const { status, headers, body } = await served(pageUrl(locale, 'embed/map-mali/'));
      expect(status, `${locale} embed`).toBe(200);
      expect(headers.get('content-security-policy')).toBe(`${readMetaCsp(body)}; frame-ancestors *`);
      expectCommon(headers, `an embed (${locale})`);
      expect(headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('a hashed asset: cached for a year, immutable; the service worker and unhashed files: revalidated', async () => {
    const asset = await served(await hashedAsset());
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expectCommon(asset.headers, 'a hashed asset');
    for (const path of ['sw.js', 'manifest.webmanifest', 'favicon-32.png']) {
      const { status, headers } = await served(siteUrl + path);
      expect(status, path).toBe(200);
      expect(headers.get('cache-control'), path).toBe('no-cache');
      expectCommon(headers, path);
    }
  });

  it('are exactly what dist/_headers says, and the nginx snippet says the same', async () => {
    const rules = parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8'));
    const nginx = readFileSync(join(dist, '_nginx.conf'), 'utf8');
    const asset = new URL(await hashedAsset()).pathname;
    const base = new URL(siteUrl).pathname;
    const checked = [base, `${base}embed/map-mali/`, `${base}fr/`, `${base}fr/embed/map-mali/`, asset, `${base}sw.js`];
    for (const path of checked) {
      const { headers } = await served(new URL(path, siteUrl).href);
      const expected = headersForPath(rules, path);
      expect(Object.keys(expected).length, path).toBeGreaterThanOrEqual(5);
      for (const [name, value] of Object.entries(expected)) {
        expect(headers.get(name), `${name} on ${path}`).toBe(value);
        // nginx: the location block for this path sets the same header to the same value.
        const location = path.endsWith('/') ? `= ${path}index.html` : path.startsWith(`${base}_astro/`) ? `^~ ${base}_astro/` : `= ${path}`;
        const block = nginx.split('\n}\n').find((b) => b.includes(`location ${location} {`));
        expect(block, `nginx location ${location}`).toBeDefined();
        expect(block, `nginx ${name} for ${path}`).toContain(`add_header ${name} "${value.replace(/"/g, '\\"')}" always;`);
      }
    }
    // The host's configuration is read by the host, not served.
    expect((await served(`${siteUrl}_headers`)).status).toBe(404);
    expect((await served(`${siteUrl}_nginx.conf`)).status).toBe(404);
  });
});

/** A newspaper's page on another site (127.0.0.2), framing an embed and the story. */
function startHost(html: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.2', () => {
      const { port } = server.address() as { port: number };
      done({
        url: `http://127.0.0.2:${port}/`,
        close: () =>
          new Promise<void>((closed) => {
            server.close(() => closed());
            server.closeAllConnections();
          }),
      });
    });
  });
}

describe('framing', () => {
  it('an embed loads in a page on another site; the story is refused there', { timeout: 60_000 }, async () => {
    const host = await startHost(
      `<!doctype html><title>A newspaper</title><h1>Our article</h1>` +
        `<iframe name="embed" title="Embed" src="${siteUrl}embed/fuel-prices/" width="600" height="500"></iframe>` +
        `<iframe name="story" title="Story" src="${siteUrl}" width="600" height="500"></iframe>`,
    );
    const context = await browser.newContext();
    const page = await context.newPage();
    const messages: string[] = [];
    page.on('console', (m) => messages.push(m.text()));
    try {
      await page.goto(host.url, { waitUntil: 'load' });
      const embed = page.frame({ name: 'embed' })!;
      await embed.waitForSelector('h1');
      expect(await embed.locator('h1').textContent()).toMatch(/\S/);
      expect(await embed.locator('svg').count()).toBeGreaterThan(0);
      const story = page.frame({ name: 'story' })!;
      await expect.poll(() => story.url()).toMatch(/^chrome-error:/);
      expect(await story.locator('[data-step]').count()).toBe(0);
      expect(messages.join('\n')).toMatch(/frame-ancestors 'none'/);
    } finally {
      await context.close();
      await host.close();
    }
  });
});
