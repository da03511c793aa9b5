/** The CSV downloads: the rows of data/ behind each embeddable graphic, with their sources and the licence (in French under /fr/downloads/). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { defaultDataDir, getSiteData } from '../../data/load';
import { datasetCsv } from '../../embeds/csv';
import { downloadCsvFiles } from '../../embeds/downloads';
import { endpointLocale, siteLink } from '../../embeds/endpoint-helpers';

export const getStaticPaths = (() => downloadCsvFiles().map((spec) => ({ params: { file: spec.file }, props: { spec } }))) satisfies GetStaticPaths;

export const GET: APIRoute = (context) => {
  const { spec } = context.props as { spec: ReturnType<typeof downloadCsvFiles>[number] };
  const locale = endpointLocale(context);
  const csv = datasetCsv(spec, getSiteData(), siteLink(context.site)(locale === 'fr' ? '/fr/' : '/'), defaultDataDir(), locale);
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
