/**
 * How dates, spans, citations and conversions read in the story. Each case
 * is one a reader saw on the site before it was fixed: "on 6 Jun 2025 to
 * 8 Jun 2025", "in 27 Mar 2022 to 31 Mar 2022", "In 16 Jan 2012",
 * "Wikipedia, 2026" (an access year shown as a publication date), and a
 * dollar conversion nested in two pairs of brackets.
 */
import { describe, it, expect } from 'vitest';
import { datePhrase, formatDateRange } from '../../src/data/dates';
import { accessedText, publishedText, shortCitation } from '../../src/data/sources';
import { convertPrice, formatConvoyCount, formatElectricity } from '../../src/data/format';
import { ARTICLE_DATE, factsAsOfDate, isAfterArticle } from '../../src/data/currency';
import { loadSiteData } from '../../src/data/load';
import type { Convoy, ElectricityObservation, ExchangeRate, FuelPrice, Source } from '../../src/data/schema';
import { copyData, errorOf, setCell } from './helpers/broken-data';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('a date in a sentence carries the right preposition', () => {
  it('a day is "on", a month or a year is "in"', () => {
    expect(datePhrase('2025-09-03')).toBe('on 3 September 2025');
    expect(datePhrase('2025-09')).toBe('in September 2025');
    expect(datePhrase('2012')).toBe('in 2012');
  });

  it('a span of days is written once, "from … to …", never "on X to Y"', () => {
    expect(datePhrase('2025-06-06', '2025-06-08')).toBe('from 6 to 8 June 2025');
    expect(datePhrase('2022-03-27', '2022-03-31')).toBe('from 27 to 31 March 2022');
    expect(datePhrase('2025-10-27', '2025-11-09')).toBe('from 27 October to 9 November 2025');
  });

  it('a span of months, or of unlike precision or years, is "between … and …"', () => {
    expect(datePhrase('2012-03', '2012-07')).toBe('between March and July 2012');
    expect(datePhrase('2025-11-08', '2025-11-09')).toBe('from 8 to 9 November 2025');
    expect(datePhrase('2025-12', '2026-02')).toBe('between December 2025 and February 2026');
    expect(datePhrase('2023-02', '2023-11-13')).toBe('between February and 13 November 2023');
    expect(datePhrase('2025-11', '2025-12-06')).toBe('between November and 6 December 2025');
    expect(datePhrase('2024-12', '2025-01-03')).toBe('between December 2024 and 3 January 2025');
  });

  it('an end equal to the start is a single date', () => {
    expect(datePhrase('2025-11-10', '2025-11-10')).toBe('on 10 November 2025');
  });
});

describe('a bare span does not repeat what its ends share', () => {
  it('short months for tables and captions', () => {
    expect(formatDateRange('2025-06-06', '2025-06-08')).toBe('6–8 Jun 2025');
    expect(formatDateRange('2025-10-27', '2025-11-09')).toBe('27 Oct – 9 Nov 2025');
    expect(formatDateRange('2012-03', '2012-07')).toBe('Mar–Jul 2012');
    expect(formatDateRange('2025-12', '2026-01')).toBe('Dec 2025 – Jan 2026');
    expect(formatDateRange('2024-12-28', '2025-01-03')).toBe('28 Dec 2024 – 3 Jan 2025');
    expect(formatDateRange('2025-09-03')).toBe('3 Sep 2025');
    expect(formatDateRange('2025-11', '2025-12-06')).toBe('Nov – 6 Dec 2025');
    expect(formatDateRange('2012', '2014')).toBe('2012–2014');
    expect(formatDateRange('2012', '2014-07')).toBe('2012 – Jul 2014');
  });

  it('full months for running text', () => {
    expect(formatDateRange('2025-06-06', '2025-06-08', 'full')).toBe('6–8 June 2025');
  });
});

describe('citations show when a source was published, never when we read it', () => {
  const base: Source = {
    id: 'x',
    outlet: 'Counter Extremism Project',
    title: 'Profile',
    date: undefined,
    accessed: '2026',
    url: 'https://example.org/',
    language: 'en',
    reliability: 'original',
    copy_host: undefined,
    url_checked: false,
    chapter: 'actors',
    note: 'The page shows no publication date.',
    note_fr: 'La page n’affiche aucune date de publication.',
  };

  it('an undated source says "undated", not its access year', () => {
    expect(shortCitation(base)).toBe('Counter Extremism Project, undated');
    expect(publishedText(base)).toBe('undated');
    expect(accessedText(base)).toBe('accessed 2026');
  });

  it('a dated source shows its publication date at its precision', () => {
    expect(shortCitation({ ...base, outlet: 'CTC Sentinel', date: '2024-10' })).toBe('CTC Sentinel, Oct 2024');
    expect(shortCitation({ ...base, outlet: 'RFI', date: '2025-09-15' })).toBe('RFI, 15 Sep 2025');
  });

  it('a source with no date and no word on why, or no address and no word on why, stops the build', () => {
    let dir = copyData();
    let row = setCell(dir, 'sources.csv', 1, 'date', '');
    setCell(dir, 'sources.csv', 1, 'note', '');
    expect(errorOf(dir).message).toContain(`sources.csv, row ${row}`);
    expect(errorOf(dir).message).toContain('field "date": is empty');
    dir = copyData();
    row = setCell(dir, 'sources.csv', 1, 'url', '');
    setCell(dir, 'sources.csv', 1, 'note', '');
    expect(errorOf(dir).message).toContain(`sources.csv, row ${row}`);
    expect(errorOf(dir).message).toContain('field "url": is empty');
  });
});

