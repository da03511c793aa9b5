/**
 * How numbers from data/ are written in prose: one place, so the story never types a figure by hand.
 * Every function takes the page's language last (default English). French numbers come from Intl's
 * 'fr' locale: "1 300" (a narrow no-break space, U+202F, between thousands), "38,4" (a decimal comma),
 * a no-break space (U+00A0) before "%", and spans said in words, "de 700 à 1 300".
 */
import type { Locale } from '../i18n/locale';
import type { Convoy, ElectricityObservation, ExchangeRate, FuelPrice, KeyFigure, TankerClaim } from './schema';

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** U+202F, between groups of thousands in French ("1 300"), and before ; : ! ? in French text. */
export const NARROW_NBSP = '\u202f';
/** U+00A0, before "%" in French ("38,4 %"). */
export const NBSP = '\u00a0';

const frenchFormats = new Map<string, Intl.NumberFormat>();

/**
 * A number as Intl writes it in French, with the thousands separator pinned to U+202F: ICU has used
 * both U+00A0 and U+202F there over the years, and the site should not change with the Node version.
 */
function frenchNumber(value: number, maximumFractionDigits = 2, minimumFractionDigits = 0): string {
  const key = `${maximumFractionDigits}/${minimumFractionDigits}`;
  let format = frenchFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('fr', { maximumFractionDigits, minimumFractionDigits });
    frenchFormats.set(key, format);
  }
  return format
    .formatToParts(value)
    .map((part) => (part.type === 'group' ? NARROW_NBSP : part.value))
    .join('');
}

/** "1,300" and "38.4" in English; "1 300" and "38,4" in French. At most two decimals. */
export function formatNumber(value: number, locale: Locale = 'en'): string {
  return locale === 'fr' ? frenchNumber(value) : number.format(value);
}

/** "38.4%" in English; "38,4 %" in French (a no-break space before the sign). */
export function formatPercent(value: number, locale: Locale = 'en'): string {
  return locale === 'fr' ? `${formatNumber(value, 'fr')}${NBSP}%` : `${formatNumber(value)}%`;
}

/**
 * Two numbers as a span in running text: "700–1,300" in English, "de 700 à 1 300" in French;
 * one number when both ends are the same. `compact` keeps the dash in French too, for tables and labels.
 */
export function formatNumberRange(min: number, max: number | undefined, locale: Locale = 'en', style: 'prose' | 'compact' = 'prose'): string {
  if (max === undefined || max === min) return formatNumber(min, locale);
  if (locale === 'fr' && style === 'prose') return `de ${formatNumber(min, 'fr')} à ${formatNumber(max, 'fr')}`;
  return `${formatNumber(min, locale)}–${formatNumber(max, locale)}`;
}

/** "775 CFA francs", "700–1,300 CFA francs"; French "775 francs CFA", "de 700 à 1 300 francs CFA". */
export function formatCfa(min: number, max?: number, locale: Locale = 'en'): string {
  return `${formatNumberRange(min, max, locale)} ${locale === 'fr' ? 'francs CFA' : 'CFA francs'}`;
}

const QUALIFIERS: Record<Locale, Record<KeyFigure['qualifier'], string>> = {
  en: {
    exact: '',
    about: 'about ',
    'more-than': 'more than ',
    'at-least': 'at least ',
    range: '',
  },
  fr: {
    exact: '',
    about: 'environ ',
    'more-than': 'plus de ',
    'at-least': 'au moins ',
    range: '',
  },
};

function withUnit(value: string, unit: string, locale: Locale): string {
  if (locale === 'fr' && unit.startsWith('%')) return `${value}${NBSP}${unit}`;
  if (unit === '%') return `${value}%`;
  return `${value} ${unit}`;
}

/**
 * A span after a qualifier: "about 2–5" in English; in French "environ 2 à 5", since
 * "environ de 2 à 5" does not read well. Without a qualifier French says "de 2 à 5".
 */
function qualifiedRange(qualifier: string, min: number, max: number | undefined, locale: Locale): string {
  if (locale === 'fr' && qualifier !== '' && max !== undefined && max !== min) {
    return `${qualifier}${formatNumber(min, 'fr')} à ${formatNumber(max, 'fr')}`;
  }
  return `${qualifier}${formatNumberRange(min, max, locale)}`;
}

