// The single-file edition: the story as one self-contained HTML file, to keep
// or to send over a messaging app, which opens from the file with no network
// and no JavaScript. Made from the built story page, so it says exactly what
// the site says: the text, each step's static figure (the same SVG files the
// site serves, as data: images, phone layouts included), the glossary terms
// and the sources the story cites (copied from the built glossary and sources
// pages), and the site's own CSS. No script; its CSP allows nothing but its
// own styles and its inline images.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';

export const SINGLE_FILE = 'lifelines-story.html';

/**
 * The file's own words, in the language of the story page it is made from (its <html lang>): the
 * English story gives /lifelines-story.html, the French one /fr/lifelines-story.html. The note is
 * HTML with one empty <a>, which gets the living site's address.
 */
const EDITION_WORDS = {
  en: {
    note: 'This is the single-file edition of the story: the text, every figure, the glossary terms and the sources, in one file that opens without a connection. The interactive version, with the scenario explorer, is at <a></a>.',
    glossary: 'Glossary',
    sources: 'Sources cited',
    titleSuffix: ' (single-file edition)',
  },
  fr: {
    note: 'Ceci est l’édition en un seul fichier du récit\u202f: le texte, toutes les figures, les termes du glossaire et les sources, dans un fichier qui s’ouvre sans connexion. La version interactive, avec l’explorateur de scénarios, se trouve à l’adresse <a></a>.',
    glossary: 'Glossaire',
    sources: 'Sources citées',
    titleSuffix: ' (édition en un seul fichier)',
  },
};

/** Reads a built file by the address a page uses for it ("/lifelines/_astro/x.css" under base "/lifelines/"). */
function fileFor(root, base, url) {
  const pathname = decodeURIComponent(url.pathname);
  if (!pathname.startsWith(base)) throw new Error(`single-file edition: ${pathname} is outside the base path ${base}`);
  let rel = pathname.slice(base.length);
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const file = path.join(root, rel);
  if (!fs.existsSync(file)) throw new Error(`single-file edition: ${rel} is not in the build`);
  return file;
}

