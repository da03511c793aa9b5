/**
 * The built pages read as a reader would read them: the text the browser
 * renders, not the MDX. Each pattern here is a glitch a reader once saw on
 * the site ("on 6 Jun 2025 to 8 Jun 2025", "In 16 Jan 2012", "Wikipedia,
 * 2026", brackets inside brackets), and each date line is checked against
 * data/ read independently of the site's own code.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';
import { forEachLocale, pageUrl, sitePathOf, type Locale } from './locales';
import { afterArticleCell } from '../../src/data/currency';
import { outletName } from '../../src/data/sources';
import { frenchTypography } from '../../src/i18n/typography';

const siteUrl = inject('siteUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function pageText(path: string, javaScript = true): Promise<string> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: javaScript });
  const page = await context.newPage();
  const response = await page.goto(siteUrl + path, { waitUntil: 'load' });
  expect(response?.status(), `/${path}`).toBe(200);
  const text = await page.evaluate(() => document.body.innerText);
  await context.close();
  return text;
}

function csv(file: string): Record<string, string>[] {
  return csvParse(readFileSync(`data/${file}`, 'utf8')) as unknown as Record<string, string>[];
}

/** The first day a partial date can mean, for comparing dates as strings. */
const firstDay = (d: string) => `${d}-01-01`.slice(0, 10);
/** The last day a partial date can mean. */
const lastDay = (d: string) => (d.length === 10 ? d : d.length === 7 ? `${d}-31` : `${d}-12-31`);

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*';
const DAY_DATE = `\\d{1,2} ${MONTH} \\d{4}`;

describe('the story reads as good English', () => {
  let text = '';
  beforeAll(async () => {
    text = await pageText('', false);
  });

  it('never joins a preposition to a span the wrong way, or puts "in" before a day', () => {
    expect(text).not.toMatch(new RegExp(`\\b(?:on|in) ${DAY_DATE} (?:to|–) `, 'i'));
    expect(text).not.toMatch(new RegExp(`\\b[Ii]n ${DAY_DATE}`));
    expect(text).not.toMatch(new RegExp(`\\bfrom ${DAY_DATE} to ${DAY_DATE} until\\b`));
    expect(text).not.toMatch(/\b(on|in|from) (on|in|from|between) /i);
  });

  it('never nests a citation in brackets inside brackets, or splits a phrase with one', () => {
    expect(text).not.toMatch(/\([^()]*\([^()]*\)[^()]*\)/);
    expect(text).not.toMatch(/\) of fuel\b/);
  });

  it('shows no access date as a publication date: an undated source reads "undated"', () => {
    const sources = csv('sources.csv').filter((r) => !r.date && r.accessed && r.chapter !== 'background');
    expect(sources.length).toBeGreaterThan(0);
    const shortOutlet = (outlet: string) => outlet.replace(/\s*\([^()]*\)\s*$/, '');
    for (const s of sources) {
      // The old fault: an access year standing where the publication date goes ("Wikipedia, 2026").
      const year = s.accessed!.slice(0, 4);
      expect(text, `${s.id} is undated`).not.toContain(`${shortOutlet(s.outlet!)}, ${year})`);
      expect(text, `${s.id} is undated`).not.toContain(`${shortOutlet(s.outlet!)}, ${year};`);
    }
    expect(text).toMatch(/, undated[;)]/);
  });

  it('says how current its facts are, from the newest dated event in data/', () => {
    const [y, m, d] = newestFactDate().split('-');
    const month = m ? new Date(Date.UTC(2000, Number(m) - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' }) : '';
    const shown = [d ? String(Number(d)) : '', month, y].filter(Boolean).join(' ');
    expect(text).toContain(`Facts as of ${shown}.`);
  });
});

/** The newest dated fact in data/: what "Facts as of" must say. */
function newestFactDate(): string {
  const dates = [
    ...csv('timeline.csv').flatMap((r) => [r.date!, r.end_date || r.date!]),
    ...csv('convoys.csv').map((r) => r.date!),
    ...csv('tankers.csv').map((r) => r.date!),
    ...csv('electricity.csv').map((r) => r.date!),
    ...csv('fuel-prices.csv').map((r) => r.date!),
    ...csv('signpost-observations.csv').map((r) => r.date!),
  ];
  return dates.reduce((a, b) => (lastDay(b) > lastDay(a) ? b : a));
}

const FRENCH_MONTH = '(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|janv\\.|févr\\.|avr\\.|juil\\.|sept\\.|oct\\.|nov\\.|déc\\.)';
const FRENCH_DAY_DATE = `(?:1er|\\d{1,2}) ${FRENCH_MONTH} \\d{4}`;

