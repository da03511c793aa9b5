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

const heights = new Map<string, ReturnType<typeof embedHeights>>();

/** The frame heights of an embed, from its default state's real proportions and source line (once per build). */
function heightsFor(embed: Embed): ReturnType<typeof embedHeights> {
  let h = heights.get(embed.id);
  if (!h) {
    const name = embed.states[0];
    if (!name) h = embedHeights(embed, 1, 0);
    else {
      const data = getSiteData();
      const state = getGraphicState(name);
      const box = svgViewBox(renderGraphic(data, state, { mode: 'static', title: '', idPrefix: 'measure' }, 'wide'));
      h = embedHeights(embed, box.height / box.width, sourceLineText(data, sourceIdsForState(data, state)).length);
    }
    heights.set(embed.id, h);
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
 * @param absolute (path within the site) → absolute URL on the deployed site
 * @param relative (path within the site) → the site's own path, under BASE_PATH
 */
export function shareFields(
  embed: Embed,
  stateName: string | undefined,
  absolute: (path: string) => string,
  relative: (path: string) => string,
): ShareFields {
  const name = stateName ?? embed.states[0];
  if (name !== undefined && !(embed.states as string[]).includes(name)) throw new Error(`the "${embed.id}" graphic does not show "${name}"`);
  const step = name ? storySteps().find((s) => s.state === name) : undefined;
  const isDefault = name === embed.states[0];
  const embedUrl = absolute(`embed/${embed.id}/`) + (isDefault || !step ? '' : `?step=${step.id}`);
  const h = heightsFor(embed);
  const parts = { embedUrl, loaderUrl: absolute('embed-loader.js'), title: iframeTitle(embed), height: h.initial };
  const image = name ?? embed.id;
  return {
    step: step?.id,
    snippet: responsiveSnippet(parts),
    fixed: fixedSnippet({ ...parts, height: h.fixed }),
    png: relative(`downloads/${image}.png`),
    svg: relative(`downloads/${image}.svg`),
    link: embed.type === 'scenarios' ? absolute('scenarios/') : absolute(step ? `/#${step.id}` : '/'),
  };
}
