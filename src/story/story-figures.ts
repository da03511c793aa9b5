/**
 * Addresses of the story's files in each language. The French edition has its own static figures
 * (French labels), served at /fr/figures/<the English file name>, and its own single-file edition,
 * /fr/lifelines-story.html (scripts/lib/single-file.mjs writes it next to each story page).
 */
import type { Locale } from '../i18n/locale';
import { withBase } from '../lib/paths';
import { figureFileName, type Layout } from './graphic-state';

/** The folder of a language's files: '' for English, 'fr/' for French. */
function localeFolder(locale: Locale): string {
  return locale === 'en' ? '' : `${locale}/`;
}

/** A step's static figure: "/figures/fuel-prices.svg", "/fr/figures/fuel-prices.svg". */
export function storyFigureHref(stateName: string, layout: Layout, locale: Locale): string {
  return withBase(`${localeFolder(locale)}figures/${figureFileName(stateName, layout)}`);
}

/** The single-file edition of the story: "/lifelines-story.html", "/fr/lifelines-story.html". */
export function singleFileHref(locale: Locale): string {
  return withBase(`${localeFolder(locale)}lifelines-story.html`);
}
