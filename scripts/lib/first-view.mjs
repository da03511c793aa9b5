// "First view" weight of a built page: the gzip size of the HTML plus every
// resource a browser fetches on load, before any scroll or interaction.
// Found statically (no browser) so the budget check is fast and
// deterministic; the parsers below are deliberately small and only need to
// understand what Astro/Vite emit, not arbitrary hand-written HTML.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { normalizeBase, pageUrlPath } from './dist.mjs';

// ---------------------------------------------------------------- HTML ----

// Elements whose content is text, not markup: an "<img" inside a script or
// a <noscript> (scripting is on in the browsers we budget for) is never fetched.
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'noembed', 'noframes', 'iframe']);

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

// Minimal tokenizer: returns start tags with their attributes (plus the text
// of raw-text elements), skipping comments, doctypes and <template> content
// (inert until cloned by script). `picture` is the index of the enclosing
// <picture>, because a browser fetches only ONE image per picture.
export function parseHtml(html) {
  const elements = [];
  let i = 0;
  let pictureCount = 0;
  const pictureStack = [];
  let templateDepth = 0;
  const tagRe = /<(\/?)([a-zA-Z][^\s/>]*)/y;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const end = html.indexOf('>', lt);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    tagRe.lastIndex = lt;
    const m = tagRe.exec(html);
    if (!m) {
      i = lt + 1;
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    const { attrs, end } = parseAttributes(html, lt + m[0].length);
    i = end;
    if (closing) {
      if (tag === 'picture') pictureStack.pop();
      if (tag === 'template' && templateDepth > 0) templateDepth--;
      continue;
    }
    let text;
    if (RAW_TEXT.has(tag)) {
      // A regex, not toLowerCase()+indexOf: lower-casing can change the
      // string's length (e.g. "İ") and shift every index after it.
      const closeRe = new RegExp(`</${tag}`, 'gi');
      closeRe.lastIndex = i;
      const close = closeRe.exec(html)?.index ?? -1;
      text = html.slice(i, close < 0 ? html.length : close);
      const gt = close < 0 ? -1 : html.indexOf('>', close);
      i = gt < 0 ? html.length : gt + 1;
    }
    if (tag === 'template') {
      templateDepth++;
      continue;
    }
    if (templateDepth > 0) continue;
    if (tag === 'picture') pictureStack.push(pictureCount++);
    const picture = pictureStack.length ? pictureStack[pictureStack.length - 1] : null;
    elements.push({ tag, attrs, text, picture });
  }
  return elements;
}

function parseAttributes(html, start) {
  const attrs = {};
  let j = start;
  const nameRe = /[^\s"'>/=]+/y;
  while (j < html.length) {
    while (j < html.length && /[\s/]/.test(html[j])) j++;
    if (j >= html.length) break;
    if (html[j] === '>') return { attrs, end: j + 1 };
    nameRe.lastIndex = j;
    const nm = nameRe.exec(html);
    if (!nm) {
      j++; // stray quote: skip it rather than loop forever
      continue;
    }
    const name = nm[0].toLowerCase();
    j = nameRe.lastIndex;
    let k = j;
    while (k < html.length && /\s/.test(html[k])) k++;
    let value = '';
    if (html[k] === '=') {
      k++;
      while (k < html.length && /\s/.test(html[k])) k++;
      const q = html[k];
      if (q === '"' || q === "'") {
        const close = html.indexOf(q, k + 1);
        value = html.slice(k + 1, close < 0 ? html.length : close);
        j = close < 0 ? html.length : close + 1;
      } else {
        const vm = /[^\s>]*/y;
        vm.lastIndex = k;
        value = vm.exec(html)[0];
        j = vm.lastIndex;
      }
    }
    if (!(name in attrs)) attrs[name] = decodeEntities(value);
  }
  return { attrs, end: html.length };
}

// "a.jpg 480w, b.jpg 2x" -> ["a.jpg", "b.jpg"], following the HTML spec's
// srcset parsing: a URL runs to the next whitespace (a trailing comma ends
// it), descriptors run to the next comma outside parentheses. A naive split
// on "," would break URLs that contain commas.
export function parseSrcset(srcset) {
  const s = srcset ?? '';
  const out = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && /[\s,]/.test(s[i])) i++;
    let j = i;
    while (j < s.length && !/\s/.test(s[j])) j++;
    let url = s.slice(i, j);
    i = j;
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      let depth = 0;
      for (; i < s.length; i++) {
        if (s[i] === '(') depth++;
        else if (s[i] === ')') depth--;
        else if (s[i] === ',' && depth <= 0) break;
      }
    }
    if (url) out.push(url);
  }
  return out;
}

