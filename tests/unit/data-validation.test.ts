import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSiteData } from '../../src/data/load';
import { copyData, errorOf, readRows, setCell, REAL_DATA_DIR } from './helpers/broken-data';

describe('data/ as committed', () => {
  it('loads without a single problem', () => {
    const data = loadSiteData(REAL_DATA_DIR);
    expect(data.sources.length).toBeGreaterThan(20);
    expect(data.timeline.length).toBeGreaterThan(20);
    expect(data.fuelPrices.length).toBeGreaterThan(5);
  });

  it('every row of every dataset cites at least one source that exists', () => {
    const data = loadSiteData(REAL_DATA_DIR);
    const sourceIds = new Set(data.sources.map((s) => s.id));
    for (const [name, rows] of Object.entries(data)) {
      // The changelog records the site's own changes, not facts, so it cites no source.
      if (name === 'sources' || name === 'changelog') continue;
      for (const row of rows as { id: string; source_ids: string[] }[]) {
        expect(row.source_ids.length, `${name} ${row.id}`).toBeGreaterThan(0);
        for (const id of row.source_ids) expect(sourceIds.has(id), `${name} ${row.id} cites ${id}`).toBe(true);
      }
    }
  });

  it('no source points at a bare IP address mirror', () => {
    const data = loadSiteData(REAL_DATA_DIR);
    for (const s of data.sources) expect(s.url ?? '', s.id).not.toMatch(/^https?:\/\/\d+\.\d+\.\d+\.\d+/);
  });
});

describe('a malformed row stops loading with file, row and field named', () => {
  it('an unknown source id', () => {
    const dir = copyData();
    const id = readRows(dir, 'timeline.csv')[3]!.id;
    const row = setCell(dir, 'timeline.csv', 3, 'source_ids', 'no-such-source');
    const error = errorOf(dir);
    expect(error.message).toContain(`timeline.csv, row ${row} (id "${id}"), field "source_ids": unknown source id "no-such-source"`);
  });

  it('an impossible date', () => {
    const dir = copyData();
    const row = setCell(dir, 'fuel-prices.csv', 1, 'date', '2025-02-30');
    const error = errorOf(dir);
    expect(error.message).toMatch(new RegExp(`fuel-prices\\.csv, row ${row} \\(id "[^"]+"\\), field "date": must be a real date`));
  });

  it('a negative price', () => {
    const dir = copyData();
    const row = setCell(dir, 'fuel-prices.csv', 0, 'price_cfa_min', '-775');
    const error = errorOf(dir);
    expect(error.message).toMatch(new RegExp(`fuel-prices\\.csv, row ${row} \\(id "[^"]+"\\), field "price_cfa_min": must not be negative`));
  });

  it('a place outside the map frame', () => {
    const dir = copyData();
    const row = setCell(dir, 'places.csv', 0, 'lon', '-40');
    const error = errorOf(dir);
    expect(error.message).toMatch(new RegExp(`places\\.csv, row ${row} \\(id "[^"]+"\\), field "lon": .* is outside the map frame`));
  });

  it('an unquoted comma that splits a row into more cells than the header', () => {
    // The fault a hand edit once made in sources.csv: the note lost everything after its first comma, silently.
    const dir = copyData();
    const file = join(dir, 'glossary.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    const id = lines[2]!.split(',')[0]!;
    lines[2] = `${lines[2]},stray, cells`;
    writeFileSync(file, lines.join('\n'));
    expect(errorOf(dir).message).toContain(`glossary.csv, row 3 (id "${id}"), field "(row)": has`);
    expect(errorOf(dir).message).toContain('must be in "double quotes"');
  });

  it('a duplicate id', () => {
    const dir = copyData();
    const first = readRows(dir, 'sources.csv')[0]!.id!;
    const row = setCell(dir, 'sources.csv', 2, 'id', first);
    const error = errorOf(dir);
    expect(error.message).toContain(`sources.csv, row ${row} (id "${first}"), field "id": duplicate id "${first}" (first used on row 2)`);
  });

  it('reports every problem at once, not only the first', () => {
    const dir = copyData();
    setCell(dir, 'fuel-prices.csv', 0, 'price_cfa_min', '-1');
    setCell(dir, 'timeline.csv', 0, 'date', '2025-13-01');
    expect(errorOf(dir).issues.length).toBeGreaterThanOrEqual(2);
  });
});