/** Units that read the same in both languages. */
const SHARED_UNITS = new Set(['%']);

/**
 * The unit of a key figure in French: the row's `unit_fr` (once data/figures.csv has that column,
 * see TRANSLATED_FIELDS), or the unit itself when it has no words ("%"). Anything else stops the
 * build, naming the row, rather than leaving English in a French sentence.
 */
function frenchUnit(figure: KeyFigure): string {
  const translated = (figure as KeyFigure & { unit_fr?: string }).unit_fr;
  if (translated) return translated;
  if (SHARED_UNITS.has(figure.unit)) return figure.unit;
  throw new Error(`figures.csv, figure "${figure.id}": no French unit for "${figure.unit}" (field "unit_fr")`);
}

export function formatKeyFigure(figure: KeyFigure, locale: Locale = 'en'): string {
  if (locale === 'fr') {
    return withUnit(qualifiedRange(QUALIFIERS.fr[figure.qualifier], figure.value, figure.value_max, 'fr'), frenchUnit(figure), 'fr');
  }
  const value =
    figure.value_max !== undefined && figure.value_max !== figure.value
      ? `${formatNumber(figure.value)}–${formatNumber(figure.value_max)}`
      : formatNumber(figure.value);
  return `${QUALIFIERS.en[figure.qualifier]}${withUnit(value, figure.unit, 'en')}`;
}

/** "775 CFA francs a litre", "1,500–2,000 CFA francs a litre"; French "775 francs CFA le litre", "de 1 500 à 2 000 francs CFA le litre". */
export function formatPrice(price: FuelPrice, locale: Locale = 'en'): string {
  return `${formatCfa(price.price_cfa_min, price.price_cfa_max, locale)} ${locale === 'fr' ? 'le litre' : 'a litre'}`;
}

const COUNT_QUALIFIERS: Record<Locale, Record<TankerClaim['count_qualifier'], string>> = {
  en: {
    exact: '',
    'at-least': 'at least ',
    'more-than': 'more than ',
    about: 'about ',
  },
  fr: {
    exact: '',
    'at-least': 'au moins ',
    'more-than': 'plus de ',
    about: 'environ ',
  },
};

/** "about 40", "more than 100", "17": a convoy's tankers as the source counts them, or '' when it gave no count. French "environ 40", "plus de 100". */
export function formatConvoyCount(convoy: Convoy, locale: Locale = 'en'): string {
  if (convoy.tankers_min === undefined) return '';
  return qualifiedRange(COUNT_QUALIFIERS[locale][convoy.tankers_qualifier ?? 'exact'], convoy.tankers_min, convoy.tankers_max, locale);
}

/** "at least 40", "15–20": the count exactly as qualified by whoever made the claim. French "au moins 40", "de 15 à 20". */
export function formatTankerCount(claim: TankerClaim, locale: Locale = 'en'): string {
  return qualifiedRange(COUNT_QUALIFIERS[locale][claim.count_qualifier], claim.count_min, claim.count_max, locale);
}

const MEASURE_WORDS: Record<Locale, Record<ElectricityObservation['measure'], [string, string]>> = {
  en: {
    supply_hours_per_day: ['hour of power a day', 'hours of power a day'],
    outage_hours_per_day: ['hour a day without power', 'hours a day without power'],
    days_without_power: ['day without power', 'days without power'],
  },
  fr: {
    supply_hours_per_day: ['heure d’électricité par jour', 'heures d’électricité par jour'],
    outage_hours_per_day: ['heure par jour sans électricité', 'heures par jour sans électricité'],
    days_without_power: ['jour sans électricité', 'jours sans électricité'],
  },
};

const AMOUNT_WORDS: Record<Locale, { fewerThan: string; upTo: string; atLeast: string; about: string }> = {
  en: { fewerThan: 'fewer than ', upTo: 'up to ', atLeast: 'at least ', about: 'about ' },
  fr: { fewerThan: 'moins de ', upTo: 'jusqu’à ', atLeast: 'au moins ', about: 'environ ' },
};

