/** Link previews (og:image, twitter:image), 1200×630: the story and each chapter, pictured by its first graphic (in French under /fr/og/). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData } from '../../data/load';
import { socialCardSvg, socialImageNames } from '../../embeds/downloads';
import { svgToPng } from '../../embeds/raster';
import { endpointLocale } from '../../embeds/endpoint-helpers';

export const getStaticPaths = (() => socialImageNames().map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = (context) => {
  const { png } = svgToPng(socialCardSvg(getSiteData(), String(context.params.name), endpointLocale(context)), 1);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
