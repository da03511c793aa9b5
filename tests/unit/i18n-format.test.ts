/**
 * French numbers, amounts and dates, as issue 13 asks: "1 300", "38,4 %", "775 francs CFA",
 * "27 octobre 2025". One function per format, the language its last parameter; English (the
 * default) is unchanged, as tests/unit/dates-and-citations.test.ts checks in full.
 */
import { describe, it, expect } from 'vitest';
import { datePhrase, formatDate, formatDateRange } from '../../src/data/dates';
import {
  convertPrice,
  electricityAmount,
  formatCfa,
  formatConvoyCount,
  formatElectricity,
  formatKeyFigure,
  formatNumber,
  formatNumberRange,
  formatPercent,
  formatPrice,
  formatTankerCount,
} from '../../src/data/format';
import type { Convoy, ElectricityObservation, ExchangeRate, FuelPrice, KeyFigure, TankerClaim } from '../../src/data/schema';

const N = '\u202f'; // narrow no-break space: Intl's French thousands separator
const S = '\u00a0'; // no-break space: before % and a currency sign

describe('French numbers', () => {
  it('thousands with a narrow no-break space, a decimal comma', () => {
    expect(formatNumber(1300, 'fr')).toBe(`1${N}300`);
    expect(formatNumber(22395485, 'fr')).toBe(`22${N}395${N}485`);
    expect(formatNumber(38.4, 'fr')).toBe('38,4');
    expect(formatNumber(655.957, 'fr')).toBe('655,96');
    expect(formatNumber(775, 'fr')).toBe('775');
    expect(formatNumber(1300, 'fr')).toBe(new Intl.NumberFormat('fr').format(1300).replace(/\s/u, N));
  });

  it('percentages with a no-break space before the sign', () => {
    expect(formatPercent(38.4, 'fr')).toBe(`38,4${S}%`);
    expect(formatPercent(38.4, 'fr').replace(/\s/gu, ' ')).toBe('38,4 %');
  });

  it('spans in words in prose, with a dash in compact labels', () => {
    expect(formatNumberRange(700, 1300, 'fr')).toBe(`de 700 à 1${N}300`);
    expect(formatNumberRange(700, 1300, 'fr', 'compact')).toBe(`700–1${N}300`);
    expect(formatNumberRange(700, 700, 'fr')).toBe('700');
  });

  it('English stays as it was', () => {
    expect(formatNumber(1300)).toBe('1,300');
    expect(formatNumber(38.4, 'en')).toBe('38.4');
    expect(formatPercent(38.4)).toBe('38.4%');
    expect(formatNumberRange(700, 1300)).toBe('700–1,300');
  });
});

describe('CFA amounts and prices', () => {
  const price = (min: number, max = min) => ({ price_cfa_min: min, price_cfa_max: max }) as FuelPrice;

  it('"775 francs CFA", "de 700 à 1 300 francs CFA"', () => {
    expect(formatCfa(775, undefined, 'fr')).toBe('775 francs CFA');
    expect(formatCfa(700, 1300, 'fr')).toBe(`de 700 à 1${N}300 francs CFA`);
    expect(formatPrice(price(775), 'fr')).toBe('775 francs CFA le litre');
    expect(formatPrice(price(1500, 2000), 'fr')).toBe(`de 1${N}500 à 2${N}000 francs CFA le litre`);
  });

  it('English: "775 CFA francs a litre"', () => {
    expect(formatCfa(775)).toBe('775 CFA francs');
    expect(formatPrice(price(775))).toBe('775 CFA francs a litre');
    expect(formatPrice(price(1500, 2000))).toBe('1,500–2,000 CFA francs a litre');
  });

  it('conversions put the sign after the amount', () => {
    const euro = { currency: 'EUR', cfa_per_unit: 655.957 } as ExchangeRate;
    const dollar = { currency: 'USD', cfa_per_unit: 560 } as ExchangeRate;
    expect(convertPrice(price(775), euro, 'fr')).toEqual({ value: `1,18${S}€`, rateText: '655,957 francs CFA pour un euro' });
    expect(convertPrice(price(775, 2000), euro, 'fr').value).toBe(`1,18 à 3,05${S}€`);
    expect(convertPrice(price(775), dollar, 'fr')).toEqual({ value: `1,38${S}$${S}US`, rateText: '560 francs CFA pour un dollar américain' });
    expect(convertPrice(price(775), euro)).toEqual({ value: '€1.18', rateText: '655.957 CFA francs to the euro' });
  });
});

