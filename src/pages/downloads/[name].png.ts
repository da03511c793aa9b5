/**
 * The PNG download of each story state: the SVG card of [name].svg.ts drawn at
 * twice its size by resvg at build time, so the reader's browser runs nothing.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { downloadImageNames } from '../../embeds/downloads';
import { cardSvgFor, endpointLocale } from '../../embeds/endpoint-helpers';
import { svgToPng } from '../../embeds/raster';

export const getStaticPaths = (() => downloadImageNames().map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async (context) => {
  const { png } = svgToPng(await cardSvgFor(String(context.params.name), context.site, endpointLocale(context)), 2);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
