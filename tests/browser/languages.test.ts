/**
 * The two editions (issue 13): every English page has its French twin and
 * every French page its English one, each with its `lang` and `hreflang`
 * alternates naming the pair; the language switch keeps the reader's place
 * (story step, scenario state, embed options); French pages show no English
 * outside quotations and proper names, and write numbers, dates, amounts,
 * quotation marks and the spaces before ; : ! ? the French way.
 *
 * The French pages checked are the twins of the English pages in dist/, so a
 * missing French page fails here, by name, rather than going unchecked.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { csvParse } from 'd3-dsv';
import { launchChromium } from './chromium';
import { builtPages } from './pages';
import { openPage, pageUrl, sitePathOf } from './locales';
import { panelMismatches } from './story-panel';
import { alternatePath, localeFromPath } from '../../src/i18n/locale';
import { EMBEDS } from '../../src/embeds/embeds';
import { storySteps } from '../../src/story/story-steps';

const dist = process.env.DIST_DIR ?? 'dist';
const built = builtPages();
const englishPages = built.filter((p) => localeFromPath(`/${p}`, '/') === 'en');
const frenchPages = built.filter((p) => localeFromPath(`/${p}`, '/') === 'fr');
/** The French twin of an English page path (no base): 'scenarios/' -> 'fr/scenarios/'. */
const frenchOf = (path: string) => sitePathOf('fr', path);
const englishOf = (path: string) => sitePathOf('en', path);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

// ---------------------------------------------------------------------------------------------
// Twins, lang and hreflang, read from the built files.

interface HeadFacts {
  lang: string | undefined;
  canonical: string | undefined;
  alternates: Record<string, string>;
}

function builtFile(path: string): string {
  return join(dist, path === '' || path.endsWith('/') ? `${path}index.html` : path);
}

/** The <html lang>, canonical link and hreflang alternates of a built page (their paths, without the host). */
function headFacts(path: string): HeadFacts {
  const html = readFileSync(builtFile(path), 'utf8');
  const head = html.slice(0, html.indexOf('</head>'));
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  // Paths only: an embed's canonical address is its story step ("/#step"), and alternates name pages.
  const pathOf = (href: string) => new URL(href, 'http://site.invalid/').pathname;
  const links = [...head.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]);
  const canonical = links.find((l) => attr(l, 'rel') === 'canonical');
  const alternates: Record<string, string> = {};
  for (const link of links.filter((l) => attr(l, 'rel') === 'alternate' && attr(l, 'hreflang'))) {
    alternates[attr(link, 'hreflang')!] = pathOf(attr(link, 'href')!);
  }
  return { lang: attr(/<html\b[^>]*>/.exec(html)?.[0] ?? '', 'lang'), canonical: canonical && pathOf(attr(canonical, 'href')!), alternates };
}

