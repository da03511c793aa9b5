import { writeFileSync, mkdirSync } from 'node:fs';
import { it } from 'vitest';
import { loadSiteData } from '../../src/data/load';
import { renderChart } from '../../src/charts';
import { GRAPHIC_STATES } from '../../src/story/graphic-states';
import { siteData } from './charts/fixtures';

it('wide snapshot', () => {
  const dir = process.env.SNAPDIR ?? '/tmp/wide-before';
  mkdirSync(dir, { recursive: true });
  for (const [label, data] of [['real', loadSiteData()], ['fix', siteData()]] as const) {
    for (const [name, state] of Object.entries(GRAPHIC_STATES)) {
      if (state.kind === 'map') continue;
      for (const size of [{ width: 640, height: 520 }, { width: 480, height: 440 }]) {
        for (const mode of ['static', 'interactive'] as const) {
          writeFileSync(`${dir}/${label}-${name}-${size.width}-${mode}.svg`, renderChart(data as never, state as never, size, { mode, title: name, idPrefix: 'x' }));
        }
      }
    }
  }
}, 120_000);
