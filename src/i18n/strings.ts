/**
 * The words of the site's interface, in each language: one typed table, so a French page can
 * never lack a string that an English page has. The French table is typed by the English keys:
 * a key missing from it, or one it has that English lacks, is a type error (astro check), and
 * tests/unit/i18n-strings.test.ts checks that both sides use the same {placeholders}.
 *
 * Keys are "<component or page>.<what>". Placeholders are {name}, filled by t()'s params; a
 * placeholder left unfilled throws, so no page ever shows "{n}".
 *
 * Seeded with the story panel's controls and the "Facts as of" line; components adopt t() as
 * their French pages are built (none does yet).
 */
import type { Locale } from './locale';

const EN = {
  'story.previousStep': 'Previous step',
  'story.nextStep': 'Next step',
  'story.stepOf': 'Step {n} of {total}',
  'story.progress': 'Progress through the story',
  'story.captionToggle': 'Notes, sources and sharing for this graphic',
  'story.mapNote': 'Roads are drawn schematically between the towns they pass through. Regions as before Mali’s 2023 reform.',
  'facts.asOf': 'Facts as of {date}',
} as const;

export type StringKey = keyof typeof EN;

const FR: Record<StringKey, string> = {
  'story.previousStep': 'Étape précédente',
  'story.nextStep': 'Étape suivante',
  'story.stepOf': 'Étape {n} sur {total}',
  'story.progress': 'Progression dans le récit',
  'story.captionToggle': 'Notes, sources et partage de ce graphique',
  'story.mapNote': 'Les routes sont tracées de façon schématique entre les villes qu’elles traversent. Régions d’avant la réforme de 2023 au Mali.',
  'facts.asOf': 'Informations à jour au {date}',
};

export const STRINGS: Record<Locale, Record<StringKey, string>> = { en: EN, fr: FR };

/** The {names} in an English string, as a union of string literal types. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The params a key needs: an object with one value per placeholder, or nothing when it has none. */
export type StringParams<K extends StringKey> = [Placeholders<(typeof EN)[K]>] extends [never] ? [] : [Record<Placeholders<(typeof EN)[K]>, string | number>];

/** The placeholders of a string, in order: "Step {n} of {total}" -> ['n', 'total']. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]!);
}

/**
 * One interface string in one language, its placeholders filled:
 * t('fr', 'story.stepOf', { n: 3, total: 40 }) is "Étape 3 sur 40". Numbers are written as
 * String() does; format them first (formatNumber) where they may pass 999.
 */
export function t<K extends StringKey>(locale: Locale, key: K, ...params: StringParams<K>): string {
  const text = STRINGS[locale][key];
  const values: Record<string, string | number> = params[0] ?? {};
  return text.replace(/\{(\w+)\}/gu, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`t('${locale}', '${key}'): no value for {${name}}`);
    return String(value);
  });
}