describe('the French story reads as good French', () => {
  let text = '';
  beforeAll(async () => {
    text = await pageText('fr/', false);
  });

  it('dates a day with « le », never « en », and writes no doubled word', () => {
    // "en 27 octobre 2025" is English grammar in French words; French says "le 27 octobre 2025".
    expect(text).not.toMatch(new RegExp(`(?<![\\p{L}])[Ee]n ${FRENCH_DAY_DATE}`, 'u'));
    // The first of the month is "1er", not "1".
    expect(text).not.toMatch(new RegExp(`(?<![\\d])1 ${FRENCH_MONTH} \\d{4}`, 'u'));
    expect(text).not.toMatch(/(?<![\p{L}])(le|la|les|de|du|des|au|aux|en) \1(?![\p{L}])/iu);
  });

  it('never nests a citation in brackets inside brackets', () => {
    expect(text).not.toMatch(/\([^()]*\([^()]*\)[^()]*\)/);
  });

  it('shows no access date as a publication date: an undated source reads « non daté »', () => {
    const sources = csv('sources.csv').filter((r) => !r.date && r.accessed && r.chapter !== 'background');
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) {
      const year = s.accessed!.slice(0, 4);
      const outlet = outletName({ outlet: s.outlet! }, 'fr').replace(/\s*\([^()]*\)\s*$/, '');
      expect(text, `${s.id} is undated`).not.toContain(`${outlet}, ${year})`);
      expect(text, `${s.id} is undated`).not.toMatch(new RegExp(`${outlet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, ${year}\\s?;`));
    }
    expect(text).toMatch(/, non daté\s?[;)]/);
  });

  it('says how current its facts are, from the newest dated event in data/, as French writes a date', () => {
    const [y, m, d] = newestFactDate().split('-');
    const month = m ? new Date(Date.UTC(2000, Number(m) - 1, 1)).toLocaleString('fr-FR', { month: 'long', timeZone: 'UTC' }) : '';
    const day = d ? (d === '01' ? '1er' : String(Number(d))) : '';
    const shown = [day, month, y].filter(Boolean).join(' ');
    expect(text).toContain(`Informations à jour au ${shown}.`);
  });
});

/** How each edition says how current its facts are, and flags what came after the article. */
const READING: Record<Locale, { factsAsOf: RegExp; flag: RegExp; flagCell: string }> = {
  en: { factsAsOf: /Facts as of \d{1,2} [A-Z][a-z]{2} \d{4}\./, flag: /after the article/i, flagCell: 'Yes: reported after the article' },
  fr: { factsAsOf: /Informations à jour au \d{1,2}(?:er)? [a-zéû]+ \d{4}\./, flag: /après l’article/i, flagCell: afterArticleCell('2026-01-01', 'fr') },
};

forEachLocale((locale) => {
  describe('each embed says how current its facts are', () => {
    for (const graphic of ['map-frame', 'map-mali', 'roads-waffle', 'fuel-prices', 'electricity', 'school-calendar', 'timeline', 'scenarios']) {
      it(`/${sitePathOf(locale, `embed/${graphic}/`)} says how current its facts are`, async () => {
        const text = await pageText(sitePathOf(locale, `embed/${graphic}/`));
        expect(text).toMatch(READING[locale].factsAsOf);
      });
    }
  });

  describe('events after the article are flagged wherever they appear', () => {
    const after = csv('timeline.csv').filter((r) => firstDay(r.date!) > '2025-12-09');

    it('the data holds events after the article (so the checks below can fail)', () => {
      expect(after.length).toBeGreaterThan(0);
    });

    it('in the timeline table of the story, each later event is marked and no earlier one is', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      expect((await page.goto(pageUrl(locale, 'embed/timeline/'), { waitUntil: 'load' }))?.status()).toBe(200);
      const rows = await page.$$eval('table tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('th,td')].map((c) => (c.textContent ?? '').trim())));
      await context.close();
      const header = rows[0] ?? [];
      // The columns are in the same order in both languages: date, until, event, category, confidence, the
      // flag, then the sources.
      const eventColumn = 2;
      const flagColumn = 5;
      expect(header.length).toBe(7);
      if (locale === 'en') expect([header[eventColumn], header[flagColumn]]).toEqual(['Event', 'After the article']);
      for (const event of csv('timeline.csv')) {
        // The French title as a reader reads it: in French typography (« Azawad » with its narrow no-break spaces).
        const title = locale === 'fr' ? frenchTypography(event.title_fr!) : event.title;
        const row = rows.find((r) => r[eventColumn] === title);
        expect(row, event.id!).toBeDefined();
        const isAfter = firstDay(event.date!) > '2025-12-09';
        expect(row![flagColumn], event.id!).toBe(isAfter ? READING[locale].flagCell : '');
      }
    });

    it('in the story, every paragraph with a date, count or figure from after the article says so', async () => {
      const tankersAfter = csv('tankers.csv').filter((r) => firstDay(r.date!) > '2025-12-09').map((r) => r.id!);
      const figuresAfter = csv('figures.csv').filter((r) => r.after_article === 'yes').map((r) => r.id!);
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
      const page = await context.newPage();
      expect((await page.goto(pageUrl(locale), { waitUntil: 'load' }))?.status()).toBe(200);
      const paragraphs = await page.$$eval('#story-steps p', (ps) =>
        ps.map((p) => ({
          text: (p as HTMLElement).innerText,
          dates: [...p.querySelectorAll('time[datetime]')].map((t) => t.getAttribute('datetime') ?? ''),
          tankers: [...p.querySelectorAll('[data-tanker-claim]')].map((t) => t.getAttribute('data-tanker-claim') ?? ''),
          figures: [...p.querySelectorAll('[data-figure]')].map((t) => t.getAttribute('data-figure') ?? ''),
        })),
      );
      await context.close();
      let later = 0;
      for (const p of paragraphs) {
        const isLater =
          p.dates.some((d) => firstDay(d) > '2025-12-09') || p.tankers.some((t) => tankersAfter.includes(t)) || p.figures.some((f) => figuresAfter.includes(f));
        if (!isLater) continue;
        later++;
        expect(p.text, 'a paragraph about events after the article').toMatch(READING[locale].flag);
      }
      expect(later, 'the story mentions events after the article').toBeGreaterThan(0);
    });

    it('in the timeline drawing, each later event mark carries the flag in its class', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      expect((await page.goto(pageUrl(locale, 'embed/timeline/'), { waitUntil: 'load' }))?.status()).toBe(200);
      const flagged = await page.$$eval('svg [data-mark].is-after-article', (els) => [...new Set(els.map((e) => e.getAttribute('data-mark')))]);
      await context.close();
      expect(flagged.sort()).toEqual(after.map((r) => r.id).sort());
    });
  });
});
