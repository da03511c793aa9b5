/**
 * Dates in data/ are ISO strings with the precision the source gives:
 * a day (2025-09-03), a month (2025-09) or a year (2025). Keeping the
 * precision, rather than padding to the 1st, stops the site from
 * implying a day that no source reported.
 */
import type { Locale } from '../i18n/locale';

export type DatePrecision = 'day' | 'month' | 'year';

const ISO_PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export interface ParsedDate {
  year: number;
  month?: number;
  day?: number;
  precision: DatePrecision;
}

export function parsePartialDate(value: string): ParsedDate | null {
  const match = ISO_PARTIAL.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1900 || year > 2100) return null;
  if (match[2] === undefined) return { year, precision: 'year' };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return { year, month, precision: 'month' };
  const day = Number(match[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return null;
  return { year, month, day, precision: 'day' };
}

/** Start of the period a partial date covers, for sorting and placing on a time axis. */
export function startOfDate(value: string): Date {
  const parsed = parsePartialDate(value);
  if (!parsed) throw new Error(`not a valid date: ${value}`);
  return new Date(Date.UTC(parsed.year, (parsed.month ?? 1) - 1, parsed.day ?? 1));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const FULL_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export type MonthStyle = 'short' | 'full';

/** French month names as Intl writes them (CLDR): "janv." … "déc." and "janvier" … "décembre", in lower case. */
function intlMonths(locale: string, month: 'short' | 'long'): string[] {
  const format = new Intl.DateTimeFormat(locale, { month, timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => format.format(new Date(Date.UTC(2025, i, 15))));
}

interface DateWords {
  months: Record<MonthStyle, readonly string[]>;
  /** How a day of the month is written: French says "1er" for the first. */
  day(day: number): string;
}

const ENGLISH_WORDS: DateWords = { months: { short: MONTHS, full: FULL_MONTHS }, day: String };

/** Built on first use, not at import: client bundles that import this module for English only stay as they were. */
let frenchWords: DateWords | undefined;

function dateWords(locale: Locale): DateWords {
  if (locale === 'en') return ENGLISH_WORDS;
  frenchWords ??= {
    months: { short: intlMonths('fr', 'short'), full: intlMonths('fr', 'long') },
    day: (day) => (day === 1 ? '1er' : String(day)),
  };
  return frenchWords;
}

/** Month and day names of one language, in one style. */
interface Names {
  months: readonly string[];
  day(day: number): string;
}

function namesFor(locale: Locale, months: MonthStyle): Names {
  const words = dateWords(locale);
  return { months: words.months[months], day: words.day };
}

function monthName(d: ParsedDate, names: Names): string {
  return names.months[(d.month ?? 1) - 1]!;
}

function single(d: ParsedDate, names: Names): string {
  if (d.precision === 'year') return String(d.year);
  const month = monthName(d, names);
  return d.precision === 'month' ? `${month} ${d.year}` : `${names.day(d.day!)} ${month} ${d.year}`;
}

/**
 * "3 Sep 2025", "Sep 2025" or "2025": never more precise than the source.
 * French: "3 sept. 2025", "1er oct. 2025", "oct. 2025"; with `full` months
 * "27 October 2025" / "27 octobre 2025".
 */
export function formatDate(value: string, months: MonthStyle = 'short', locale: Locale = 'en'): string {
  const parsed = parsePartialDate(value);
  if (!parsed) return value;
  return single(parsed, namesFor(locale, months));
}

/**
 * A span of two partial dates written once, without repeating what they share:
 * "6–8 Jun 2025", "27 Oct – 9 Nov 2025", "Mar–Jul 2012", "Nov – 6 Dec 2025",
 * "Dec 2025 – Jan 2026". `full` spells the months out, for running text.
 * French keeps the same shapes with its own names: "6–8 juin 2025",
 * "27 oct. – 9 nov. 2025", "mars–juil. 2012", "1er–3 oct. 2025".
 */
export function formatDateRange(start: string, end?: string, months: MonthStyle = 'short', locale: Locale = 'en'): string {
  const names = namesFor(locale, months);
  const a = parsePartialDate(start);
  if (!a) return start;
  const b = end && end !== start ? parsePartialDate(end) : null;
  if (!b) return single(a, names);
  if (a.precision === 'year' || b.precision === 'year') {
    return a.precision === b.precision ? `${a.year}–${b.year}` : `${single(a, names)} – ${single(b, names)}`;
  }
  if (a.precision !== b.precision) {
    // Ends of unlike precision in one year say the year once, at the end: "Nov – 6 Dec 2025".
    if (a.year !== b.year) return `${single(a, names)} – ${single(b, names)}`;
    const first = single(a, names).replace(/ \d{4}$/, '');
    return `${first} – ${single(b, names)}`;
  }
  const monthA = monthName(a, names);
  const monthB = monthName(b, names);
  if (a.precision === 'month') {
    return a.year === b.year ? `${monthA}–${monthB} ${b.year}` : `${monthA} ${a.year} – ${monthB} ${b.year}`;
  }
  if (a.year !== b.year) return `${single(a, names)} – ${single(b, names)}`;
  if (a.month === b.month) return `${names.day(a.day!)}–${names.day(b.day!)} ${monthB} ${b.year}`;
  return `${names.day(a.day!)} ${monthA} – ${names.day(b.day!)} ${monthB} ${b.year}`;
}

/** The words around a date in a sentence. `dayRef` is how a day reads after "between": French needs its article ("entre le 3 et…"). */
interface PhraseWords {
  on(date: string): string;
  in(date: string): string;
  between(a: string, b: string): string;
  fromTo(a: string, b: string): string;
  dayRef(date: string): string;
}

const PHRASE_WORDS: Record<Locale, PhraseWords> = {
  en: {
    on: (d) => `on ${d}`,
    in: (d) => `in ${d}`,
    between: (a, b) => `between ${a} and ${b}`,
    fromTo: (a, b) => `from ${a} to ${b}`,
    dayRef: (d) => d,
  },
  fr: {
    on: (d) => `le ${d}`,
    in: (d) => `en ${d}`,
    between: (a, b) => `entre ${a} et ${b}`,
    fromTo: (a, b) => `du ${a} au ${b}`,
    dayRef: (d) => `le ${d}`,
  },
};

/**
 * A date or span as the phrase that sits in a sentence, preposition included,
 * so the prose never reads "on 6 Jun 2025 to 8 Jun 2025" or "in 16 Jan 2012":
 * "on 3 September 2025", "in September 2025", "in 2012",
 * "from 6 to 8 June 2025", "from 27 October to 9 November 2025",
 * "between March and July 2012".
 * French: "le 3 septembre 2025", "en septembre 2025", "en 2012",
 * "du 6 au 8 juin 2025", "du 27 octobre au 9 novembre 2025",
 * "entre mars et juillet 2012", "entre novembre et le 6 décembre 2025".
 */
export function datePhrase(start: string, end?: string, locale: Locale = 'en'): string {
  const names = namesFor(locale, 'full');
  const words = PHRASE_WORDS[locale];
  const a = parsePartialDate(start);
  if (!a) return start;
  const b = end && end !== start ? parsePartialDate(end) : null;
  const ref = (d: ParsedDate, text: string) => (d.precision === 'day' ? words.dayRef(text) : text);
  if (!b) return a.precision === 'day' ? words.on(single(a, names)) : words.in(single(a, names));
  if (a.precision === 'year' || a.year !== b.year) return words.between(ref(a, single(a, names)), ref(b, single(b, names)));
  if (a.precision !== b.precision) {
    // Same year: say it once, at the end ("between November and 6 December 2025").
    const first = a.precision === 'day' ? `${names.day(a.day!)} ${monthName(a, names)}` : monthName(a, names);
    return words.between(ref(a, first), ref(b, single(b, names)));
  }
  const monthA = monthName(a, names);
  const monthB = monthName(b, names);
  if (a.precision === 'month') return words.between(monthA, `${monthB} ${b.year}`);
  if (a.month === b.month) return words.fromTo(names.day(a.day!), `${names.day(b.day!)} ${monthB} ${b.year}`);
  return words.fromTo(`${names.day(a.day!)} ${monthA}`, `${names.day(b.day!)} ${monthB} ${b.year}`);
}