describe('key figures and counts', () => {
  const figure = (extra: Partial<KeyFigure> & { unit_fr?: string }) =>
    ({ id: 'f', value: 38.4, value_max: undefined, unit: '%', qualifier: 'exact', ...extra }) as KeyFigure;

  it('qualifiers and units in French', () => {
    expect(formatKeyFigure(figure({}), 'fr')).toBe(`38,4${S}%`);
    expect(formatKeyFigure(figure({ value: 95, qualifier: 'more-than' }), 'fr')).toBe(`plus de 95${S}%`);
    expect(formatKeyFigure(figure({ value: 70, value_max: 80, qualifier: 'range' }), 'fr')).toBe(`de 70 à 80${S}%`);
    expect(formatKeyFigure(figure({ value: 1.3, unit: 'billion litres per year', unit_fr: 'milliard de litres par an', qualifier: 'about' }), 'fr')).toBe(
      'environ 1,3 milliard de litres par an',
    );
    expect(formatKeyFigure(figure({ value: 3.3, unit: '% per year', unit_fr: '% par an' }), 'fr')).toBe(`3,3${S}% par an`);
    expect(formatKeyFigure(figure({ value: 160000, value_max: 200000, unit: 'tonnes', unit_fr: 'tonnes', qualifier: 'range' }), 'fr')).toBe(
      `de 160${N}000 à 200${N}000 tonnes`,
    );
  });

  it('a French figure whose unit has words but no French stops the build, naming the row', () => {
    expect(() => formatKeyFigure(figure({ id: 'jnim-fighters', unit: 'fighters' }), 'fr')).toThrow(/figure "jnim-fighters".*unit_fr/);
  });

  it('English key figures unchanged', () => {
    expect(formatKeyFigure(figure({}))).toBe('38.4%');
    expect(formatKeyFigure(figure({ value: 160000, value_max: 200000, unit: 'tonnes', qualifier: 'range' }))).toBe('160,000–200,000 tonnes');
    expect(formatKeyFigure(figure({ value: 95, qualifier: 'more-than' }))).toBe('more than 95%');
  });

  it('tanker counts', () => {
    const claim = (extra: Partial<TankerClaim>) => ({ count_min: 40, count_max: undefined, count_qualifier: 'exact', ...extra }) as TankerClaim;
    expect(formatTankerCount(claim({ count_qualifier: 'at-least' }), 'fr')).toBe('au moins 40');
    expect(formatTankerCount(claim({ count_min: 15, count_max: 20 }), 'fr')).toBe('de 15 à 20');
    expect(formatTankerCount(claim({ count_min: 15, count_max: 20, count_qualifier: 'about' }), 'fr')).toBe('environ 15 à 20');
    expect(formatTankerCount(claim({ count_min: 15, count_max: 20 }))).toBe('15–20');
    const convoy = (extra: Partial<Convoy>) => ({ tankers_min: undefined, tankers_max: undefined, tankers_qualifier: undefined, ...extra }) as Convoy;
    expect(formatConvoyCount(convoy({ tankers_min: 100, tankers_qualifier: 'more-than' }), 'fr')).toBe('plus de 100');
    expect(formatConvoyCount(convoy({ tankers_min: 1300, tankers_qualifier: 'about' }), 'fr')).toBe(`environ 1${N}300`);
    expect(formatConvoyCount(convoy({}), 'fr')).toBe('');
  });

  it('hours of power', () => {
    const power = (extra: Partial<ElectricityObservation>) =>
      ({ measure: 'supply_hours_per_day', value_min: undefined, value_max: undefined, qualifier: undefined, ...extra }) as ElectricityObservation;
    expect(formatElectricity(power({ measure: 'outage_hours_per_day', value_max: 20 }), 'fr')).toBe('jusqu’à 20 heures par jour sans électricité');
    expect(formatElectricity(power({ value_max: 6, qualifier: 'fewer-than' }), 'fr')).toBe('moins de 6 heures d’électricité par jour');
    expect(formatElectricity(power({ value_min: 6, value_max: 6, qualifier: 'about' }), 'fr')).toBe('environ 6 heures d’électricité par jour');
    expect(formatElectricity(power({ value_min: 2, value_max: 5 }), 'fr')).toBe('de 2 à 5 heures d’électricité par jour');
    expect(formatElectricity(power({ value_min: 2, value_max: 5, qualifier: 'about' }), 'fr')).toBe('environ 2 à 5 heures d’électricité par jour');
    expect(formatElectricity(power({ value_min: 1, value_max: 1 }), 'fr')).toBe('1 heure d’électricité par jour');
    expect(formatElectricity(power({ value_min: 1.5, value_max: 1.5 }), 'fr')).toBe('1,5 heure d’électricité par jour');
    expect(formatElectricity(power({ measure: 'days_without_power', value_min: 3 }), 'fr')).toBe('au moins 3 jours sans électricité');
    expect(electricityAmount(power({ value_min: 2, value_max: 5 }))).toBe('2–5');
    expect(formatElectricity(power({ value_min: 1.5, value_max: 1.5 }))).toBe('1.5 hours of power a day');
  });
});

