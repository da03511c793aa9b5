/**
 * Outlets are named as they publish, in every language: "RFI", "Human Rights Watch", "Le Monde". A few rows
 * of data/sources.csv name an institution in English words of our own ("Government of Mali"); those
 * institutions publish in French under an official French name, which the French edition uses.
 */
import type { Source } from './schema';
import type { Locale } from '../i18n/locale';
import { publishedText, shortOutlet } from './sources';

export const FRENCH_NAMES: Readonly<Record<string, string>> = {
  'Government of Mali': 'Gouvernement du Mali',
  'Government of Mali (CECOGEC crisis coordination centre)': 'Gouvernement du Mali (Centre de coordination et de gestion des crises, CECOGEC)',
  'Malian Armed Forces (FAMa)': 'Forces armées maliennes (FAMa)',
  'BCEAO (Central Bank of West African States)': 'BCEAO (Banque centrale des États de l’Afrique de l’Ouest)',
  'African Union Commission': 'Commission de l’Union africaine',
  'France 24 and RFI': 'France 24 et RFI',
};

/** The outlet's name in one language: as published, or the institution's official French name. */
export function outletName(source: Pick<Source, 'outlet'>, locale: Locale): string {
  return locale === 'fr' ? (FRENCH_NAMES[source.outlet] ?? source.outlet) : source.outlet;
}

/** shortCitation (src/data/sources.ts) with the outlet named in the page's language: "Gouvernement du Mali, 30 oct. 2025". */
export function localCitation(source: Source, locale: Locale): string {
  return `${shortOutlet({ outlet: outletName(source, locale) })}, ${publishedText(source, locale)}`;
}
