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

/**
 * Outlets are named as they publish, in every language: "RFI", "Human Rights Watch", "Le Monde". A few rows
 * of data/sources.csv name an institution in English words of our own ("Government of Mali"); those
 * institutions publish in French under an official French name, which the French edition uses.
 */
export const FRENCH_NAMES: Readonly<Record<string, string>> = {
  'Government of Mali': 'Gouvernement du Mali',
  'Government of Mali (CECOGEC crisis coordination centre)': 'Gouvernement du Mali (Centre de coordination et de gestion des crises, CECOGEC)',
  'Malian Armed Forces (FAMa)': 'Forces armées maliennes (FAMa)',
  'BCEAO (Central Bank of West African States)': 'BCEAO (Banque centrale des États de l’Afrique de l’Ouest)',
  'African Union Commission': 'Commission de l’Union africaine',
  'France 24 and RFI': 'France 24 et RFI',
  'Lifelines project': 'Projet Artères vitales',
  'United Nations': 'Organisation des Nations unies',
  'United Nations Peacekeeping': 'Maintien de la paix des Nations unies',
  'Africa Center for Strategic Studies': 'Centre d’études stratégiques de l’Afrique',
  'Panafrican News Agency (PANA)': 'Agence panafricaine d’information (PANA)',
  'Pan-African News Agency (panafricanewsagency.com)': 'Agence de presse panafricaine (panafricanewsagency.com)',
  'Anadolu Agency': 'Agence Anadolu',
};

/** The outlet's name in one language: as published, or the institution's official French name. */
export function outletName(source: Pick<Source, 'outlet'>, locale: Locale = 'en'): string {
  return locale === 'fr' ? (FRENCH_NAMES[source.outlet] ?? source.outlet) : source.outlet;
}

/** "RFI, 15 Sep 2025", "Gouvernement du Mali, 30 oct. 2025": the short form shown under a figure. */
export function shortCitation(source: Source, locale: Locale = 'en'): string {
  return `${shortOutlet({ outlet: outletName(source, locale) })}, ${publishedText(source, locale)}`;
}
