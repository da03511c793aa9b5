/** Glue between Astro (site address, base path, content collections, language) and the pure download builders. */
import { getEntry } from 'astro:content';
import { getSiteData } from '../data/load';
import { withBase } from '../lib/paths';
import { isLocale, localeFromPath, type Locale } from '../i18n/locale';
import { pagesCollection } from '../i18n/collections';
import { scenariosCardSvg, stateCardSvg, type SiteLink } from './downloads';

/** Absolute addresses on the deployed site, under BASE_PATH. */
export function siteLink(site: URL | undefined): SiteLink {
  const origin = site ?? new URL(import.meta.env.SITE ?? 'http://localhost:4321');
  return (path: string) => new URL(withBase(path), origin).href;
}

/**
 * The language of an endpoint's file: French under /fr/ (src/pages/fr/ re-exports the English
 * endpoints, whose GET reads it here), from Astro's currentLocale or else the address.
 */
export function endpointLocale(context: { currentLocale?: string | undefined; url: URL }): Locale {
  return isLocale(context.currentLocale) ? context.currentLocale : localeFromPath(context.url.pathname);
}

/** The words of the scenario explorer (content/pages/scenarios.mdx, or its French twin), for the scenario card. */
export async function scenarioLabels(locale: Locale = 'en'): Promise<(key: string) => string> {
  const file = locale === 'fr' ? 'content/fr/pages/scenarios.mdx' : 'content/pages/scenarios.mdx';
  const page = await getEntry(pagesCollection(locale), 'scenarios');
  if (!page) throw new Error(`${file} is missing`);
  return (key: string) => {
    const text = page.data.labels[key];
    if (!text) throw new Error(`${file}: no label "${key}"`);
    return text;
  };
}

/** The SVG card of a download name (a story state, or "scenarios") in one language. */
export async function cardSvgFor(name: string, site: URL | undefined, locale: Locale = 'en'): Promise<string> {
  const data = getSiteData();
  const link = siteLink(site);
  return name === 'scenarios' ? scenariosCardSvg(data, await scenarioLabels(locale), link, locale) : stateCardSvg(data, name, link, locale);
}
