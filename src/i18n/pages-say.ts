/**
 * The words of one page in its language, ready to show: t() with French typography applied to French
 * text (narrow no-break spaces before ; : ! ? and inside « », typographic apostrophes), so the string
 * tables can be written with ordinary spaces. Used by the sources, glossary, classroom and offline pages.
 */
import type { Locale } from './locale';
import { t, type StringKey } from './strings';
import { typographer } from './typography';

export type Say = (key: StringKey, params?: Record<string, string | number>) => string;

export function sayer(locale: Locale): Say {
  const typo = typographer(locale);
  // t() checks placeholders against each key's type; here keys are chosen at run time, and t() still throws on a missing one.
  const lookUp = t as unknown as (locale: Locale, key: StringKey, params?: Record<string, string | number>) => string;
  return (key, params) => typo(lookUp(locale, key, params));
}
