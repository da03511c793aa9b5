/**
 * One standalone SVG per story state and layout: what a step shows without
 * JavaScript and in print, made by the same renderer as the sticky panel.
 * The French twin (src/pages/fr/figures/[state].svg.ts) serves the same
 * files under /fr/figures/, with every word in French.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData } from '../../data/load';
import { pageLocale } from '../../i18n/page-locale';
import { GRAPHIC_STATES, getGraphicState } from '../../story/graphic-states';
import { figureFileName, figureLayoutsFor, type Layout } from '../../story/graphic-state';
import { graphicTitle } from '../../story/graphic-titles';
import { renderGraphic } from '../../story/render-graphic';

export const getStaticPaths = (() =>
  Object.entries(GRAPHIC_STATES).flatMap(([name, state]) =>
    figureLayoutsFor(state.kind).map((layout) => ({
      params: { state: figureFileName(name, layout).replace(/\.svg$/, '') },
      props: { name, layout },
    })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = (context) => {
  const { name, layout } = context.props as { name: string; layout: Layout };
  // The language of the file being built: /fr/figures/… is French.
  const locale = pageLocale(context);
  const state = getGraphicState(name);
  const svg = renderGraphic(getSiteData(), state, { mode: 'static', title: graphicTitle(state.kind, locale), idPrefix: `figure-${name}`, locale }, layout);
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
};
