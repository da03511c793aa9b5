/**
 * How to cite the site, as plain text and as BibTeX, built from the site's
 * title, its address and the changelog's newest date.
 */
import { formatDate, parsePartialDate } from '../data/dates';
import type { Locale } from '../i18n/locale';

export interface CitationInput {
  title: string;
  publisher: string;
  /** The site's absolute address. */
  url: string;
  /** YYYY-MM-DD */
  lastUpdated: string;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function parts(date: string) {
  const parsed = parsePartialDate(date);
  if (!parsed || parsed.precision !== 'day') throw new Error(`citation: "${date}" is not a full date`);
  return { year: parsed.year, month: parsed.month! - 1, day: parsed.day! };
}

export function longDate(date: string, locale: Locale = 'en'): string {
  const { year, month, day } = parts(date);
  return locale === 'fr' ? formatDate(date, 'full', 'fr') : `${day} ${MONTH_NAMES[month]} ${year}`;
}

/** French: « Titre », the French date and "consulté le [date]", with French spacing before the colon. */
export function plainCitation(c: CitationInput, locale: Locale = 'en'): string {
  if (locale === 'fr') return `${c.publisher}, «\u202f${c.title}\u202f». Dernière mise à jour le ${longDate(c.lastUpdated, 'fr')}. ${c.url} (consulté le [date]).`;
  return `${c.publisher}. “${c.title}.” Last updated ${longDate(c.lastUpdated)}. ${c.url} (accessed [date]).`;
}

/** BibTeX wants braces balanced and a few characters escaped; typographic quotes become plain ones. */
function bibtexText(value: string): string {
  return value
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[\\{}]/g, '')
    .replace(/([&%$#_])/g, '\\$1');
}

/** The French edition's entry names its language (biblatex's `language` field) and keeps BibTeX's own keywords. */
export function bibtexCitation(c: CitationInput, locale: Locale = 'en'): string {
  const { year, month } = parts(c.lastUpdated);
  const key = `lifelines-mali-${year}${locale === 'fr' ? '-fr' : ''}`;
  const french = locale === 'fr';
  return [
    `@misc{${key},`,
    `  author       = {{${bibtexText(c.publisher)}}},`,
    `  title        = {{${bibtexText(c.title)}}},`,
    `  year         = {${year}},`,
    `  month        = ${BIBTEX_MONTHS[month]},`,
    `  howpublished = {\\url{${c.url}}},`,
    ...(french ? ['  language     = {french},'] : []),
    french
      ? `  note         = {Dernière mise à jour le ${c.lastUpdated} ; consulté le [date]},`
      : `  note         = {Last updated ${c.lastUpdated}; accessed [date]},`,
    `}`,
  ].join('\n');
}