describe('French dates', () => {
  it('a date at its precision: "27 octobre 2025", "octobre 2025", "2025", "1er octobre 2025"', () => {
    expect(formatDate('2025-10-27', 'full', 'fr')).toBe('27 octobre 2025');
    expect(formatDate('2025-10', 'full', 'fr')).toBe('octobre 2025');
    expect(formatDate('2025', 'full', 'fr')).toBe('2025');
    expect(formatDate('2025-10-01', 'full', 'fr')).toBe('1er octobre 2025');
    expect(formatDate('not a date', 'full', 'fr')).toBe('not a date');
  });

  it('short, for chart labels and tables: "27 oct. 2025"', () => {
    expect(formatDate('2025-10-27', 'short', 'fr')).toBe('27 oct. 2025');
    expect(formatDate('2025-10', 'short', 'fr')).toBe('oct. 2025');
    expect(formatDate('2025-10-01', 'short', 'fr')).toBe('1er oct. 2025');
    expect(formatDate('2025-06-06', 'short', 'fr')).toBe('6 juin 2025');
  });

  it('all twelve months, as Intl names them', () => {
    const full = Array.from({ length: 12 }, (_, i) => formatDate(`2025-${String(i + 1).padStart(2, '0')}`, 'full', 'fr').replace(' 2025', ''));
    expect(full).toEqual(['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']);
    const short = Array.from({ length: 12 }, (_, i) => formatDate(`2025-${String(i + 1).padStart(2, '0')}`, 'short', 'fr').replace(' 2025', ''));
    expect(short).toEqual(['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.']);
  });

  it('English formatDate unchanged', () => {
    expect(formatDate('2025-09-03')).toBe('3 Sep 2025');
    expect(formatDate('2025-09')).toBe('Sep 2025');
    expect(formatDate('2025-10-27', 'full')).toBe('27 October 2025');
    expect(formatDate('2025-10-01', 'full', 'en')).toBe('1 October 2025');
  });
});

