/**
 * Copies the real data/ folder to a temporary one and breaks one cell, so a
 * test sees exactly what an editor's mistake would do to the build.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParse, csvFormat } from 'd3-dsv';
import { DataValidationError, loadSiteData } from '../../../src/data/load';

export const REAL_DATA_DIR = join(process.cwd(), 'data');

export function copyData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lifelines-data-'));
  cpSync(REAL_DATA_DIR, dir, { recursive: true });
  return dir;
}

export function readRows(dir: string, file: string): Record<string, string>[] {
  return csvParse(readFileSync(join(dir, file), 'utf8')) as unknown as Record<string, string>[];
}

/** Sets one cell of one row (0-based record index) and returns the spreadsheet row number (header = 1). */
export function setCell(dir: string, file: string, recordIndex: number, field: string, value: string): number {
  const text = readFileSync(join(dir, file), 'utf8');
  const rows = csvParse(text);
  const columns = rows.columns;
  const row = rows[recordIndex];
  if (!row) throw new Error(`${file} has no record ${recordIndex}`);
  if (!columns.includes(field)) throw new Error(`${file} has no column ${field}`);
  row[field] = value;
  writeFileSync(join(dir, file), csvFormat(rows, columns) + '\n');
  return recordIndex + 2;
}

/** The validation error that loading a (broken) data folder raises; fails the test if it loads. */
export function errorOf(dir: string): DataValidationError {
  try {
    loadSiteData(dir);
  } catch (error) {
    if (error instanceof DataValidationError) return error;
    throw error;
  }
  throw new Error('expected the data to be rejected, but it loaded');
}