describe('twin pages', () => {
  it('the build has pages in both languages', () => {
    expect(englishPages.length).toBeGreaterThan(10);
    expect(frenchPages.length).toBeGreaterThan(0);
  });

  // A pair is checked once, from whichever side it is found on.
  const pairs = new Map<string, string>();
  for (const en of englishPages) pairs.set(en, frenchOf(en));
  for (const fr of frenchPages) pairs.set(englishOf(fr), fr);

  for (const [en, fr] of pairs) {
    it(`/${en} and /${fr} are twins: each exists, with its lang, and both name the same pair as hreflang alternates`, () => {
      expect(existsSync(builtFile(en)), `the English page /${en} (twin of /${fr}) is missing`).toBe(true);
      expect(existsSync(builtFile(fr)), `the French page /${fr} (twin of /${en}) is missing`).toBe(true);
      const english = headFacts(en);
      const french = headFacts(fr);
      expect(english.lang, `lang of /${en}`).toBe('en');
      expect(french.lang, `lang of /${fr}`).toBe('fr');
      // A page with a canonical address elsewhere (a short link, an embed) names that page's twins; the
      // French canonical is the twin of the English one.
      const enCanonical = english.canonical ?? `/${en}`;
      const frCanonical = french.canonical ?? `/${fr}`;
      expect(localeFromPath(enCanonical), `canonical of /${en}: ${enCanonical}`).toBe('en');
      expect(frCanonical, `canonical of /${fr} is the French twin of /${en}'s`).toBe(alternatePath(enCanonical, 'fr'));
      const pair = { en: enCanonical, fr: frCanonical, 'x-default': enCanonical };
      expect(english.alternates, `hreflang alternates of /${en}`).toEqual(pair);
      expect(french.alternates, `hreflang alternates of /${fr}`).toEqual(pair);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// The language switch keeps the reader's place.

async function switchLanguage(page: Page): Promise<void> {
  const link = page.locator('a[data-lang-switch]');
  expect(await link.count(), `a language switch on ${page.url()}`).toBe(1);
  await Promise.all([page.waitForEvent('load'), link.click()]);
}

const activeStep = (page: Page) => page.evaluate(() => document.querySelector<HTMLElement>('[data-story-panel]')?.dataset.activeStep);
const stateOf = (page: Page, id: string) => page.evaluate((stepId) => document.getElementById(stepId)?.dataset.state, id);
const storyReady = (page: Page) => page.waitForFunction(() => document.documentElement.classList.contains('story-ready'));

describe('the language switch', () => {
  it('on a story deep link, lands on the same step in the other language, drawn in the same state, and back', { timeout: 90_000 }, async () => {
    const { context, page, errors } = await openPage(browser, pageUrl('en'), { reducedMotion: 'reduce' });
    await storyReady(page);
    const steps = await page.$$eval('[data-step]', (els) => els.map((el) => el.id));
    expect(steps.length).toBeGreaterThan(15);
    // A deep link in, then the reader scrolls on to another step: the switch carries the step read now.
    const linked = steps[Math.floor(steps.length / 3)]!;
    const read = steps[Math.floor((2 * steps.length) / 3)]!;
    await page.goto(pageUrl('en', `/#${linked}`), { waitUntil: 'networkidle' });
    await storyReady(page);
    expect(await activeStep(page)).toBe(linked);
    await page.evaluate((id) => {
      const step = document.getElementById(id)!;
      const trigger = window.matchMedia('(max-width: 52rem)').matches ? 0.75 : 0.6;
      window.scrollTo(0, step.getBoundingClientRect().top + window.scrollY - window.innerHeight * trigger + 40);
    }, read);
    await page.waitForFunction((id) => location.hash === `#${id}`, read, { timeout: 5000 });
    const state = await stateOf(page, read);

    await switchLanguage(page);
    expect(page.url()).toBe(pageUrl('fr', `/#${read}`));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await storyReady(page);
    expect(await activeStep(page)).toBe(read);
    expect(await stateOf(page, read), 'the French step shows the English step’s state').toBe(state);
    expect(await panelMismatches(page, state!), `/fr/#${read}`).toEqual([]);

    await switchLanguage(page);
    expect(page.url()).toBe(pageUrl('en', `/#${read}`));
    await storyReady(page);
    expect(await activeStep(page)).toBe(read);
    expect(await panelMismatches(page, state!), `/#${read}`).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the story’s step ids and states are the same in both languages', async () => {
    const { context, page } = await openPage(browser, pageUrl('en'), { js: false, waitUntil: 'load' });
    const read = () => page.$$eval('[data-step]', (els) => els.map((el) => `${el.id} ${(el as HTMLElement).dataset.state}`));
    const english = await read();
    await page.goto(pageUrl('fr'), { waitUntil: 'load' });
    expect(await read()).toEqual(english);
    await context.close();
  });

  it('on the scenario explorer, lands on the same state, as chosen at the time of the click, and back', { timeout: 60_000 }, async () => {
    const explorerReady = (p: Page) => p.waitForFunction(() => document.documentElement.classList.contains('explorer-ready'));
    const chosen = (p: Page) =>
      p.evaluate(() => ({
        compare: [...document.querySelectorAll<HTMLInputElement>('[data-compare-input]')].filter((i) => i.checked).map((i) => i.value),
        assumptions: Object.fromEntries([...document.querySelectorAll<HTMLInputElement>('[data-assumption-input]')].map((i) => [i.dataset.assumptionInput, i.checked])),
        estimate: [...document.querySelectorAll<HTMLInputElement>('[data-estimate-input]')].map((i) => i.value),
      }));
    const { context, page, errors } = await openPage(browser, pageUrl('en', 'scenarios/?v=1&c=i,iv&reforms=yes'));
    await explorerReady(page);
    // The reader changes the state after the page loaded: the switch carries the address as it is now.
    await page.locator('[data-compare-input][value="ii"]').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('c')).toBe('i,ii,iv');
    const query = new URL(page.url()).search;
    const english = await chosen(page);
    expect(english.compare).toEqual(['i', 'ii', 'iv']);

    await switchLanguage(page);
    expect(page.url()).toBe(pageUrl('fr', `scenarios/${query}`));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await explorerReady(page);
    expect(await chosen(page)).toEqual(english);

    // (All four compared is the default state, which the address leaves out: take one away instead.)
    await page.locator('[data-compare-input][value="iv"]').uncheck();
    await expect.poll(() => new URL(page.url()).searchParams.get('c')).toBe('i,ii');
    const frenchQuery = new URL(page.url()).search;
    const french = await chosen(page);
    await switchLanguage(page);
    expect(page.url()).toBe(pageUrl('en', `scenarios/${frenchQuery}`));
    await explorerReady(page);
    expect(await chosen(page)).toEqual(french);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('on an embed with options, lands on the French embed with the same options, and back', async () => {
    const embed = EMBEDS.find((e) => e.id === 'fuel-prices')!;
    const state = embed.states.at(-1)!;
    const step = storySteps().find((s) => s.state === state)!;
    const query = `?step=${step.id}&theme=dark`;
    const embedReady = (p: Page) => p.waitForFunction(() => document.documentElement.classList.contains('embed-ready'));
    // What the options change: the state drawn, and the background the dark theme gives.
    const shown = (p: Page) => p.evaluate(() => ({ state: document.querySelector<HTMLElement>('[data-embed-panel]')?.dataset.state, background: getComputedStyle(document.body).backgroundColor }));
    const { context, page, errors } = await openPage(browser, pageUrl('en', `embed/${embed.id}/${query}`), { colorScheme: 'light' });
    await embedReady(page);
    const english = await shown(page);
    expect(english.state).toBe(state);
    await switchLanguage(page);
    expect(page.url()).toBe(pageUrl('fr', `embed/${embed.id}/${query}`));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await embedReady(page);
    expect(await shown(page)).toEqual(english);
    await switchLanguage(page);
    expect(page.url()).toBe(pageUrl('en', `embed/${embed.id}/${query}`));
    expect(errors).toEqual([]);
    await context.close();
  });
});

// ---------------------------------------------------------------------------------------------
// No English on French pages; French formats.

/** A piece of a page a reader reads or hears: a text node, an attribute, the title, a meta description. */
interface ReadText {
  where: string;
  text: string;
  /** Running prose (a text node) rather than a label: quotation marks and spaces are checked there. */
  prose: boolean;
  /** Inside a <cite>, <q> or <blockquote>: a source's own title or words, as the source wrote them (not our
   * own [bracketed] description of an untitled source, which is checked like the rest). */
  quoted?: boolean;
}

/**
 * Everything a reader of the page reads or hears in its language ('fr'), but what is marked as
 * being in another language (an ancestor's `lang` not French: quotations, English source titles), code, and form
 * fields whose value is code (the embed snippet). Text nodes include SVG <text> and <title>;
 * attributes are alt, aria-label, title, placeholder and aria-roledescription; and the document's
 * title and the descriptions a link preview shows. The contents of <template>s (layouts drawn later)
 * are read too.
 */
function readTexts(language: string): ReadText[] {
  const out: ReadText[] = [];
  // Inside a <template> (a chart's phone layout, drawn when needed), an element's ancestors stop at the
  // template's content: its language and context are the template element's.
  const hostOf = (el: Element) => (el.getRootNode() instanceof DocumentFragment ? [...document.querySelectorAll('template')].find((t) => t.content === el.getRootNode()) : undefined);
  const closest = (el: Element, selector: string): Element | null => {
    const found = el.closest(selector);
    if (found) return found;
    const host = hostOf(el);
    return host ? closest(host, selector) : null;
  };
  const foreign = (el: Element | null) => ((el && closest(el, '[lang]')?.getAttribute('lang')) ?? '').toLowerCase().split('-')[0] !== language;
  const skipped = (el: Element | null) => !el || !!closest(el, 'script, style, noscript, code, pre, kbd, samp, textarea, [translate="no"]') || foreign(el);
  const describe = (el: Element) => {
    const id = closest(el, '[id]')?.id;
    return `<${el.tagName.toLowerCase()}>${id ? ` in #${id}` : ''}`;
  };
  const roots: ParentNode[] = [document.body, ...[...document.querySelectorAll('template')].map((t) => t.content)];
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (!/\S/.test(text) || skipped(node.parentElement)) continue;
      out.push({ where: describe(node.parentElement!), text: text.replace(/\s+/g, (s) => (/[\u00a0\u202f]/.test(s) ? s : ' ')), prose: true, quoted: !!closest(node.parentElement!, 'cite, q, blockquote') && !/^\s*\[/.test(text) });
    }
    for (const name of ['alt', 'aria-label', 'title', 'placeholder', 'aria-roledescription']) {
      for (const el of root.querySelectorAll(`[${name}]`)) {
        if (el.closest('head') || skipped(el)) continue;
        const text = el.getAttribute(name) ?? '';
        if (/\S/.test(text)) out.push({ where: `${describe(el)} ${name}`, text, prose: false });
      }
    }
  }
  if (!foreign(document.documentElement)) {
    out.push({ where: '<title>', text: document.title, prose: false });
    for (const meta of document.querySelectorAll('meta[name="description"], meta[property="og:title"], meta[property="og:description"], meta[property="og:image:alt"], meta[property="og:site_name"]')) {
      out.push({ where: `<meta ${meta.getAttribute('name') ?? meta.getAttribute('property')}>`, text: meta.getAttribute('content') ?? '', prose: false });
    }
  }
  return out;
}

/**
 * English words that are not also French words, so that a French sentence never trips them:
 * not "on", "or", "as", "an", "but", "in" (French or Latin in French prose: "in extremis"),
 * "a", "no", "per", "menu", "sources", "close". Function words catch English prose; the interface words
 * catch an untranslated control.
 */
// Word edges that know accented letters and the apostrophe: "for" is not a word in "forêt", nor "at" in "Jama’at".
const ENGLISH_WORDS = new RegExp(
  '(?<![\\p{L}\\p{N}’\'])(?:' +
    [
      'the', 'and', 'with', 'from', 'which', 'were', 'was', 'this', 'that', 'these', 'those', 'after', 'before', 'between',
      'about', 'of', 'to', 'is', 'are', 'has', 'have', 'been', 'their', 'they', 'them', 'will', 'would', 'could', 'should',
      'for', 'by', 'at', 'its', 'it', 'not', 'than', 'there', 'what', 'when', 'where', 'who', 'how', 'into', 'over', 'under',
      'only', 'also', 'each', 'every', 'while', 'since', 'until', 'says', 'said',
      'download', 'downloads', 'share', 'copy', 'copied', 'next', 'previous', 'step', 'chart', 'map', 'embed', 'print',
      'save', 'saved', 'skip', 'read', 'story', 'scenarios', 'glossary', 'undated', 'kb', 'mb', 'accessed', 'published', 'facts',
    ].join('|') +
    ')(?![\\p{L}\\p{N}’\'])',
  'iu',
);

/** Proper names that hold English words: the outlets of data/sources.csv, and the site's own name. */
const PROPER_NAMES = [
  ...new Set(csvParse(readFileSync('data/sources.csv', 'utf8')).map((row) => row.outlet ?? '')),
  'Lifelines',
  // Newspapers named in our notes that are not themselves cited.
  'The Independent',
  'Natural Earth',
  'CC BY 4.0',
  'Creative Commons Attribution 4.0',
  'CC BY',
]
  .filter((name) => name.length > 1)
  .sort((a, b) => b.length - a.length);

function withoutProperNames(text: string): string {
  let out = text;
  for (const name of PROPER_NAMES) out = out.split(name).join(' ');
  return out;
}

/**
 * What a French text may hold in another language or notation: quotations in « » (a quoted English title
 * keeps its words and punctuation) and web addresses ("https://…", "localhost:4321/fr/c/1/", "hrw.org").
 */
const QUOTATION = /«[^«»]*»/gu;
const ADDRESS = /(?:https?:\/\/)?(?:[\w-]+\.)*[\w-]+(?:\.[a-z]{2,}|:\d+)(?:\/[^\s«»()]*)?/giu;
function withoutQuotationsAndAddresses(text: string): string {
  return text.replace(QUOTATION, '« »').replace(ADDRESS, (address) => (/[./:]/.test(address) ? ' ' : address));
}

/** The English words in a French page's texts, as "where: “…word…”". */
function englishIn(texts: ReadText[]): string[] {
  return texts.flatMap(({ where, text }) => {
    const found = ENGLISH_WORDS.exec(withoutProperNames(withoutQuotationsAndAddresses(text)));
    return found ? [`${where}: “${text.trim().slice(0, 120)}” (${found[0]})`] : [];
  });
}

const NBSP = '[\\u00a0\\u202f]';
/** What a French page must not write, each with the reason a reader would see. */
const FORMAT_RULES: { rule: string; pattern: RegExp; proseOnly?: boolean }[] = [
  // English writes "Nov 2025" and "15 Nov"; French "nov. 2025", and "Nov. 2025" at the start of a label.
  { rule: 'English month', pattern: /(?<!\p{L})(?:January|February|March|April|May|June|July|August|September|October|November|December)(?!\p{L})|(?<!\p{L})(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec) \d|\d (?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?!\p{L})/u },
  { rule: 'comma as thousands separator', pattern: /(?<![\d,.])[1-9]\d{0,2}(?:,\d{3})+(?![\d,])/ },
  { rule: 'point as decimal separator', pattern: /(?<![\d.\w/])\d+\.\d+(?![\d.]|\w)/ },
  { rule: 'percent sign without a no-break space before it', pattern: new RegExp(`\\d(?:%| %)`) },
  { rule: '"CFA francs" (French: "francs CFA")', pattern: /\bCFA francs?\b|\d\s?CFA\b/ },
  { rule: 'English quotation marks (French: « »)', pattern: /[\u201c\u201d"]/, proseOnly: true },
  { rule: '« or » without a no-break space inside', pattern: new RegExp(`«(?!${NBSP})|(?<!${NBSP})»`) },
  // "14:30" and addresses ("https://") are not punctuation in a sentence.
  // Nor after an opening bracket, as src/i18n/typography.ts writes it: "(?p=14636)", "(?)".
  { rule: 'no no-break space before ; : ! ?', pattern: new RegExp(`(?<!${NBSP}|\\d|https?|\\s|[([])[;:!?](?!//)|\\s(?<!${NBSP})[;:!?]`) },
];

interface FormatFinding {
  where: string;
  rule: string;
  excerpt: string;
}

/**
 * Decimals that data/ holds with three decimal places, as French writes them: the euro's fixed rate,
 * "655,957 francs CFA", is a decimal, not an English thousands separator.
 */
const FRENCH_DECIMALS_FROM_DATA = csvParse(readFileSync('data/exchange-rates.csv', 'utf8'))
  .map((row) => row.cfa_per_unit ?? '')
  .filter((value) => /^\d+\.\d{3}$/.test(value))
  .map((value) => value.replace('.', ','));

function formatFindings(texts: ReadText[]): FormatFinding[] {
  // A source's own title keeps the source's typography (its quotation marks and spaces): it is a quotation.
  return texts.filter((t) => !t.quoted).flatMap(({ where, text, prose }) =>
    FORMAT_RULES.map((r) => ({
      r,
      checked: r.rule.startsWith('«') ? text : FRENCH_DECIMALS_FROM_DATA.reduce((out, d) => out.split(d).join(' '), withoutProperNames(withoutQuotationsAndAddresses(text))),
    }))
      .filter(({ r, checked }) => (prose || !r.proseOnly) && r.pattern.test(checked))
      .map(({ r, checked }) => {
        const at = checked.search(r.pattern);
        return { where, rule: r.rule, excerpt: `…${checked.slice(Math.max(0, at - 40), at + 40).trim()}…` };
      }),
  );
}

const formatProblems = (texts: ReadText[]) => formatFindings(texts).map((f) => `${f.where}: ${f.rule}: “${f.excerpt}”`);

/** Reads a page as a reader gets it: its script has run (the offline status, the explorer's sentences). */
async function textsOf(page: Page, url: string, language = 'fr'): Promise<ReadText[]> {
  const response = await page.goto(url, { waitUntil: 'load' });
  expect(response?.status(), `${url} is served`).toBe(200);
  await page.waitForTimeout(150);
  return page.evaluate(readTexts, language);
}

// Short links redirect at once, and the story is read through them elsewhere; the offline page is read here.
const readPages = englishPages.filter((p) => !p.startsWith('c/'));

describe('the checks on French text can fail', () => {
  it('they find English words and English formats on the English story', async () => {
    const { context, page } = await openPage(browser, undefined);
    const texts = await textsOf(page, pageUrl('en'), 'en');
    const english = englishIn(texts);
    expect(english.length).toBeGreaterThan(50);
    const rules = new Set(formatFindings(texts).map((f) => f.rule));
    expect([...rules]).toEqual(expect.arrayContaining(['English month', 'English quotation marks (French: « »)']));
    await context.close();
  });

  it('they accept French as it should be written', () => {
    const good: ReadText[] = [
      { where: 'p', prose: true, text: 'Le 27 octobre 2025, le litre d’essence coûtait 1 300 francs CFA à Bamako\u00a0: 38,4\u00a0% de plus qu’en juillet, selon l’article, « entre autres\u202f».'.replace('« ', '«\u202f') },
      { where: 'p', prose: true, text: 'Pourquoi\u202f? Les camions-citernes venaient de Kayes et de Sikasso\u202f; la route de Ségou était coupée\u00a0! Mise à jour à 14:30, voir https://example.org.' },
    ];
    expect(englishIn(good)).toEqual([]);
    expect(formatProblems(good)).toEqual([]);
    const bad: ReadText[] = [
      { where: 'p', prose: true, text: 'Le 27 Oct 2025, 1,300 CFA francs: 38.4% “de plus”.' },
      { where: 'p', prose: true, text: 'Pourquoi ? « entre autres »' },
    ];
    expect(new Set(formatFindings(bad).map((f) => f.rule))).toEqual(new Set(FORMAT_RULES.map((r) => r.rule)));
    expect(englishIn([{ where: 'p', prose: true, text: 'Download the data' }])).toHaveLength(1);
  });
});

describe('French pages', () => {
  let page: Page;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const opened = await openPage(browser, undefined, { width: 1280, height: 900 });
    page = opened.page;
    close = () => opened.context.close();
  });
  afterAll(async () => close?.());

  for (const en of readPages) {
    const fr = frenchOf(en);
    it(`/${fr} shows no English outside quotations and proper names, and writes the French way`, async () => {
      const texts = await textsOf(page, pageUrl('fr', en));
      expect(texts.length).toBeGreaterThan(5);
      expect(englishIn(texts), `English on /${fr}`).toEqual([]);
      expect(formatProblems(texts), `formats on /${fr}`).toEqual([]);
    });
  }
});