describe('French spans', () => {
  it('the shapes of the English ones, in French words', () => {
    expect(formatDateRange('2025-06-06', '2025-06-08', 'short', 'fr')).toBe('6–8 juin 2025');
    expect(formatDateRange('2025-10-27', '2025-11-09', 'short', 'fr')).toBe('27 oct. – 9 nov. 2025');
    expect(formatDateRange('2012-03', '2012-07', 'short', 'fr')).toBe('mars–juil. 2012');
    expect(formatDateRange('2025-12', '2026-01', 'short', 'fr')).toBe('déc. 2025 – janv. 2026');
    expect(formatDateRange('2024-12-28', '2025-01-03', 'short', 'fr')).toBe('28 déc. 2024 – 3 janv. 2025');
    expect(formatDateRange('2025-09-03', undefined, 'short', 'fr')).toBe('3 sept. 2025');
    expect(formatDateRange('2025-11', '2025-12-06', 'short', 'fr')).toBe('nov. – 6 déc. 2025');
    expect(formatDateRange('2012', '2014', 'short', 'fr')).toBe('2012–2014');
    expect(formatDateRange('2012', '2014-07', 'short', 'fr')).toBe('2012 – juil. 2014');
    expect(formatDateRange('2025-10-01', '2025-10-03', 'full', 'fr')).toBe('1er–3 octobre 2025');
    expect(formatDateRange('2025-12-09', undefined, 'full', 'fr')).toBe('9 décembre 2025');
  });
});

describe('French date phrases, preposition included', () => {
  it('a day is "le", a month or a year "en"', () => {
    expect(datePhrase('2025-09-03', undefined, 'fr')).toBe('le 3 septembre 2025');
    expect(datePhrase('2025-10-01', undefined, 'fr')).toBe('le 1er octobre 2025');
    expect(datePhrase('2025-09', undefined, 'fr')).toBe('en septembre 2025');
    expect(datePhrase('2025', undefined, 'fr')).toBe('en 2025');
    expect(datePhrase('2025-11-10', '2025-11-10', 'fr')).toBe('le 10 novembre 2025');
  });

  it('a span of days is "du … au …"', () => {
    expect(datePhrase('2025-06-06', '2025-06-08', 'fr')).toBe('du 6 au 8 juin 2025');
    expect(datePhrase('2025-06-01', '2025-06-08', 'fr')).toBe('du 1er au 8 juin 2025');
    expect(datePhrase('2025-09-28', '2025-10-03', 'fr')).toBe('du 28 septembre au 3 octobre 2025');
  });

  it('months, unlike precisions and years are "entre … et …", a day with its article', () => {
    expect(datePhrase('2012-03', '2012-04', 'fr')).toBe('entre mars et avril 2012');
    expect(datePhrase('2025-12', '2026-02', 'fr')).toBe('entre décembre 2025 et février 2026');
    expect(datePhrase('2025-11', '2025-12-06', 'fr')).toBe('entre novembre et le 6 décembre 2025');
    expect(datePhrase('2023-02', '2023-11-13', 'fr')).toBe('entre février et le 13 novembre 2023');
    expect(datePhrase('2023-11-13', '2023-12', 'fr')).toBe('entre le 13 novembre et décembre 2023');
    expect(datePhrase('2024-12', '2025-01-03', 'fr')).toBe('entre décembre 2024 et le 3 janvier 2025');
    expect(datePhrase('2024-12-28', '2025-01-03', 'fr')).toBe('entre le 28 décembre 2024 et le 3 janvier 2025');
    expect(datePhrase('2012', '2014', 'fr')).toBe('entre 2012 et 2014');
  });

  it('English phrases unchanged, including the cases French adds', () => {
    expect(datePhrase('2025-06-01', '2025-06-08')).toBe('from 1 to 8 June 2025');
    expect(datePhrase('2024-12-28', '2025-01-03')).toBe('between 28 December 2024 and 3 January 2025');
    expect(datePhrase('2023-11-13', '2023-12', 'en')).toBe('between 13 November and December 2023');
  });
});
