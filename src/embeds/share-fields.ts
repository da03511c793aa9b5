/**
 * What the "Share, embed, download" control offers for one state of one
 * graphic: its embed codes, image downloads and story link. Computed at build
 * time, for the control's HTML and for the embed page's island (so that a
 * `step=` option can switch the control to that step without building any
 * string from the address in the browser).
 */
import { getSiteData } from '../data/load';
import { getGraphicState } from '../story/graphic-states';
import { renderGraphic } from '../story/render-graphic';
import { sourceIdsForState } from '../story/state-sources';
import { storySteps } from '../story/story-steps';
import { svgViewBox } from './card';
import type { Embed } from './embeds';
import { embedHeights, fixedSnippet, iframeTitle, responsiveSnippet } from './snippet';
import { sourceLineText } from './sources';
import { localePath, type Locale } from '../i18n/locale';

/**
 * A path within the site in one language, without the base (the callers' `absolute` and
 * `relative` add it): "embed/map-mali/" is "/fr/embed/map-mali/" in French.
 */
export function sitePathIn(locale: Locale, path: string): string {
  return localePath(locale, path, '');
}

const heights = new Map<string, ReturnType<typeof embedHeights>>();

/** The frame heights of an embed, from its default state's real proportions and source line (once per build and language). */
function heightsFor(embed: Embed, locale: Locale): ReturnType<typeof embedHeights> {
  const key = `${locale} ${embed.id}`;
  let h = heights.get(key);
  if (!h) {
    const name = embed.states[0];
    if (!name) h = embedHeights(embed, 1, 0, locale);
    else {
      const data = getSiteData();
      const state = getGraphicState(name);
      const box = svgViewBox(renderGraphic(data, state, { mode: 'static', title: '', idPrefix: 'measure', locale }, 'wide'));
      h = embedHeights(embed, box.height / box.width, sourceLineText(data, sourceIdsForState(data, state), locale).length, locale);
    }
    heights.set(key, h);
  }
  return h;
}

export interface ShareFields {
  /** The story step this state belongs to (its first step), if any. */
  step: string | undefined;
  snippet: string;
  fixed: string;
  png: string;
  svg: string;
  link: string;
}

/**
 * @param embed the embed, its words in `locale` (getEmbed(id, locale))
 * @param absolute (path within the site) → absolute URL on the deployed site
 * @param relative (path within the site) → the site's own path, under BASE_PATH
 * @param locale the language of the page offering the control: a French page offers the French
 *   embed (/fr/embed/…), images and story link, so no `lang=` option is ever needed
 */
export function shareFields(
  embed: Embed,
  stateName: string | undefined,
  absolute: (path: string) => string,
  relative: (path: string) => string,
  locale: Locale = 'en',
): ShareFields {
  const name = stateName ?? embed.states[0];
  if (name !== undefined && !(embed.states as string[]).includes(name)) throw new Error(`the "${embed.id}" graphic does not show "${name}"`);
  const step = name ? storySteps().find((s) => s.state === name) : undefined;
  const isDefault = name === embed.states[0];
  const local = (path: string) => sitePathIn(locale, path);
  const embedUrl = absolute(local(`embed/${embed.id}/`)) + (isDefault || !step ? '' : `?step=${step.id}`);
  const h = heightsFor(embed, locale);
  // One loader for both languages: it only sizes frames.
  const parts = { embedUrl, loaderUrl: absolute('embed-loader.js'), title: iframeTitle(embed, locale), height: h.initial };
  const image = name ?? embed.id;
  return {
    step: step?.id,
    snippet: responsiveSnippet(parts),
    fixed: fixedSnippet({ ...parts, height: h.fixed }),
    png: relative(local(`downloads/${image}.png`)),
    svg: relative(local(`downloads/${image}.svg`)),
    link: embed.type === 'scenarios' ? absolute(local('scenarios/')) : absolute(local(step ? `/#${step.id}` : '/')),
  };
}
