/**
 * The language of the page being rendered, for Astro pages and components. Astro sets
 * `Astro.currentLocale` from the address (src/pages/fr/ is French); a page imported by its
 * French twin (src/pages/fr/*.astro renders the English page file) thus renders in French
 * with no prop to pass down.
 */
import { isLocale, localeFromPath, type Locale } from './locale';

export function pageLocale(astro: { currentLocale?: string | undefined; url: URL }): Locale {
  return isLocale(astro.currentLocale) ? astro.currentLocale : localeFromPath(astro.url.pathname);
}
