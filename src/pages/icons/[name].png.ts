/** The app icons (src/offline/icons.ts) as PNG, drawn at build time by resvg. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { APP_ICONS, appIconSvg } from '../../offline/icons';
import { svgToPng } from '../../embeds/raster';

export const getStaticPaths = (() => APP_ICONS.map((icon) => ({ params: { name: icon.name }, props: { icon } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { png } = svgToPng(appIconSvg(props.icon), 1);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
