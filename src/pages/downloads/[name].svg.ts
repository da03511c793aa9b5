/**
 * The SVG download of each story state (and of the scenario comparison): the
 * graphic with its title, subtitle, notes, sources and credit drawn around it.
 * The PNG download is this very SVG, rasterised (see [name].png.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { downloadImageNames } from '../../embeds/downloads';
import { cardSvgFor, endpointLocale } from '../../embeds/endpoint-helpers';

export const getStaticPaths = (() => downloadImageNames().map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async (context) => {
  const svg = await cardSvgFor(String(context.params.name), context.site, endpointLocale(context));
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
};
