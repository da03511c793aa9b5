// The HTTP headers for real hosts (scripts/lib/headers.mjs): made from a
// built site, written for Netlify/Cloudflare Pages (_headers) and nginx, and
// served by the local server exactly as written.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CACHE_CONTROL,
  COMMON_HEADERS,
  formatHeadersFile,
  formatNginx,
  frameAncestors,
  headerRules,
  headersForPath,
  overlappingHeaders,
  parseHeadersFile,
  readMetaCsp,
  writeHostHeaders,
} from '../../scripts/lib/headers.mjs';
import { startStaticServer } from '../../scripts/lib/static-server.mjs';
import { staticCss } from '../../scripts/lib/single-file.mjs';
import { formatSize } from '../../scripts/lib/offline.mjs';

const CSP = "worker-src 'self'; script-src 'self' 'sha256-abc='; style-src 'self'";
const page = (csp = CSP) => `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${csp};"><title>x</title></head><body></body></html>`;

let tmp = '';
function site(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(tmp, 'dist-'));
  for (const [rel, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), body);
  }
  return root;
}
const built = () =>
  site({
    'index.html': page(),
    'glossary/index.html': page(),
    'embed/map/index.html': page(),
    '_astro/app.A1b2C3.js': 'console.log(1)',
    'figures/map.svg': '<svg/>',
    'sw.js': '//',
    'favicon.svg': '<svg/>',
  });

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'host-headers-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('reading the CSP from a built page', () => {
  it('takes the meta tag’s policy, entities decoded, without its trailing semicolon', () => {
    expect(readMetaCsp(page())).toBe(CSP);
    expect(readMetaCsp(`<meta content="script-src &#39;self&#39;" http-equiv="Content-Security-Policy">`)).toBe("script-src 'self'");
    expect(readMetaCsp('<meta name="description" content="x">')).toBeNull();
  });

  it('lets anyone frame the embeds, and no one the rest', () => {
    expect(frameAncestors('embed/map/index.html')).toBe('*');
    expect(frameAncestors('fr/embed/map/index.html')).toBe('*');
    expect(frameAncestors('index.html')).toBe("'none'");
    expect(frameAncestors('sources/index.html')).toBe("'none'");
  });
});