// Percent-encoded rather than base64: a sixth smaller for these SVGs. Everything but the characters a URL
// may hold as they are is escaped, spaces and quotes included, so the address is valid in src and srcset.
const dataUri = (svg) =>
  `data:image/svg+xml,${svg.replace(/[^A-Za-z0-9\-._~!$'()*+,;=:@/?]/gu, (c) => encodeURIComponent(c).replace(/[!'()*]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`))}`;
const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The site's CSS as the file needs it: there is never a script here, so rules for
 * `(scripting: enabled)` (the sticky panel's layout) never apply, and rules for
 * `(scripting: none)` always do, even when the browser opening the file has JavaScript on.
 */
export function staticCss(css) {
  return css.replace(/\(\s*scripting\s*:\s*enabled\s*\)/g, '(width < 0px)').replace(/\(\s*scripting\s*:\s*none\s*\)/g, '(width >= 0px)');
}

// What the file shows on top of the site's CSS: every step's figure (the page's first one is otherwise the
// panel's job), the glossary and sources sections.
const EDITION_CSS = `
.step__figure, .chapter:first-of-type .step:first-of-type .step__figure { display: block; }
.single-file-note { margin: 1rem 0; padding: 0.75rem 1rem; border: 1px solid var(--rule); border-radius: 4px; }
.single-file-appendix { max-width: var(--measure); margin: 2rem auto; padding: 0 1rem; }
`;

/**
 * Builds the single-file edition of the story at `storyRel` (relative to root) and
 * returns its HTML.
 */
export function singleFileHtml(root, base, storyRel = 'index.html') {
  const prefix = path.posix.dirname(storyRel) === '.' ? '' : `${path.posix.dirname(storyRel)}/`;
  const html = fs.readFileSync(path.join(root, storyRel), 'utf8');
  const { document } = parseHTML(html);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (!canonical) throw new Error(`single-file edition: ${storyRel} has no canonical link`);
  const pageUrl = new URL(canonical);
  const resolve = (href) => new URL(href, pageUrl);
  const words = EDITION_WORDS[document.documentElement.getAttribute('lang')] ?? EDITION_WORDS.en;
  const glossaryPath = `${base}${prefix}glossary/`;
  const sourcesPath = `${base}${prefix}sources/`;

  // Styles: the story's own stylesheets, and those of the pages the glossary entries and sources come from.
  // A language whose glossary or sources page is not built (yet) gets no appendix from it: its links then go to the site.
  const pageDoc = (rel) => {
    if (fs.existsSync(path.join(root, rel))) return parseHTML(fs.readFileSync(path.join(root, rel), 'utf8')).document;
    console.warn(`single-file edition of ${storyRel}: no ${rel} in the build, so no appendix from it`);
    return null;
  };
  const [glossaryDoc, sourcesDoc] = [pageDoc(`${prefix}glossary/index.html`), pageDoc(`${prefix}sources/index.html`)];
  const extraPages = [glossaryDoc, sourcesDoc].filter(Boolean);
  const cssFiles = [...new Set([document, ...extraPages].flatMap((doc) => [...doc.querySelectorAll('link[rel="stylesheet"]')].map((l) => fileFor(root, base, resolve(l.getAttribute('href'))))))];
  const css = staticCss(cssFiles.map((f) => fs.readFileSync(f, 'utf8')).join('\n')) + EDITION_CSS;

  // Nothing that runs, loads or only works with the site around it.
  for (const el of document.querySelectorAll(
    'script, template, link:not([rel="canonical"]), style, meta[http-equiv], .scrolly__panel, [data-share-control], [data-offline], [data-single-file-link], .site-header nav, .skip-link, .story-endnotes',
  )) {
    el.remove();
  }

  // A map's figure, inline, is its phone drawing alone, kept to a phone's width: an <img> cannot counter-scale
  // its text, and the file would be a fifth larger with both drawings of every map.
  for (const figure of document.querySelectorAll('.step__figure[data-kind="map"]')) {
    const source = figure.querySelector('source');
    const img = figure.querySelector('img');
    if (!source || !img) continue;
    img.setAttribute('src', source.getAttribute('srcset'));
    for (const attr of ['width', 'height']) img.setAttribute(attr, source.getAttribute(attr));
    source.remove();
    figure.classList.add('step__figure--phone-drawing');
  }
  // A language's own figures (/fr/figures/…) are made by its figure endpoints; a build without them (while the
  // French figures are being made) falls back to the English drawing of the same state, and says so.
  const figureFile = (url) => {
    try {
      return fileFor(root, base, url);
    } catch (error) {
      if (!prefix || !url.pathname.startsWith(`${base}${prefix}figures/`)) throw error;
      console.warn(`single-file edition of ${storyRel}: ${url.pathname} is not in the build; the English figure is used`);
      return fileFor(root, base, new URL(url.pathname.replace(`${base}${prefix}`, base), url));
    }
  };
  // Each step's figure, inline: the wide layout, and the phone one where there is one.
  for (const el of document.querySelectorAll('.step__figure img, .step__figure source')) {
    for (const attr of ['src', 'srcset']) {
      const value = el.getAttribute(attr);
      if (value) el.setAttribute(attr, dataUri(fs.readFileSync(figureFile(resolve(value)), 'utf8')));
    }
    el.removeAttribute('loading');
  }

  // The glossary terms the story uses and the sources it cites, at the end, so links stay in the file.
  const targetOf = (a, pagePath, idPrefix) => {
    const href = a.getAttribute('href');
    if (!href || href.startsWith('#')) return null;
    const url = resolve(href);
    return url.origin === pageUrl.origin && url.pathname === pagePath && url.hash.startsWith(`#${idPrefix}`) ? url.hash.slice(1) : null;
  };
  const main = document.querySelector('main');
  const appendix = (id, title, list, items) => {
    const section = document.createElement('section');
    section.className = 'single-file-appendix';
    section.setAttribute('aria-labelledby', id);
    const h2 = document.createElement('h2');
    h2.id = id;
    h2.textContent = title;
    section.append(h2);
    const container = list.cloneNode(false);
    for (const item of items) container.append(item.cloneNode(true));
    section.append(container);
    main.append(section);
  };
  const termIds = new Set([...document.querySelectorAll('a[href]')].map((a) => targetOf(a, glossaryPath, 'term-')).filter(Boolean));
  const terms = [...(glossaryDoc?.querySelectorAll('[id^="term-"]') ?? [])].filter((el) => termIds.has(el.id));
  if (terms.length) appendix('single-file-glossary', words.glossary, terms[0].parentElement, terms);
  const sourceIds = new Set([...document.querySelectorAll('a[href]')].map((a) => targetOf(a, sourcesPath, 'src-')).filter(Boolean));
  const sources = [...(sourcesDoc?.querySelectorAll('[id^="src-"]') ?? [])].filter((el) => sourceIds.has(el.id));
  if (sources.length) appendix('single-file-sources', words.sources, sources[0].parentElement, sources);
  const inFile = new Set([...terms, ...sources].map((el) => el.id));

  // Links: to a term or source in the file, in the file; anything else on the site, to the site.
  for (const a of document.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href');
    if (href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
    const id = targetOf(a, glossaryPath, 'term-') ?? targetOf(a, sourcesPath, 'src-');
    a.setAttribute('href', id && inFile.has(id) ? `#${id}` : resolve(href).href);
    a.removeAttribute('download');
  }

  // What this file is, where the living site is.
  const wrapper = document.createElement('div');
  wrapper.className = 'prose';
  const note = document.createElement('p');
  note.className = 'single-file-note';
  wrapper.append(note);
  note.innerHTML = words.note;
  const link = note.querySelector('a');
  link.setAttribute('href', pageUrl.href);
  link.textContent = pageUrl.href;
  main.prepend(wrapper);
  const title = document.querySelector('title');
  title.textContent = `${title.textContent}${words.titleSuffix}`;

  // One stylesheet, allowed by its hash; nothing else may load but the images inside the file.
  const style = document.createElement('style');
  style.textContent = css;
  const csp = document.createElement('meta');
  csp.setAttribute('http-equiv', 'content-security-policy');
  csp.setAttribute('content', `default-src 'none'; img-src data:; style-src ${sha256(css)}; base-uri 'none'; form-action 'none'`);
  const head = document.querySelector('head');
  head.querySelector('meta[charset]').after(csp);
  head.append(style);
  return document.toString();
}

/** Writes the single-file edition next to the story page; returns its path relative to root and its size. */
export function writeSingleFile(root, base, storyRel = 'index.html') {
  const prefix = path.posix.dirname(storyRel) === '.' ? '' : `${path.posix.dirname(storyRel)}/`;
  const rel = `${prefix}${SINGLE_FILE}`;
  const html = singleFileHtml(root, base, storyRel);
  fs.writeFileSync(path.join(root, rel), html);
  return { rel, bytes: Buffer.byteLength(html) };
}
