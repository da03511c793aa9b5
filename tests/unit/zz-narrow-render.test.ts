import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { loadSiteData } from '../../src/data/load';
import { renderChart } from '../../src/charts';
import { STANDALONE_CHART_CSS } from '../../src/charts/standalone-css';
import { GRAPHIC_STATES } from '../../src/story/graphic-states';

it('renders narrow PNGs', () => {
  const data = loadSiteData();
  const out: string[] = [];
  const sizes = (process.env.SIZES ?? '360x340,320x340').split(',').map((s) => { const [w, h] = s.split('x').map(Number); return { width: w!, height: h! }; });
  for (const [name, state] of Object.entries(GRAPHIC_STATES)) {
    if (state.kind === 'map') continue;
    for (const size of sizes) {
      for (const mode of ['static', 'interactive'] as const) {
        let svg = renderChart(data, state as never, size, { mode, title: name, idPrefix: 'x' });
        const vb = /viewBox="([^"]+)"/.exec(svg)![1];
        const fs = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
        out.push(`${name} ${size.width}x${size.height} ${mode}: viewBox ${vb} minFont ${Math.min(...fs)}`);
        if (mode === 'interactive') svg = svg.replace(/(<title[^>]*>[^<]*<\/title>)/, `$1<style>${STANDALONE_CHART_CSS}.chart-bg{fill:#fbf8f2}</style><rect class="chart-bg" x="0" y="0" width="100%" height="100%"/>`);
        const png = new Resvg(svg, { fitTo: { mode: 'width', value: size.width * 2 }, font: { defaultFontFamily: 'Liberation Sans' } }).render().asPng();
        writeFileSync(`/tmp/narrow/${name}-${size.width}x${size.height}-${mode}.png`, png); writeFileSync(`/tmp/narrow/${name}-${size.width}x${size.height}-${mode}.svg`, svg);
      }
    }
  }
  writeFileSync('/tmp/narrow/report.txt', out.join('\n') + '\n');
  console.log(out.join('\n'));
}, 120_000);