describe('the rules for a built site', () => {
  it('gives each page its CSP plus frame-ancestors, hashed files a year, everything else a revalidation', () => {
    const rules = headerRules(built(), '/');
    const at = (p: string) => headersForPath(rules, p);
    expect(at('/')['Content-Security-Policy']).toBe(`${CSP}; frame-ancestors 'none'`);
    expect(at('/embed/map/')['Content-Security-Policy']).toBe(`${CSP}; frame-ancestors *`);
    expect(at('/')['Cache-Control']).toBe(CACHE_CONTROL.revalidate);
    expect(at('/_astro/app.A1b2C3.js')['Cache-Control']).toBe(CACHE_CONTROL.hashed);
    expect(at('/sw.js')['Cache-Control']).toBe(CACHE_CONTROL.revalidate);
    expect(at('/figures/map.svg')['Cache-Control']).toBe(CACHE_CONTROL.revalidate);
    for (const p of ['/', '/embed/map/', '/_astro/app.A1b2C3.js', '/sw.js', '/figures/map.svg', '/favicon.svg']) {
      for (const [name, value] of Object.entries(COMMON_HEADERS)) expect(at(p)[name], `${name} on ${p}`).toBe(value);
    }
    expect(at('/_astro/app.A1b2C3.js')['Content-Security-Policy']).toBeUndefined();
  });

  it('puts every path under the base path', () => {
    const rules = headerRules(built(), '/lifelines/');
    expect(rules.map((r) => r.path).every((p) => p.startsWith('/lifelines/'))).toBe(true);
    expect(headersForPath(rules, '/lifelines/_astro/app.A1b2C3.js')['Cache-Control']).toBe(CACHE_CONTROL.hashed);
    expect(headersForPath(rules, '/lifelines/')['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(headersForPath(rules, '/_astro/app.A1b2C3.js')).toEqual({});
  });

  it('never sets one header twice for a path, and would say so', () => {
    const root = built();
    const rules = headerRules(root, '/');
    const paths = ['/', '/glossary/', '/embed/map/', '/_astro/app.A1b2C3.js', '/sw.js', '/figures/map.svg', '/favicon.svg'];
    expect(overlappingHeaders(rules, paths)).toEqual([]);
    const overlapping = [...rules, { path: '/*', headers: { 'Cache-Control': 'max-age=60' } }];
    expect(overlappingHeaders(overlapping, ['/sw.js'])).toEqual(['/sw.js: Cache-Control from both /sw.js and /*']);
    // As Cloudflare Pages does, two values of one header are joined: the overlap shows in what is served.
    expect(headersForPath(overlapping, '/sw.js')['Cache-Control']).toBe('no-cache, max-age=60');
  });

  it('stops the build when a page has no CSP', () => {
    const root = site({ 'index.html': '<!doctype html><title>no policy</title>' });
    expect(() => headerRules(root, '/')).toThrow(/index\.html has no <meta http-equiv="content-security-policy">/);
  });
});

describe('the files written for hosts', () => {
  it('_headers reads back as the same rules', () => {
    const rules = headerRules(built(), '/');
    const back = parseHeadersFile(formatHeadersFile(rules));
    expect(back).toEqual(rules.map(({ path: p, headers }) => ({ path: p, headers })));
  });

  it('the nginx snippet lists every header in every location, pages by their index.html', () => {
    const rules = headerRules(built(), '/lifelines/');
    const nginx = formatNginx(rules, '/lifelines/');
    const blocks = nginx.split('\n}\n').filter((b) => b.includes('location '));
    expect(blocks.find((b) => b.includes('location = /lifelines/glossary/index.html {'))).toContain(`frame-ancestors 'none'" always;`);
    expect(blocks.find((b) => b.includes('location = /lifelines/embed/map/index.html {'))).toContain(`frame-ancestors *" always;`);
    expect(blocks.find((b) => b.includes('location ^~ /lifelines/_astro/ {'))).toContain(`add_header Cache-Control "${CACHE_CONTROL.hashed}" always;`);
    for (const block of blocks.filter((b) => b.includes('{'))) {
      for (const name of Object.keys(COMMON_HEADERS)) expect(block, block.split('\n')[0]).toContain(`add_header ${name} `);
    }
    expect(blocks.find((b) => b.includes('location = /lifelines/_headers {'))).toContain('return 404;');
  });

  it('the local server sends what _headers says, and never serves it', async () => {
    const root = built();
    writeHostHeaders(root, '/');
    const server = await startStaticServer({ root, base: '/', port: 0 });
    try {
      const story = await fetch(`${server.url}`);
      expect(story.headers.get('content-security-policy')).toBe(`${CSP}; frame-ancestors 'none'`);
      expect(story.headers.get('strict-transport-security')).toBe(COMMON_HEADERS['Strict-Transport-Security']);
      expect((await fetch(`${server.url}_astro/app.A1b2C3.js`)).headers.get('cache-control')).toBe(CACHE_CONTROL.hashed);
      expect((await fetch(`${server.url}_headers`)).status).toBe(404);
      expect((await fetch(`${server.url}_nginx.conf`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('a build without _headers is served with the server’s own defaults', async () => {
    const server = await startStaticServer({ root: site({ 'index.html': page() }), base: '/', port: 0 });
    try {
      const res = await fetch(server.url);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toBeNull();
    } finally {
      await server.close();
    }
  });
});

describe('helpers of the offline editions', () => {
  it('reads the site’s CSS as a page that never runs a script', () => {
    expect(staticCss('@media screen and (scripting:enabled){.a{display:none}}@media (scripting: none){.b{color:red}}')).toBe(
      '@media screen and (width < 0px){.a{display:none}}@media (width >= 0px){.b{color:red}}',
    );
  });

  it('writes sizes as readers read them', () => {
    expect(formatSize(473_438)).toBe('462 KB');
    expect(formatSize(1_700_000)).toBe('1.6 MB');
  });
});
