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
