/** Glue between Astro (site address, base path, content collections) and the pure download builders. */
import { getEntry } from 'astro:content';
import { getSiteData } from '../data/load';
import { withBase } from '../lib/paths';
import { scenariosCardSvg, stateCardSvg, type SiteLink } from './downloads';

/** Absolute addresses on the deployed site, under BASE_PATH. */
export function siteLink(site: URL | undefined): SiteLink {
  const origin = site ?? new URL(import.meta.env.SITE ?? 'http://localhost:4321');
  return (path: string) => new URL(withBase(path), origin).href;
}

/** The words of the scenario explorer (content/pages/scenarios.mdx), for the scenario card. */
export async function scenarioLabels(): Promise<(key: string) => string> {
  const page = await getEntry('pages', 'scenarios');
  if (!page) throw new Error('content/pages/scenarios.mdx is missing');
  return (key: string) => {
    const text = page.data.labels[key];
    if (!text) throw new Error(`content/pages/scenarios.mdx: no label "${key}"`);
    return text;
  };
}

/** The SVG card of a download name: a story state, or "scenarios". */
export async function cardSvgFor(name: string, site: URL | undefined): Promise<string> {
  const data = getSiteData();
  const link = siteLink(site);
  return name === 'scenarios' ? scenariosCardSvg(data, await scenarioLabels(), link) : stateCardSvg(data, name, link);
}
