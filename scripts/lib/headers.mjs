// HTTP headers for real hosts, from one source of truth: the rules below,
// computed from the built site. `npm run build` writes them as dist/_headers
// (Netlify and Cloudflare Pages) and dist/_nginx.conf (an nginx snippet); the
// local server (lib/static-server.mjs) reads dist/_headers and sends exactly
// what it says, so the tests see what production sees.
//
// Each page's Content-Security-Policy is the one Astro wrote into its <meta>,
// read from the built HTML, plus frame-ancestors, which a <meta> cannot carry:
// 'none' for the story and site pages, * for the embed pages that newsrooms
// frame. Hashed files under _astro/ are cached for a year; HTML, the service
// worker and every other file are revalidated on each use.
//
// The rules never set one header twice for the same path: where several rules
// match, Cloudflare Pages joins their values with commas and Netlify keeps one,
// so an overlap would mean different headers on different hosts. `/*` carries
// the headers every response gets; the other rules add the rest.
import fs from 'node:fs';
import path from 'node:path';
import { listHtmlPages, normalizeBase, pageUrlPath } from './dist.mjs';

export const HEADERS_FILE = '_headers';
export const NGINX_FILE = '_nginx.conf';
/** Files in dist/ that configure the host and are never served. */
export const HOST_CONFIG_FILES = [HEADERS_FILE, NGINX_FILE];

export const COMMON_HEADERS = {
  // One year, this host only: no includeSubDomains, since the site may be one sub-path of a university's
  // or newsroom's domain, whose other hosts are not ours to decide for.
  'Strict-Transport-Security': 'max-age=31536000',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // Nothing on the site uses these; features Chromium does not know are left out (it logs an error for them).
  'Permissions-Policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()',
};

export const CACHE_CONTROL = {
  /** Hashed file names (Vite's _astro/…): the content never changes under a name. */
  hashed: 'public, max-age=31536000, immutable',
  /** HTML, the service worker and unhashed files: a copy may be kept but is checked on every use. */
  revalidate: 'no-cache',
};

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) =>
    e[0] === '#' ? String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e.toLowerCase()] ?? m,
  );

/** The policy of a page's <meta http-equiv="content-security-policy">, without its trailing ";", or null. */
export function readMetaCsp(html) {
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    if (!/\bhttp-equiv\s*=\s*["']?content-security-policy\b/i.test(tag)) continue;
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    if (content) return decode(content[1] ?? content[2] ?? '').trim().replace(/;\s*$/, '');
  }
  return null;
}

/** frame-ancestors for a page: embed pages may be framed by anyone, every other page by no one. */
export function frameAncestors(rel) {
  return /^(?:[a-z]{2}\/)?embed\//.test(rel) ? '*' : "'none'";
}

const isHostConfig = (rel) => HOST_CONFIG_FILES.includes(rel);

/**
 * The header rules for a built site: [{ path, headers, files }], `path` in
 * the _headers syntax (an exact path, or a prefix ending in "*"), `files` the
 * built files it was made for (relative to dist).
 */
export function headerRules(root, base = '/') {
  const b = normalizeBase(base);
  const rules = [{ path: `${b}*`, headers: { ...COMMON_HEADERS }, files: [] }];

  for (const rel of listHtmlPages(root)) {
    const csp = readMetaCsp(fs.readFileSync(path.join(root, rel), 'utf8'));
    if (!csp) throw new Error(`${rel} has no <meta http-equiv="content-security-policy">: every page must carry Astro's CSP.`);
    rules.push({
      path: pageUrlPath(rel, b),
      headers: { 'Content-Security-Policy': `${csp}; frame-ancestors ${frameAncestors(rel)}`, 'Cache-Control': CACHE_CONTROL.revalidate },
      files: [rel],
    });
  }

  // Every other file gets its Cache-Control from exactly one rule: a folder with no page in it by a
  // prefix rule, anything else by its own path.
  const hasPage = (dir) => fs.readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith('.html'));
  const walk = (relDir) => {
    const dir = path.join(root, relDir);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((x, y) => x.name.localeCompare(y.name))) {
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (hasPage(path.join(dir, entry.name))) walk(rel);
        else {
          const files = fs.readdirSync(path.join(dir, entry.name), { recursive: true }).map((f) => `${rel}/${String(f).split(path.sep).join('/')}`);
          const value = rel === '_astro' ? CACHE_CONTROL.hashed : CACHE_CONTROL.revalidate;
          rules.push({ path: `${b}${rel}/*`, headers: { 'Cache-Control': value }, files });
        }
      } else if (entry.isFile() && !rel.endsWith('.html') && !isHostConfig(rel)) {
        rules.push({ path: `${b}${rel}`, headers: { 'Cache-Control': CACHE_CONTROL.revalidate }, files: [rel] });
      }
    }
  };
  walk('');
  return rules;
}

