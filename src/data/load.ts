/**
 * Reads and checks every file in data/. The build calls this before it
 * renders anything, so one bad row stops the build with a message that
 * names the file, the row and the field: an editor can fix it without
 * reading code.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { csvParse, csvParseRows } from 'd3-dsv';
import { DATASETS, TRANSLATED_FIELDS, type DatasetName, type SiteData } from './schema';

export interface DataIssue {
  file: string;
  /** Spreadsheet row number: the header is row 1, the first record row 2. */
  row: number;
  rowId?: string | undefined;
  field: string;
  message: string;
}

export function formatIssue(issue: DataIssue): string {
  const rowLabel = issue.rowId ? `row ${issue.row} (id "${issue.rowId}")` : `row ${issue.row}`;
  return `${issue.file}, ${rowLabel}, field "${issue.field}": ${issue.message}`;
}

export class DataValidationError extends Error {
  readonly issues: DataIssue[];
  constructor(issues: DataIssue[]) {
    const lines = issues.map(formatIssue);
    super(`Invalid data (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n  ${lines.join('\n  ')}`);
    this.name = 'DataValidationError';
    this.issues = issues;
  }
}

export function defaultDataDir(): string {
  // LIFELINES_DATA_DIR lets the tests build the site from a deliberately broken copy of data/.
  return process.env.LIFELINES_DATA_DIR ?? join(process.cwd(), 'data');
}

function displayPath(dataDir: string, file: string): string {
  const rel = relative(process.cwd(), join(dataDir, file));
  return rel.startsWith('..') ? join(dataDir, file) : rel;
}

type RawRows = Record<string, string>[];

function parseFile(dataDir: string, file: string, issues: DataIssue[]): RawRows {
  const path = join(dataDir, file);
  const shown = displayPath(dataDir, file);
  if (!existsSync(path)) {
    issues.push({ file: shown, row: 0, field: '(file)', message: 'file is missing' });
    return [];
  }
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  // d3's parser silently drops cells beyond the header, so an unquoted comma would cut a note short unseen.
  const [header = [], ...records] = csvParseRows(text);
  records.forEach((cells, index) => {
    if (cells.length === 1 && cells[0] === '') return;
    if (cells.length !== header.length) {
      issues.push({
        file: shown,
        row: index + 2,
        rowId: cells[0] || undefined,
        field: '(row)',
        message: `has ${cells.length} cells but the header has ${header.length} columns: a cell that contains a comma must be in "double quotes"`,
      });
    }
  });
  return csvParse(text) as unknown as RawRows;
}

/** Checks rows against a dataset's schema, and collects every problem rather than stopping at the first. */
export function validateRows<N extends DatasetName>(name: N, raw: RawRows, shownFile: string, issues: DataIssue[]): SiteData[N] {
  const schema = DATASETS[name].row;
  const rows: SiteData[N] = [];
  const seenIds = new Map<string, number>();
  raw.forEach((record, index) => {
    const rowNumber = index + 2;
    const rowId = record.id || undefined;
    const result = schema.safeParse(record);
    if (!result.success) {
      for (const issue of result.error.issues) {
        issues.push({ file: shownFile, row: rowNumber, rowId, field: String(issue.path[0] ?? '(row)'), message: issue.message });
      }
      return;
    }
    const parsed = result.data as SiteData[N][number] & { id: string };
    const firstSeen = seenIds.get(parsed.id);
    if (firstSeen !== undefined) {
      issues.push({ file: shownFile, row: rowNumber, rowId, field: 'id', message: `duplicate id "${parsed.id}" (first used on row ${firstSeen})` });
      return;
    }
    seenIds.set(parsed.id, rowNumber);
    for (const field of TRANSLATED_FIELDS[name] as readonly string[]) {
      const english = (parsed as Record<string, unknown>)[field];
      const french = (parsed as Record<string, unknown>)[`${field}_fr`];
      if (hasWords(english) && !hasWords(french)) {
        issues.push({
          file: shownFile,
          row: rowNumber,
          rowId,
          field: `${field}_fr`,
          message: `French text missing: the French edition shows "${field}", so it needs "${field}_fr" too`,
        });
      }
    }
    rows.push(parsed);
  });
  return rows;
}

function hasWords(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasWords);
  return typeof value === 'string' && value.trim() !== '';
}

/** Ids in one file that must exist in another: source citations and place names. */
function checkReferences(
  data: SiteData,
  rowNumbers: Map<DatasetName, Map<string, number>>,
  dataDir: string,
  issues: DataIssue[],
): void {
  const sourceIds = new Set(data.sources.map((s) => s.id));
  const placeIds = new Set(data.places.map((p) => p.id));
  for (const name of Object.keys(DATASETS) as DatasetName[]) {
    const shown = displayPath(dataDir, DATASETS[name].file);
    const rows = data[name] as unknown as Record<string, unknown>[];
    rows.forEach((row) => {
      const rowNumber = rowNumbers.get(name)?.get(row.id as string) ?? 0;
      const cited = (row.source_ids as string[] | undefined) ?? [];
      for (const sourceId of cited) {
        if (!sourceIds.has(sourceId)) {
          issues.push({ file: shown, row: rowNumber, rowId: row.id as string, field: 'source_ids', message: `unknown source id "${sourceId}" (not in sources.csv)` });
        }
      }
      for (const field of ['place', 'from_place', 'to_place', 'places'] as const) {
        const value = row[field];
        const ids = Array.isArray(value) ? (value as string[]) : typeof value === 'string' && value ? [value] : [];
        for (const placeId of ids) {
          if (!placeIds.has(placeId)) {
            issues.push({ file: shown, row: rowNumber, rowId: row.id as string, field, message: `unknown place id "${placeId}" (not in places.csv)` });
          }
        }
      }
    });
  }
}

export function loadSiteData(dataDir: string = defaultDataDir()): SiteData {
  const issues: DataIssue[] = [];
  const rowNumbers = new Map<DatasetName, Map<string, number>>();
  const data = {} as SiteData;
  for (const name of Object.keys(DATASETS) as DatasetName[]) {
    const { file } = DATASETS[name];
    const raw = parseFile(dataDir, file, issues);
    rowNumbers.set(name, new Map(raw.map((r, i) => [r.id ?? '', i + 2])));
    (data as Record<DatasetName, unknown>)[name] = validateRows(name, raw, displayPath(dataDir, file), issues);
  }
  checkReferences(data, rowNumbers, dataDir, issues);
  if (issues.length > 0) throw new DataValidationError(issues);
  return data;
}

let cached: { dir: string; data: SiteData } | undefined;

/** The checked data, read once per build. */
export function getSiteData(): SiteData {
  const dir = defaultDataDir();
  if (!cached || cached.dir !== dir) cached = { dir, data: loadSiteData(dir) };
  return cached.data;
}
