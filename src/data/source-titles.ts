/**
 * A source's title as a reader of each edition sees it. A title in square brackets in data/sources.csv is
 * not the source's own: it is our English description of a report whose title we did not record, or whose
 * title is in another language. The French edition shows its own French description, from
 * data/source-titles-fr.csv (id,title_fr), also in brackets. A source's own title (no brackets) is shown as
 * published in both editions, marked with its language.
 *
 * The file is checked when first read: every bracketed title needs its French description, and every row
 * must name a source with a bracketed title; a problem stops the build with file, row and field named.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { csvParse } from 'd3-dsv';
import type { Locale } from '../i18n/locale';
import type { Source } from './schema';
import { DataValidationError, defaultDataDir, type DataIssue } from './load';

export const SOURCE_TITLES_FR_FILE = 'source-titles-fr.csv';

const BRACKETED = /^\[.*\]$/su;

/** Whether a title is our own description (in square brackets) rather than the source's. */
export function isDescribedTitle(title: string): boolean {
  return BRACKETED.test(title);
}

/** Reads and checks data/source-titles-fr.csv against the sources: a map from source id to its French description. */
export function loadFrenchTitles(sources: readonly Pick<Source, 'id' | 'title'>[], dataDir: string = defaultDataDir()): Map<string, string> {
  const path = join(dataDir, SOURCE_TITLES_FR_FILE);
  const shown = relative(process.cwd(), path).startsWith('..') ? path : relative(process.cwd(), path);
  const issues: DataIssue[] = [];
  const titles = new Map<string, string>();
  if (!existsSync(path)) throw new DataValidationError([{ file: shown, row: 0, field: '(file)', message: 'file is missing' }]);
  const rows = csvParse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  const byId = new Map(sources.map((s) => [s.id, s]));
  rows.forEach((row, index) => {
    const at = { file: shown, row: index + 2, rowId: row.id || undefined };
    const source = row.id ? byId.get(row.id) : undefined;
    const title = (row.title_fr ?? '').trim();
    if (!source) issues.push({ ...at, field: 'id', message: `no source "${row.id ?? ''}" in sources.csv` });
    else if (!isDescribedTitle(source.title)) issues.push({ ...at, field: 'id', message: 'the source has its own title, shown as published: no French description is needed' });
    if (!isDescribedTitle(title) || title.length < 5) issues.push({ ...at, field: 'title_fr', message: 'must be a French description in square brackets, like the English one' });
    if (row.id && titles.has(row.id)) issues.push({ ...at, field: 'id', message: 'appears twice' });
    if (row.id) titles.set(row.id, title);
  });
  sources.forEach((source) => {
    if (isDescribedTitle(source.title) && !titles.has(source.id)) {
      issues.push({ file: shown, row: rows.length + 2, rowId: source.id, field: 'title_fr', message: `no French description of the title of source "${source.id}": add a row` });
    }
  });
  if (issues.length > 0) throw new DataValidationError(issues);
  return titles;
}

let cached: { sources: readonly Source[]; titles: Map<string, string> } | undefined;

/** The title shown for a source in one language: its own, or our description in that language. */
export function sourceTitle(source: Source, locale: Locale, sources: readonly Source[]): string {
  if (locale === 'en' || !isDescribedTitle(source.title)) return source.title;
  if (!cached || cached.sources !== sources) cached = { sources, titles: loadFrenchTitles(sources) };
  return cached.titles.get(source.id)!;
}

/** The language a title shown in `locale` is written in: a description is in the edition's language; an own title in the source's. */
export function shownTitleLanguage(source: Pick<Source, 'title' | 'language'>, locale: Locale): string {
  return isDescribedTitle(source.title) ? locale : source.language;
}
