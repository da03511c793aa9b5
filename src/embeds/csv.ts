/**
 * The CSV downloads: the very rows of data/ that a graphic draws on, with
 * every column of the file as it is written there, plus two columns a reader
 * needs when the file travels on its own: `source` (outlet, date and address
 * of each cited source) and `licence`. Reading the file itself, rather than
 * the checked data, keeps the download identical to the data file, row for
 * row and cell for cell.
 *
 * The French files (/fr/downloads/) hold the same rows, with French column
 * names (ASCII snake_case, still machine-friendly: "titre", "prix_min_fcfa").
 * A column with a French twin (`title` and `title_fr`) gives the French text
 * under the French name, and the `_fr` column is not repeated; yes/no cells
 * read oui/non. Codes (a market's "informal", a confidence's "high") and ids
 * stay as written, since they are identifiers, not words the site shows.
 * A free-text column that has no French twin in data/ (`note` in some files)
 * keeps its English under a name that says so, `note_en`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvFormatRows, csvParse } from 'd3-dsv';
import { DATASETS, type SiteData } from '../data/schema';
import { defaultDataDir } from '../data/load';
import { citedSources, shortCitation } from '../data/sources';
import { factsAsOfDate, isAfterArticle } from '../data/currency';
import { CREDIT, LICENCE, LICENCE_URL, creditIn, licenceUrlIn, type EmbedDataset } from './embeds';
import type { Locale } from '../i18n/locale';
import { say } from './words';

/**
 * Columns added to every download: `after_article` flags a row dated after the
 * article (9 Dec 2025) wherever the file has a `date`; `facts_as_of` is the
 * newest dated event on the site, so a copy says how current it was.
 */
export const CSV_EXTRA_COLUMNS = ['after_article', 'facts_as_of', 'source', 'licence'] as const;

export function licenceText(siteUrl: string, locale: Locale = 'en'): string {
  if (locale === 'en') return `${LICENCE} (${LICENCE_URL}): credit "${CREDIT}" (${siteUrl}) and the sources in the source column`;
  return say(locale, 'embeds.csv.licence', { licence: LICENCE, url: licenceUrlIn(locale), credit: creditIn(locale), site: siteUrl });
}

/**
 * The French name of every column a download can hold: those of the data files behind the
 * embeds, and the columns added to every download. A column missing here stops the build
 * (frenchColumnName), so a new column never ships with an English header in a French file.
 */
export const FRENCH_COLUMN_NAMES: Readonly<Record<string, string>> = {
  id: 'id',
  date: 'date',
  start_date: 'date_debut',
  end_date: 'date_fin',
  reopen_date: 'date_reouverture',
  announced: 'date_annonce',
  title: 'titre',
  name: 'nom',
  label: 'libelle',
  summary: 'resume',
  text: 'texte',
  note: 'note',
  map_note: 'note_carte',
  category: 'categorie',
  regions: 'regions',
  place: 'lieu',
  places: 'lieux',
  from_place: 'lieu_depart',
  to_place: 'lieu_arrivee',
  road: 'route',
  toward: 'vers',
  schematic: 'schematique',
  axis: 'axe',
  value: 'valeur',
  value_min: 'valeur_min',
  value_max: 'valeur_max',
  unit: 'unite',
  qualifier: 'precision',
  period: 'periode',
  scope: 'portee',
  measure: 'mesure',
  market: 'marche',
  fuel: 'carburant',
  price_cfa_min: 'prix_min_fcfa',
  price_cfa_max: 'prix_max_fcfa',
  tankers_min: 'citernes_min',
  tankers_max: 'citernes_max',
  tankers_qualifier: 'citernes_precision',
  count_min: 'nombre_min',
  count_max: 'nombre_max',
  count_qualifier: 'nombre_precision',
  claimant: 'revendique_par',
  claimant_type: 'type_revendicateur',
  cumulative: 'cumulatif',
  escort: 'escorte',
  outcome: 'issue',
  confidence: 'fiabilite',
  numeral: 'numero',
  scenario: 'scenario',
  dimension: 'dimension',
  basis: 'fondement',
  article_section: 'section_article',
  timeline_ids: 'ids_chronologie',
  source_ids: 'ids_sources',
  after_article: 'apres_l_article',
  facts_as_of: 'a_jour_au',
  source: 'sources',
  licence: 'licence',
};

/** Free-text columns whose words are English when the file has no French twin for them. */
const ENGLISH_TEXT_COLUMNS = new Set(['note']);

export function frenchColumnName(column: string, file = 'a download'): string {
  const name = FRENCH_COLUMN_NAMES[column];
  if (name === undefined) throw new Error(`${file}: no French name for the column "${column}"; add it to FRENCH_COLUMN_NAMES in src/embeds/csv.ts`);
  return name;
}

const FRENCH_YES_NO: Readonly<Record<string, string>> = { yes: 'oui', no: 'non' };

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

/** The CSV text of a download, in one language (see the top of this file for the French). */
export function datasetCsv(spec: EmbedDataset, data: SiteData, siteUrl: string, dataDir = defaultDataDir(), locale: Locale = 'en'): string {
  const { columns, rows } = datasetRows(spec, dataDir);
  const licence = licenceText(siteUrl, locale);
  const source = (row: Record<string, string>) =>
    citedSources(data, splitIds(row.source_ids))
      .map((s) => (s.url ? `${shortCitation(s, locale)} (${s.url})` : shortCitation(s, locale)))
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
  const header = [...columns, ...extra];
  if (locale === 'en') return csvFormatRows([header, ...body]) + '\n';
  return frenchCsv(header, body, DATASETS[spec.dataset].file);
}

/** The English table (header and rows) in French: the `_fr` cells under the French names, yes/no as oui/non. */
function frenchCsv(header: string[], body: string[][], file: string): string {
  const index = new Map(header.map((c, i) => [c, i]));
  const kept = header.map((c, i) => ({ column: c, i })).filter(({ column }) => !(column.endsWith('_fr') && index.has(column.slice(0, -3))));
  const twin = (column: string) => index.get(`${column}_fr`);
  const yesNo = new Set(kept.filter(({ i }) => body.every((row) => ['', 'yes', 'no'].includes(row[i] ?? ''))).map(({ column }) => column));
  const names = kept.map(({ column }) => {
    const name = frenchColumnName(column, `data/${file}`);
    return ENGLISH_TEXT_COLUMNS.has(column) && twin(column) === undefined ? `${name}_en` : name;
  });
  const rows = body.map((row) =>
    kept.map(({ column, i }) => {
      const french = twin(column);
      const cell = french !== undefined && row[french] ? row[french]! : (row[i] ?? '');
      return yesNo.has(column) ? (FRENCH_YES_NO[cell] ?? cell) : cell;
    }),
  );
  return csvFormatRows([names, ...rows]) + '\n';
}
