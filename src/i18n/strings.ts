/**
 * The words of the site's interface, in each language: one typed table, so a French page can
 * never lack a string that an English page has. The French table is typed by the English keys:
 * a key missing from it, or one it has that English lacks, is a type error (astro check), and
 * tests/unit/i18n-strings.test.ts checks that both sides use the same {placeholders}.
 *
 * Keys are "<component or page>.<what>". Placeholders are {name}, filled by t()'s params; a
 * placeholder left unfilled throws, so no page ever shows "{n}".
 *
 */
import type { Locale } from './locale';

import * as site from './strings/site';
import * as story from './strings/story';
import * as graphics from './strings/graphics';
import * as scenarios from './strings/scenarios';
import * as pages from './strings/pages';
import * as embeds from './strings/embeds';

/**
 * One table per part of the site (src/i18n/strings/<part>.ts), so each part's words sit together.
 * Every part types its French table by its own English keys; keys are unique across parts
 * (tests/unit/i18n-strings.test.ts).
 */
const EN = { ...site.en, ...story.en, ...graphics.en, ...scenarios.en, ...pages.en, ...embeds.en } as const;

export type StringKey = keyof typeof EN;

const FR: Record<StringKey, string> = { ...site.fr, ...story.fr, ...graphics.fr, ...scenarios.fr, ...pages.fr, ...embeds.fr };

/** Every part's table, for the test that keys never repeat across parts. */
export const STRING_PARTS = { site, story, graphics, scenarios, pages, embeds } as const;

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
