/** The CSV downloads: the rows of data/ behind each embeddable graphic, with their sources and the licence. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData } from '../../data/load';
import { datasetCsv } from '../../embeds/csv';
import { downloadCsvFiles } from '../../embeds/downloads';
import { siteLink } from '../../embeds/endpoint-helpers';

export const getStaticPaths = (() => downloadCsvFiles().map((spec) => ({ params: { file: spec.file }, props: { spec } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { spec } = props as { spec: ReturnType<typeof downloadCsvFiles>[number] };
  const csv = datasetCsv(spec, getSiteData(), siteLink(site)('/'));
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
