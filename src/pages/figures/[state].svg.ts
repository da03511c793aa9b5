/**
 * One standalone SVG per story state: what a step shows without JavaScript
 * and in print, made by the same renderer as the sticky panel.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData } from '../../data/load';
import { GRAPHIC_STATES, getGraphicState } from '../../story/graphic-states';
import { renderGraphic } from '../../story/render-graphic';

export const getStaticPaths = (() => Object.keys(GRAPHIC_STATES).map((state) => ({ params: { state } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const name = String(params.state);
  const svg = renderGraphic(getSiteData(), getGraphicState(name), { mode: 'static', title: name, idPrefix: `figure-${name}` });
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
};
