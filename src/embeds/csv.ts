/**
 * The CSV downloads: the very rows of data/ that a graphic draws on, with
 * every column of the file as it is written there, plus two columns a reader
 * needs when the file travels on its own: `source` (outlet, date and address
 * of each cited source) and `licence`. Reading the file itself, rather than
 * the checked data, keeps the download identical to the data file, row for
 * row and cell for cell.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvFormatRows, csvParse } from 'd3-dsv';
import { DATASETS, type SiteData } from '../data/schema';
import { defaultDataDir } from '../data/load';
import { citedSources, shortCitation } from '../data/sources';
import { factsAsOfDate, isAfterArticle } from '../data/currency';
import { CREDIT, LICENCE, LICENCE_URL, type EmbedDataset } from './embeds';

/**
 * Columns added to every download: `after_article` flags a row dated after the
 * article (9 Dec 2025) wherever the file has a `date`; `facts_as_of` is the
 * newest dated event on the site, so a copy says how current it was.
 */
export const CSV_EXTRA_COLUMNS = ['after_article', 'facts_as_of', 'source', 'licence'] as const;

export function licenceText(siteUrl: string): string {
  return `${LICENCE} (${LICENCE_URL}): credit "${CREDIT}" (${siteUrl}) and the sources in the source column`;
}

function splitIds(cell: string | undefined): string[] {
  return (cell ?? '').split(';').map((s) => s.trim()).filter(Boolean);
}

/** The rows of one dataset that a download holds, as written in data/. */
export function datasetRows(spec: EmbedDataset, dataDir = defaultDataDir()): { columns: string[]; rows: Record<string, string>[] } {
  const text = readFileSync(join(dataDir, DATASETS[spec.dataset].file), 'utf8').replace(/^\uFEFF/, '');
  const parsed = csvParse(text);
  const ids = spec.ids ? new Set(spec.ids) : undefined;
  const rows = (parsed as unknown as Record<string, string>[]).filter((r) => !ids || ids.has(r.id ?? ''));
  if (ids && rows.length !== ids.size) throw new Error(`${DATASETS[spec.dataset].file}: some of ${[...ids].join(', ')} are missing`);
  return { columns: [...parsed.columns], rows };
}

/** The CSV text of a download. */
export function datasetCsv(spec: EmbedDataset, data: SiteData, siteUrl: string, dataDir = defaultDataDir()): string {
  const { columns, rows } = datasetRows(spec, dataDir);
  const licence = licenceText(siteUrl);
  const source = (row: Record<string, string>) =>
    citedSources(data, splitIds(row.source_ids))
      .map((s) => (s.url ? `${shortCitation(s)} (${s.url})` : shortCitation(s)))
      .join('; ');
  const asOf = factsAsOfDate(data);
  // A file that already says which rows came after the article keeps its own column.
  const extra = CSV_EXTRA_COLUMNS.filter((c) => !columns.includes(c));
  const after = (row: Record<string, string>) => {
    const date = row.date ?? row.start_date;
    return date ? (isAfterArticle(date) ? 'yes' : 'no') : '';
  };
  const extraCells = (row: Record<string, string>): Record<(typeof CSV_EXTRA_COLUMNS)[number], string> => ({
    after_article: after(row),
    facts_as_of: asOf,
    source: source(row),
    licence,
  });
  const body = rows.map((row) => {
    const cells = extraCells(row);
    return [...columns.map((c) => row[c] ?? ''), ...extra.map((c) => cells[c])];
  });
  return csvFormatRows([[...columns, ...extra], ...body]) + '\n';
}
