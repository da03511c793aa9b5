/**
 * Issue 13 (French edition): data stays single, and each field whose words
 * the site shows has a French twin column, `<field>_fr`. A missing French
 * text stops the build with its file, row and field named, as any other
 * data fault does.
 */
import { describe, expect, it } from 'vitest';
import { DATASETS, TRANSLATED_FIELDS, type DatasetName } from '../../src/data/schema';
import { loadSiteData } from '../../src/data/load';
import { copyData, errorOf, readRows, setCell } from './helpers/broken-data';

const translated = (Object.keys(TRANSLATED_FIELDS) as DatasetName[]).flatMap((name) =>
  (TRANSLATED_FIELDS[name] as readonly string[]).map((field) => ({ name, field })),
);

describe('French text in data/', () => {
  it('has a French column in the file for every translated field', () => {
    const dir = copyData();
    expect(translated.length).toBeGreaterThan(0);
    for (const { name, field } of translated) {
      const [first] = readRows(dir, DATASETS[name].file);
      expect(Object.keys(first ?? {}), `${DATASETS[name].file}`).toContain(`${field}_fr`);
    }
  });

  it('fills every French twin wherever the English text is filled', () => {
    const data = loadSiteData();
    for (const { name, field } of translated) {
      for (const row of data[name] as unknown as Record<string, unknown>[]) {
        const english = row[field];
        if (english === undefined || english === '' || (Array.isArray(english) && english.length === 0)) continue;
        expect(row[`${field}_fr`], `${DATASETS[name].file}, row "${String(row.id)}", ${field}_fr`).toBeTruthy();
      }
    }
  });

  it('stops the build on a missing French text, naming file, row and field', () => {
    for (const { name, field } of translated) {
      const dir = copyData();
      const rows = readRows(dir, DATASETS[name].file);
      const index = rows.findIndex((r) => (r[field] ?? '').trim() !== '');
      if (index < 0) continue;
      const rowNumber = setCell(dir, DATASETS[name].file, index, `${field}_fr`, '');
      const error = errorOf(dir);
      const issue = error.issues.find((i) => i.field === `${field}_fr`);
      expect(issue, `${DATASETS[name].file}: ${field}_fr`).toBeDefined();
      expect(issue?.row).toBe(rowNumber);
      expect(issue?.file).toContain(DATASETS[name].file);
      expect(error.message).toContain(`field "${field}_fr"`);
    }
  });
});
