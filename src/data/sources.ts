/** Looks up cited sources and words them the same way everywhere they appear. */
import type { Source, SiteData } from './schema';
import { formatDate, parsePartialDate } from './dates';
import type { Locale } from '../i18n/locale';

export function citedSources(data: Pick<SiteData, 'sources'>, ids: readonly string[]): Source[] {
  const byId = new Map(data.sources.map((s) => [s.id, s]));
  return [...new Set(ids)].map((id) => {
    const source = byId.get(id);
    if (!source) throw new Error(`unknown source id "${id}"`);
    return source;
  });
}

/**
 * The publication date as a reader sees it. A source that gives no date says
 * "undated": the day we read it is a different fact (see `accessedText`).
 */
export function publishedText(source: Pick<Source, 'date'>, locale: Locale = 'en'): string {
  return source.date ? formatDate(source.date, 'short', locale) : locale === 'fr' ? 'non daté' : 'undated';
}

/** "accessed Nov 2026", or nothing when no access date is recorded. */
export function accessedText(source: Pick<Source, 'accessed'>, locale: Locale = 'en'): string {
  if (!source.accessed) return '';
  if (locale === 'en') return `accessed ${formatDate(source.accessed)}`;
  // "consulté le 3 novembre 2026" for a day, "consulté en novembre 2026" for a month or a year.
  const preposition = parsePartialDate(source.accessed)?.precision === 'day' ? 'le' : 'en';
  return `consulté ${preposition} ${formatDate(source.accessed, 'full', 'fr')}`;
}

/**
 * The outlet as a citation names it: "PRIF Blog", not "PRIF Blog (Peace
 * Research Institute Frankfurt)". An inline citation already sits in
 * brackets, so the outlet's own gloss would nest a bracket in a bracket; the
 * full name stays on the sources page.
 */
export function shortOutlet(source: Pick<Source, 'outlet'>): string {
  return source.outlet.replace(/\s*\([^()]*\)\s*$/, '');
}

/** "RFI, 15 Sep 2025": the short form shown under a figure. */
export function shortCitation(source: Source, locale: Locale = 'en'): string {
  return `${shortOutlet(source)}, ${publishedText(source, locale)}`;
}
