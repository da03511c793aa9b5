import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyData, setCell } from './helpers/broken-data';

// The real `astro build`, pointed at a broken copy of data/: the editor's
// view of a mistake. The data check runs before any page renders, so this is quick.
describe('astro build with a malformed data row', () => {
  it('exits non-zero and names the file, row and field', () => {
    const dir = copyData();
    const row = setCell(dir, 'fuel-prices.csv', 0, 'price_cfa_min', '-5');
    const outDir = mkdtempSync(join(tmpdir(), 'lifelines-dist-'));
    const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
      env: { ...process.env, LIFELINES_DATA_DIR: dir },
      encoding: 'utf8',
      timeout: 120_000,
    });
    const output = result.stdout + result.stderr;
    expect(result.status, output).not.toBe(0);
    expect(output).toMatch(new RegExp(`fuel-prices\\.csv, row ${row} \\(id "[^"]+"\\), field "price_cfa_min": must not be negative`));
  }, 120_000);
});