const JS_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module', 'text/ecmascript', 'application/ecmascript']);
const isLazy = (attrs) => (attrs.loading ?? '').toLowerCase() === 'lazy';

// What a page asks the browser to fetch on load. Each ref is one of:
//   { kind: 'file', url }           fetched and counted as is
//   { kind: 'choice', urls }        one of these is fetched (srcset, <picture>): count the largest
//   { kind: 'css', url }            stylesheet: counted, then its url()/@import followed
//   { kind: 'css-inline', text }    <style> / style="": url()/@import followed
//   { kind: 'module', url }         JS module: counted, static imports followed
//   { kind: 'module-inline', text } inline <script type=module>: static imports followed
//   { kind: 'page', url }           same-site eager <iframe>: its own first view
//   { kind: 'check', urls }         lazy (not counted) but still must be local and exist
// plus `base`, the <base href> that relative URLs resolve against.
export function collectPageRefs(html) {
  const elements = parseHtml(html);
  const refs = [];
  let base = null;
  const pictures = new Map();
  for (const { tag, attrs, text, picture } of elements) {
    if (attrs['data-first-view']) {
      // Escape hatch for resources that JS fetches on load (the parser can't
      // see those); a list separated by spaces or commas.
      for (const url of attrs['data-first-view'].split(/[\s,]+/).filter(Boolean)) refs.push({ kind: 'file', url });
    }
    if (attrs.style && /url\(|@import/i.test(attrs.style)) refs.push({ kind: 'css-inline', text: attrs.style });

    if (picture !== null && (tag === 'source' || tag === 'img')) {
      const p = pictures.get(picture) ?? { urls: [], lazy: false };
      pictures.set(picture, p);
      if (tag === 'img') {
        p.lazy = isLazy(attrs);
        if (attrs.src) p.urls.push(attrs.src);
      }
      p.urls.push(...parseSrcset(attrs.srcset));
      continue;
    }

    switch (tag) {
      case 'base':
        if (base === null && attrs.href) base = attrs.href;
        break;
      case 'link': {
        const rel = new Set((attrs.rel ?? '').toLowerCase().split(/\s+/).filter(Boolean));
        if (!attrs.href && !attrs.imagesrcset) break;
        if (rel.has('stylesheet')) refs.push({ kind: 'css', url: attrs.href });
        else if (rel.has('modulepreload')) refs.push({ kind: 'module', url: attrs.href });
        else if (rel.has('preload') && attrs.imagesrcset) {
          refs.push({ kind: 'choice', urls: [attrs.href, ...parseSrcset(attrs.imagesrcset)].filter(Boolean) });
        } else if (rel.has('preload') || rel.has('icon') || rel.has('manifest')) refs.push({ kind: 'file', url: attrs.href });
        break;
      }
      case 'script': {
        const type = (attrs.type ?? '').trim().toLowerCase();
        if ('nomodule' in attrs || !JS_TYPES.has(type)) break; // JSON islands, importmaps, legacy bundles
        if (attrs.src) refs.push({ kind: type === 'module' ? 'module' : 'file', url: attrs.src });
        else if (type === 'module' && text) refs.push({ kind: 'module-inline', text });
        break;
      }
      case 'style':
        if (text) refs.push({ kind: 'css-inline', text });
        break;
      case 'img': {
        const urls = [attrs.src, ...parseSrcset(attrs.srcset)].filter(Boolean);
        if (urls.length) refs.push({ kind: isLazy(attrs) ? 'check' : 'choice', urls });
        break;
      }
      case 'video':
        if (attrs.poster) refs.push({ kind: 'file', url: attrs.poster });
        break;
      case 'object':
        if (attrs.data) refs.push({ kind: 'file', url: attrs.data });
        break;
      case 'embed':
        if (attrs.src) refs.push({ kind: 'file', url: attrs.src });
        break;
      case 'iframe':
        if (attrs.src) refs.push(isLazy(attrs) ? { kind: 'check', urls: [attrs.src] } : { kind: 'page', url: attrs.src });
        break;
      case 'use':
      case 'image': {
        // SVG: <use href="sprite.svg#id"> fetches the sprite; "#id" is local.
        const href = attrs.href ?? attrs['xlink:href'];
        if (href && !href.startsWith('#')) refs.push({ kind: 'file', url: href });
        break;
      }
    }
  }
  for (const p of pictures.values()) {
    if (p.urls.length) refs.push({ kind: p.lazy ? 'check' : 'choice', urls: p.urls });
  }
  return { refs, base };
}

// ----------------------------------------------------------------- CSS ----

// url() and @import targets of a stylesheet (or a style="" value). For
// @font-face only the first src url counts: browsers stop at the first
// format they support, and woff2 comes first in every modern stack.
export function extractCssRefs(css) {
  let text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const imports = [];
  const urls = [];
  text = text.replace(/@import\s+(?:url\(\s*(['"]?)([^'")]*)\1\s*\)|(['"])(.*?)\3)[^;]*;?/gi, (_, _q, a, _q2, b) => {
    imports.push((a ?? b).trim());
    return '';
  });
  text = text.replace(/@font-face\s*\{([^}]*)\}/gi, (_, body) => {
    const src = /(?:^|[;\s{])src\s*:([^;]*)/i.exec(body);
    const first = src && /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/i.exec(src[1]);
    if (first) urls.push((first[1] ?? first[2] ?? first[3]).trim());
    return '';
  });
  for (const m of text.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/gi)) {
    const url = (m[1] ?? m[2] ?? m[3]).trim();
    // url(#gradient) points into the document (SVG paint servers): no fetch.
    if (url && !url.startsWith('#')) urls.push(url);
  }
  return { imports: imports.filter(Boolean), urls };
}

// ------------------------------------------------------------------ JS ----

// Static module dependencies: `import x from "./a.js"`, `import "./a.js"`,
// `export * from "./a.js"`, `export {x} from "./a.js"`. Dynamic import() is
// excluded on purpose: it loads on demand, not on first view. Bare
// specifiers ("d3-geo") can't appear in a built bundle, so only URL-like
// specifiers are kept; that also keeps stray matches inside strings rare.
export function extractJsImports(js) {
  const specs = [];
  const re = /(?<![\w$.])(?:import|export)\s*(?:[\w$*{},\s]*?\bfrom\s*)?(["'])([^"'\n]+)\1/g;
  for (const m of js.matchAll(re)) {
    const spec = m[2];
    if (/^(?:\.{0,2}\/|https?:\/\/)/i.test(spec)) specs.push(spec);
  }
  return [...new Set(specs)];
}

// ------------------------------------------------------------ resolution ----

// Pages are resolved as if served from this origin; anything on another
// origin (except the configured SITE_URL, i.e. absolute links to ourselves)
// is an external request, which the budget forbids.
const LOCAL_ORIGIN = 'http://first-view.invalid';
const IGNORED_SCHEMES = /^(?:data|blob|about|javascript|mailto|tel):/i;

export function typeOf(file) {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.css') return 'css';
  if (ext === '.js' || ext === '.mjs') return 'js';
  return 'other';
}

export function gzipSize(buf) {
  return zlib.gzipSync(buf, { level: 9 }).length;
}

/**
 * First-view weight of one built page.
 * @param {object} o
 * @param {string} o.distDir   directory of the built site
 * @param {string} o.page      page path relative to distDir, e.g. "story/index.html"
 * @param {string} [o.base]    BASE_PATH the site is served under
 * @param {string} [o.siteUrl] SITE_URL: absolute URLs on this origin are local
 * @param {Map<string, number>} [o.cache] gzip sizes by file, shared across pages
 */
export function computeFirstView({ distDir, page, base = '/', siteUrl, cache = new Map() }) {
  const root = path.resolve(distDir);
  const basePath = normalizeBase(base);
  let siteOrigin = null;
  try {
    if (siteUrl) siteOrigin = new URL(siteUrl).origin;
  } catch {
    /* an invalid SITE_URL simply isn't treated as local */
  }
  const resources = new Map(); // abs file -> { file, type, bytes }
  const errors = new Set();
  const followed = new Set(); // files already parsed (CSS, JS, pages): each once

  const sizeOf = (file) => {
    if (!cache.has(file)) cache.set(file, gzipSize(fs.readFileSync(file)));
    return cache.get(file);
  };
  const add = (file) => {
    if (!resources.has(file)) {
      resources.set(file, { file: path.relative(root, file).split(path.sep).join('/'), type: typeOf(file), bytes: sizeOf(file) });
    }
  };
  const shortFrom = (from) => from.replace(LOCAL_ORIGIN, '');

  // URL -> file in dist, or null after recording why it can't be counted.
  function resolve(href, fromUrl) {
    const raw = String(href).trim();
    if (!raw || IGNORED_SCHEMES.test(raw)) return null;
    let u;
    try {
      u = new URL(raw, fromUrl);
    } catch {
      errors.add(`bad URL "${raw}" (in ${shortFrom(fromUrl)})`);
      return null;
    }
    if (u.origin !== LOCAL_ORIGIN && u.origin !== siteOrigin) {
      errors.add(`external request: ${u.href} (in ${shortFrom(fromUrl)})`);
      return null;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(u.pathname);
    } catch {
      pathname = u.pathname;
    }
    if (pathname + '/' === basePath) pathname = basePath; // the server redirects "/base" to "/base/"
    if (!pathname.startsWith(basePath)) {
      errors.add(`outside the base path ${basePath}: ${pathname} (in ${shortFrom(fromUrl)})`);
      return null;
    }
    let rel = pathname.slice(basePath.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(root, rel);
    if (file !== root && !file.startsWith(root + path.sep)) {
      errors.add(`outside dist: ${pathname} (in ${shortFrom(fromUrl)})`);
      return null;
    }
    // Same lookup order as the static server for extension-less page URLs.
    for (const candidate of [file, path.join(file, 'index.html'), `${file}.html`]) {
      if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) {
        // The URL as requested, not the file name: relative URLs inside an
        // iframe page resolve against the address the browser used.
        return { file: candidate, url: u.href };
      }
    }
    errors.add(`missing file: ${pathname} (in ${shortFrom(fromUrl)})`);
    return null;
  }

  function followCss(text, fromUrl) {
    const { imports, urls } = extractCssRefs(text);
    for (const href of imports) {
      const r = resolve(href, fromUrl);
      if (r) visitCss(r);
    }
    for (const href of urls) {
      const r = resolve(href, fromUrl);
      if (r) add(r.file);
    }
  }
  function visitCss({ file, url }) {
    add(file);
    if (followed.has(file)) return;
    followed.add(file);
    followCss(fs.readFileSync(file, 'utf8'), url);
  }

  function followModule(text, fromUrl) {
    for (const spec of extractJsImports(text)) {
      const r = resolve(spec, fromUrl);
      if (r) visitModule(r);
    }
  }
  function visitModule({ file, url }) {
    add(file);
    if (followed.has(file)) return;
    followed.add(file);
    followModule(fs.readFileSync(file, 'utf8'), url);
  }

  function visitPage({ file, url }) {
    add(file);
    if (followed.has(file)) return;
    followed.add(file);
    const { refs, base: baseHref } = collectPageRefs(fs.readFileSync(file, 'utf8'));
    let docUrl = url;
    if (baseHref) {
      try {
        docUrl = new URL(baseHref, url).href;
      } catch {
        /* invalid <base>: browsers ignore it too */
      }
    }
    for (const ref of refs) {
      switch (ref.kind) {
        case 'file': {
          const r = resolve(ref.url, docUrl);
          if (r) add(r.file);
          break;
        }
        case 'choice': {
          // Every candidate must exist (a broken srcset is a bug), but only
          // the heaviest one is counted: the worst case a browser may pick.
          const files = ref.urls.map((u) => resolve(u, docUrl)).filter(Boolean);
          if (files.length) add(files.reduce((a, b) => (sizeOf(b.file) > sizeOf(a.file) ? b : a)).file);
          break;
        }
        case 'check':
          // Lazy resources are loaded later, so not counted, but an external
          // or broken one is still a defect the check should report.
          for (const u of ref.urls) resolve(u, docUrl);
          break;
        case 'css': {
          const r = resolve(ref.url, docUrl);
          if (r) visitCss(r);
          break;
        }
        case 'css-inline':
          followCss(ref.text, docUrl);
          break;
        case 'module': {
          const r = resolve(ref.url, docUrl);
          if (r) visitModule(r);
          break;
        }
        case 'module-inline':
          followModule(ref.text, docUrl);
          break;
        case 'page': {
          const r = resolve(ref.url, docUrl);
          if (r) visitPage(r);
          break;
        }
      }
    }
  }

  const pageFile = path.resolve(root, page);
  visitPage({ file: pageFile, url: LOCAL_ORIGIN + pageUrlPath(page, basePath) });

  const totals = { html: 0, css: 0, js: 0, other: 0, total: 0 };
  for (const r of resources.values()) {
    totals[r.type] += r.bytes;
    totals.total += r.bytes;
  }
  return {
    page,
    resources: [...resources.values()],
    totals,
    errors: [...errors],
  };
}
