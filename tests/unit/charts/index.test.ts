import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART_GROUPS, CHART_KINDS, chartTable, renderChart } from '../../../src/charts';
import { STANDALONE_CHART_CSS } from '../../../src/charts/standalone-css';
import { timelineRow } from '../../../src/data/schema';
import { siteData } from './fixtures';
import { SIZE, checkSvg, interactive, standalone } from './shared';
import { findAll } from './xml';

function classNames(css: string): Set<string> {
  const names = new Set<string>();
  for (const m of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/\.([a-z][\w-]*)/g)) if (m[1]) names.add(m[1]);
  return names;
}

describe('renderChart and chartTable', () => {
  it('dispatch every kind to its chart, in both modes', () => {
    const data = siteData();
    for (const kind of CHART_KINDS) {
      for (const options of [interactive(kind), standalone(kind)]) {
        const root = checkSvg(renderChart(data, { kind, groups: [], highlight: [] }, SIZE, options), kind);
        expect(findAll(root, (e) => e.attrs['data-mark'] !== undefined).length, kind).toBeGreaterThan(0);
        // Every data-group is one the state may name.
        for (const e of findAll(root, (el) => el.attrs['data-group'] !== undefined)) expect(CHART_GROUPS[kind]).toContain(e.attrs['data-group']);
      }
      const table = chartTable(data, kind);
      expect(table.rows.length, kind).toBeGreaterThan(0);
      expect(table.sourceIds.length, kind).toBeGreaterThan(0);
      for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
    }
  });

  it('timeline groups are the schema categories', () => {
    expect([...CHART_GROUPS.timeline].sort()).toEqual([...timelineRow.shape.category.options].sort());
  });

  it('the standalone stylesheet styles the same classes as charts.css', () => {
    const css = readFileSync(join(process.cwd(), 'src/charts/charts.css'), 'utf8');
    expect(css).not.toMatch(/style=/);
    const page = classNames(css);
    const own = classNames(STANDALONE_CHART_CSS);
    own.delete('is-off'); // graphics.css hides is-off on the page
    expect([...own].filter((c) => !page.has(c))).toEqual([]);
    // Every colour in charts.css comes from a variable.
    expect(css.replace(/\/\*[\s\S]*?\*\//g, '')).not.toMatch(/#[0-9a-f]{3,6}\b/i);
    // has-highlight only dims marks on the page; a standalone file shows its highlights without dimming the rest.
    for (const c of page) if (!['chart-mark', 'is-highlighted', 'is-off', 'has-highlight'].includes(c)) expect(own.has(c), c).toBe(true);
  });
});
