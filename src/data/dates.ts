/**
 * Dates in data/ are ISO strings with the precision the source gives:
 * a day (2025-09-03), a month (2025-09) or a year (2025). Keeping the
 * precision, rather than padding to the 1st, stops the site from
 * implying a day that no source reported.
 */
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

/** "3 Sep 2025", "Sep 2025" or "2025": never more precise than the source. */
export function formatDate(value: string): string {
  const parsed = parsePartialDate(value);
  if (!parsed) return value;
  if (parsed.precision === 'year') return String(parsed.year);
  const month = MONTHS[(parsed.month ?? 1) - 1];
  if (parsed.precision === 'month') return `${month} ${parsed.year}`;
  return `${parsed.day} ${month} ${parsed.year}`;
}

const FULL_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export type MonthStyle = 'short' | 'full';

function single(d: ParsedDate, names: readonly string[]): string {
  if (d.precision === 'year') return String(d.year);
  const month = names[(d.month ?? 1) - 1]!;
  return d.precision === 'month' ? `${month} ${d.year}` : `${d.day} ${month} ${d.year}`;
}

/**
 * A span of two partial dates written once, without repeating what they share:
 * "6–8 Jun 2025", "27 Oct – 9 Nov 2025", "Mar–Jul 2012", "Nov – 6 Dec 2025",
 * "Dec 2025 – Jan 2026". `full` spells the months out, for running text.
 */
export function formatDateRange(start: string, end?: string, months: MonthStyle = 'short'): string {
  const names = months === 'full' ? FULL_MONTHS : MONTHS;
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
  const monthA = names[(a.month ?? 1) - 1]!;
  const monthB = names[(b.month ?? 1) - 1]!;
  if (a.precision === 'month') {
    return a.year === b.year ? `${monthA}–${monthB} ${b.year}` : `${monthA} ${a.year} – ${monthB} ${b.year}`;
  }
  if (a.year !== b.year) return `${single(a, names)} – ${single(b, names)}`;
  if (a.month === b.month) return `${a.day}–${b.day} ${monthB} ${b.year}`;
  return `${a.day} ${monthA} – ${b.day} ${monthB} ${b.year}`;
}

/**
 * A date or span as the phrase that sits in a sentence, preposition included,
 * so the prose never reads "on 6 Jun 2025 to 8 Jun 2025" or "in 16 Jan 2012":
 * "on 3 September 2025", "in September 2025", "in 2012",
 * "from 6 to 8 June 2025", "from 27 October to 9 November 2025",
 * "between March and July 2012".
 */
export function datePhrase(start: string, end?: string): string {
  const a = parsePartialDate(start);
  if (!a) return start;
  const b = end && end !== start ? parsePartialDate(end) : null;
  if (!b) return `${a.precision === 'day' ? 'on' : 'in'} ${single(a, FULL_MONTHS)}`;
  if (a.precision === 'year' || a.year !== b.year) return `between ${single(a, FULL_MONTHS)} and ${single(b, FULL_MONTHS)}`;
  if (a.precision !== b.precision) {
    // Same year: say it once, at the end ("between November and 6 December 2025").
    const first = a.precision === 'day' ? `${a.day} ${FULL_MONTHS[(a.month ?? 1) - 1]}` : FULL_MONTHS[(a.month ?? 1) - 1];
    return `between ${first} and ${single(b, FULL_MONTHS)}`;
  }
  const monthA = FULL_MONTHS[(a.month ?? 1) - 1]!;
  const monthB = FULL_MONTHS[(b.month ?? 1) - 1]!;
  if (a.precision === 'month') return `between ${monthA} and ${monthB} ${b.year}`;
  if (a.month === b.month) return `from ${a.day} to ${b.day} ${monthB} ${b.year}`;
  return `from ${a.day} ${monthA} to ${b.day} ${monthB} ${b.year}`;
}
