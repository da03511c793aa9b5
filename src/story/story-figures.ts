/**
 * The address of the story's single-file edition in each language. The French one,
 * /fr/lifelines-story.html, is written next to the French story page by scripts/lib/single-file.mjs.
 * (A step's static figure has its address from figureHref in graphic-state.ts.)
 */
import { localePath, type Locale } from '../i18n/locale';

/** The single-file edition of the story: "/lifelines-story.html", "/fr/lifelines-story.html". */
export function singleFileHref(locale: Locale): string {
  return localePath(locale, '/lifelines-story.html');
}