describe('prices convert at a dated, sourced rate', () => {
  const price = { price_cfa_min: 775, price_cfa_max: 775 } as FuelPrice;
  const euro = { currency: 'EUR', cfa_per_unit: 655.957 } as ExchangeRate;

  it('the CFA franc converts to the euro at its fixed parity', () => {
    expect(convertPrice(price, euro)).toEqual({ value: '€1.18', rateText: '655.957 CFA francs to the euro' });
    expect(convertPrice({ ...price, price_cfa_max: 2000 }, euro).value).toBe('€1.18–3.05');
  });

  it('the story converts only with the parity stated by the central bank', () => {
    const data = loadSiteData();
    const parity = data.exchangeRates.find((r) => r.id === 'cfa-euro-parity');
    expect(parity?.cfa_per_unit).toBe(655.957);
    expect(parity?.method).toBe('fixed-parity');
    expect(data.exchangeRates.every((r) => r.method !== ('derived-from-source-conversion' as string))).toBe(true);
  });
});

describe('how current the facts are', () => {
  it('a row is after the article only when its whole period is', () => {
    expect(ARTICLE_DATE).toBe('2025-12-09');
    expect(isAfterArticle('2025-12-09')).toBe(false);
    expect(isAfterArticle('2025-12-10')).toBe(true);
    expect(isAfterArticle('2025-12')).toBe(false);
    expect(isAfterArticle('2026')).toBe(true);
    expect(isAfterArticle('2026-01-29')).toBe(true);
  });

  it('"facts as of" is the newest date of any event row, end dates included', () => {
    const empty = { timeline: [], fuelPrices: [], electricity: [], tankers: [], convoys: [], signpostObservations: [] };
    const timeline = [
      { date: '2025-09-03', end_date: undefined },
      { date: '2026-01-26', end_date: '2026-02-08' },
    ] as never[];
    expect(factsAsOfDate({ ...empty, timeline })).toBe('2026-02-08');
    expect(() => factsAsOfDate(empty)).toThrow(/no dated event rows/);
    const data = loadSiteData();
    const asOf = factsAsOfDate(data);
    const all = [...data.timeline.flatMap((e) => [e.date, e.end_date ?? e.date]), ...data.convoys.map((c) => c.date), ...data.tankers.map((t) => t.date)];
    for (const d of all) expect(`${d}-01-01`.slice(0, 10) <= `${asOf}-01-01`.slice(0, 10), d).toBe(true);
  });
});

describe('counts keep the qualifier their source gave', () => {
  const power = (extra: Partial<ElectricityObservation>) =>
    ({ measure: 'supply_hours_per_day', value_min: undefined, value_max: undefined, qualifier: undefined, ...extra }) as ElectricityObservation;

  it('hours of power: "up to", "fewer than", "about", a range, a single value', () => {
    expect(formatElectricity(power({ measure: 'outage_hours_per_day', value_max: 20 }))).toBe('up to 20 hours a day without power');
    expect(formatElectricity(power({ value_max: 6, qualifier: 'fewer-than' }))).toBe('fewer than 6 hours of power a day');
    expect(formatElectricity(power({ value_min: 6, value_max: 6, qualifier: 'about' }))).toBe('about 6 hours of power a day');
    expect(formatElectricity(power({ value_min: 2, value_max: 5 }))).toBe('2–5 hours of power a day');
    expect(formatElectricity(power({ value_min: 1, value_max: 1 }))).toBe('1 hour of power a day');
  });

  it('tankers in a convoy: "about 40", "more than 100", "at least 40", or nothing when no count was given', () => {
    const convoy = (extra: Partial<Convoy>) => ({ tankers_min: undefined, tankers_max: undefined, tankers_qualifier: undefined, ...extra }) as Convoy;
    expect(formatConvoyCount(convoy({ tankers_min: 40, tankers_max: 40, tankers_qualifier: 'about' }))).toBe('about 40');
    expect(formatConvoyCount(convoy({ tankers_min: 100, tankers_qualifier: 'more-than' }))).toBe('more than 100');
    expect(formatConvoyCount(convoy({ tankers_min: 40, tankers_qualifier: 'at-least' }))).toBe('at least 40');
    expect(formatConvoyCount(convoy({ tankers_min: 17, tankers_max: 17, tankers_qualifier: 'exact' }))).toBe('17');
    expect(formatConvoyCount(convoy({}))).toBe('');
  });

  it('a convoy count without its qualifier stops the build', () => {
    const dir = copyData();
    const rows = readFileSync(join(dir, 'convoys.csv'), 'utf8');
    const index = rows.split('\n').slice(1).findIndex((l) => /,\d+,\d*,(exact|about|at-least|more-than),/.test(l));
    expect(index).toBeGreaterThan(-1);
    const row = setCell(dir, 'convoys.csv', index, 'tankers_qualifier', '');
    expect(errorOf(dir).message).toContain(`convoys.csv, row ${row}`);
    expect(errorOf(dir).message).toContain('field "tankers_qualifier"');
  });
});
