/**
 * The interface words of embeds, cards and downloads (src/i18n/strings/embeds.ts), with French
 * typography applied to the French: the no-break spaces before : ; ! ? and inside « », which
 * an SVG card or a CSV cell cannot get from CSS or from the page.
 */
import type { Locale } from '../i18n/locale';
import { t, type StringKey, type StringParams } from '../i18n/strings';
import { typographer } from '../i18n/typography';

export function say<K extends StringKey>(locale: Locale, key: K, ...params: StringParams<K>): string {
  return typographer(locale)(t(locale, key, ...params));
}