/**
 * The figure of an electricity row as its source qualifies it: "6", "2–5", "about 6",
 * "fewer than 6", "up to 20" (a lone maximum is said as one), "at least 3".
 * Shared by the story's prose and the chart's labels, so both say the same.
 */
export function electricityAmount(row: Pick<ElectricityObservation, 'value_min' | 'value_max' | 'qualifier'>, locale: Locale = 'en'): string | undefined {
  const { value_min: min, value_max: max, qualifier } = row;
  const words = AMOUNT_WORDS[locale];
  const n = (value: number) => formatNumber(value, locale);
  if (qualifier === 'fewer-than' && max !== undefined) return `${words.fewerThan}${n(max)}`;
  if (locale === 'fr' && qualifier === 'about' && min !== undefined && max !== undefined) return qualifiedRange(words.about, min, max, 'fr');
  const plain =
    min !== undefined && max !== undefined
      ? formatNumberRange(min, max, locale)
      : max !== undefined
        ? `${words.upTo}${n(max)}`
        : min !== undefined
          ? `${words.atLeast}${n(min)}`
          : undefined;
  return plain !== undefined && qualifier === 'about' ? `${words.about}${plain}` : plain;
}

/**
 * "6 hours of power a day", "about 6 hours…", "fewer than 6 hours…", "up to 20 hours a day without power".
 * French "6 heures d’électricité par jour", "jusqu’à 20 heures par jour sans électricité"; French takes
 * the singular below 2 ("1,5 heure").
 */
export function formatElectricity(row: ElectricityObservation, locale: Locale = 'en'): string {
  const value = electricityAmount(row, locale) ?? formatNumber(0, locale);
  const [one, many] = MEASURE_WORDS[locale][row.measure];
  if (locale === 'fr') {
    const single = row.value_min === undefined || row.value_max === undefined || row.value_min === row.value_max;
    const figure = row.value_min ?? row.value_max ?? 0;
    return `${value} ${single && figure < 2 ? one : many}`;
  }
  return `${value} ${value === '1' ? one : many}`;
}

const CURRENCY: Record<ExchangeRate['currency'], { symbol: string; name: string }> = {
  EUR: { symbol: '€', name: 'euro' },
  USD: { symbol: 'US$', name: 'US dollar' },
};

/** French puts the symbol after the amount, with a no-break space: "1,18 €", "1,23 $ US". */
const FRENCH_CURRENCY: Record<ExchangeRate['currency'], { symbol: string; name: string }> = {
  EUR: { symbol: '€', name: 'un euro' },
  USD: { symbol: `$${NBSP}US`, name: 'un dollar américain' },
};

/**
 * "€1.18" (or "€1.18–1.52") and "655.957 CFA francs to the euro": a price converted at a dated rate.
 * French: "1,18 €" (or "1,18 à 1,52 €") and "655,957 francs CFA pour un euro".
 */
export function convertPrice(price: FuelPrice, rate: ExchangeRate, locale: Locale = 'en'): { value: string; rateText: string } {
  if (locale === 'fr') {
    const { symbol, name } = FRENCH_CURRENCY[rate.currency];
    const convert = (cfa: number) => frenchNumber(Number((cfa / rate.cfa_per_unit).toFixed(2)), 2, 2);
    const amount =
      price.price_cfa_max !== price.price_cfa_min ? `${convert(price.price_cfa_min)} à ${convert(price.price_cfa_max)}` : convert(price.price_cfa_min);
    return { value: `${amount}${NBSP}${symbol}`, rateText: `${frenchNumber(rate.cfa_per_unit, 3)} francs CFA pour ${name}` };
  }
  const { symbol, name } = CURRENCY[rate.currency];
  const convert = (cfa: number) => (cfa / rate.cfa_per_unit).toFixed(2);
  const value =
    price.price_cfa_max !== price.price_cfa_min
      ? `${symbol}${convert(price.price_cfa_min)}–${convert(price.price_cfa_max)}`
      : `${symbol}${convert(price.price_cfa_min)}`;
  const rateNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 }).format(rate.cfa_per_unit);
  return { value, rateText: `${rateNumber} CFA francs to the ${name}` };
}