/** A _headers path as a regular expression: "*" matches anything (including "/"), the rest literally. */
export function pathPattern(rulePath) {
  const escaped = rulePath.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`);
}

/**
 * The headers for a request path, as Cloudflare Pages applies a _headers file:
 * every matching rule adds its headers, and a header two rules set gets both
 * values joined with ", " (so an overlap shows up instead of passing unseen).
 * @param {{ path: string, headers: Record<string, string>, regex?: RegExp }[]} rules
 * @param {string} urlPath
 * @returns {Record<string, string>}
 */
export function headersForPath(rules, urlPath) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const rule of rules) {
    if (!(rule.regex ??= pathPattern(rule.path)).test(urlPath)) continue;
    for (const [name, value] of Object.entries(rule.headers)) {
      const key = Object.keys(out).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
      out[key] = out[key] === undefined ? value : `${out[key]}, ${value}`;
    }
  }
  return out;
}

/** Headers set by more than one rule for the same path: must be none. */
export function overlappingHeaders(rules, urlPaths) {
  const problems = [];
  for (const urlPath of urlPaths) {
    const seen = new Map();
    for (const rule of rules) {
      if (!pathPattern(rule.path).test(urlPath)) continue;
      for (const name of Object.keys(rule.headers)) {
        const key = name.toLowerCase();
        if (seen.has(key)) problems.push(`${urlPath}: ${name} from both ${seen.get(key)} and ${rule.path}`);
        else seen.set(key, rule.path);
      }
    }
  }
  return problems;
}

const GENERATED = 'Generated by `npm run build` (scripts/lib/headers.mjs) from the built site: do not edit.';

/** The _headers file for Netlify and Cloudflare Pages. */
export function formatHeadersFile(rules) {
  const blocks = rules.map((r) => [r.path, ...Object.entries(r.headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n'));
  return `# Lifelines: HTTP headers for Netlify and Cloudflare Pages. ${GENERATED}\n\n${blocks.join('\n\n')}\n`;
}

/** Parses a _headers file (the subset formatHeadersFile writes, plus comments and blank lines). */
export function parseHeadersFile(text) {
  const rules = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {} });
      continue;
    }
    const current = rules[rules.length - 1];
    const colon = line.indexOf(':');
    if (!current || colon < 0) throw new Error(`_headers: cannot read line "${line}"`);
    current.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return rules;
}

const nginxQuote = (value) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * An nginx snippet with the same headers. nginx drops a location's inherited
 * add_header lines as soon as it has one of its own, so each location lists
 * all of its headers. A page is matched by its file (…/index.html): nginx's
 * index module hands "/glossary/" on to "/glossary/index.html".
 */
export function formatNginx(rules, base = '/') {
  const b = normalizeBase(base);
  const [all, ...specific] = rules;
  const lines = [
    `# Lifelines: HTTP headers for nginx. ${GENERATED}`,
    `# Include it in the server {} block that serves the site, whose root holds the built site at ${b}`,
    `# (for ${b === '/' ? 'the base path /: root /srv/lifelines/dist;' : `${b}: the built dist/ copied to <root>${b}`}).`,
    '# Each location lists every header: nginx ignores inherited add_header lines in a location that has its own.',
    '',
  ];
  const block = (location, headers, extra = []) => {
    lines.push(`location ${location} {`);
    for (const x of extra) lines.push(`    ${x}`);
    for (const [k, v] of Object.entries(headers)) lines.push(`    add_header ${k} ${nginxQuote(v)} always;`);
    lines.push('}', '');
  };
  block(b, all.headers, ['index index.html;']);
  for (const rule of specific) {
    const headers = { ...all.headers, ...rule.headers };
    if (rule.path.endsWith('*')) block(`^~ ${rule.path.slice(0, -1)}`, headers);
    else if (rule.path.endsWith('/')) block(`= ${rule.path}index.html`, headers);
    else block(`= ${rule.path}`, headers);
  }
  // The host's own configuration, never served (with the headers every response gets).
  for (const file of HOST_CONFIG_FILES) block(`= ${b}${file}`, all.headers, ['return 404;']);
  return `${lines.join('\n')}\n`;
}

/** Writes dist/_headers and dist/_nginx.conf; returns the rules. */
export function writeHostHeaders(root, base = '/') {
  const rules = headerRules(root, base);
  const paths = rules.flatMap((r) => r.files.map((f) => (f.endsWith('.html') ? pageUrlPath(f, base) : `${normalizeBase(base)}${f}`)));
  const overlaps = overlappingHeaders(rules, paths);
  if (overlaps.length) throw new Error(`Header rules overlap:\n  ${overlaps.join('\n  ')}`);
  fs.writeFileSync(path.join(root, HEADERS_FILE), formatHeadersFile(rules));
  fs.writeFileSync(path.join(root, NGINX_FILE), formatNginx(rules, base));
  return rules;
}
