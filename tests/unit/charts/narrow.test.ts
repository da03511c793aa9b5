/**
 * The narrow layouts (phones): the panel gives a chart 320 × 372 units
 * (RENDER_SIZES.chart.narrow) and scales the SVG to fit, so a chart taller
 * than its box would shrink its text. Every chart must stay inside the size it
 * is given, with legible text; a shorter box (360 × 340) is checked too.
 */
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/i18n/locale';
import { CHART_KINDS, renderChart, type ChartKind, type ChartState } from '../../../src/charts';
import { loadSiteData } from '../../../src/data/load';
import type { ElectricityObservation, SiteData, TimelineEvent } from '../../../src/data/schema';
import { GRAPHIC_STATES } from '../../../src/story/graphic-states';
import { RENDER_SIZES } from '../../../src/story/graphic-state';
import { CLOSURES, ELECTRICITY, FIGURES, FUEL, TIMELINE, siteData } from './fixtures';
import { checkSvg, effectiveFontSize, interactive, standalone, viewBox } from './shared';
import { findAll } from './xml';

const SIZES = [RENDER_SIZES.chart.narrow, { width: 360, height: 340 }];

const LONG = [
  'Western governments condemn the deployment of foreign mercenaries in the country',
  'Long power cuts hit the capital and other cities',
  'Three countries sign a charter creating a new alliance of neighbouring states',
  'A leader answers a journalist in an audio message broadcast on radio',
];

/** Like the site's timeline: a few events a year, then a dense autumn 2025, long titles. */
function realishTimeline(): TimelineEvent[] {
  const base = TIMELINE[0] as TimelineEvent;
  const out: TimelineEvent[] = [...TIMELINE];
  const categories: TimelineEvent['category'][] = ['politics', 'security', 'blockade', 'energy', 'international', 'governance'];
  for (let year = 2012; year <= 2024; year++) {
    for (let k = 0; k < 3; k++) {
      out.push({ ...base, id: `y-${year}-${k}`, date: `${year}-${String(1 + k * 4).padStart(2, '0')}-1${k}`, category: categories[(year + k) % 6] ?? 'politics', title: LONG[(year + k) % 4] ?? '' });
    }
  }
  for (let day = 0; day < 40; day++) {
    const t = new Date(Date.UTC(2025, 8, 1) + day * 2.5 * 86_400_000).toISOString().slice(0, 10);
    out.push({ ...base, id: `d-${day}`, date: t, category: categories[day % 6] ?? 'politics', title: LONG[day % 4] ?? '', confidence: day % 5 ? 'confirmed' : 'party-claim' });
  }
  out.push({ ...base, id: 'd-span', date: '2025-11', end_date: '2025-12-06', category: 'blockade', title: 'Apparent lull in convoy attacks' });
  return out;
}

function realishElectricity(): ElectricityObservation[] {
  const extra = ['2025-11-02', '2025-11-20', '2025-12-01'].map((date, i) => ({
    ...(ELECTRICITY[0] as ElectricityObservation),
    id: `e-extra-${i}`,
    date,
    value_min: 4 + i,
    value_max: 8 + i,
  }));
  return [...ELECTRICITY, ...extra];
}

const REALISH: SiteData = siteData({ timeline: realishTimeline(), electricity: realishElectricity() });

const HIGHLIGHTS: Record<ChartKind, string[]> = {
  timeline: ['y-2013-1', 'y-2021-0', 'd-12', 'd-30'],
  'fuel-prices': ['p-day-range', 'p-same-day-1', 'p-same-day-2'],
  electricity: ['e-2025-supply', 'e-days'],
  'school-calendar': [(CLOSURES[0] ?? { id: '' }).id],
  'roads-waffle': [(FIGURES[1] ?? { id: '' }).id],
};

function checkFits(svg: string, kind: ChartKind, size: { width: number; height: number }, what: string) {
  const root = checkSvg(svg, kind);
  const box = viewBox(root);
  expect(box.width, `${what}: width`).toBeLessThanOrEqual(size.width);
  expect(box.height, `${what}: height`).toBeLessThanOrEqual(size.height);
  for (const t of findAll(root, (e) => e.name === 'text' || e.name === 'tspan')) {
    expect(effectiveFontSize(t), `${what}: font size`).toBeGreaterThanOrEqual(12);
  }
}

describe('narrow layouts fit the phone panel', () => {
  it('every chart, with and without highlights, in both modes, stays inside 320 × 372 and 360 × 340', () => {
    expect(FUEL.length).toBeGreaterThan(0);
    for (const kind of CHART_KINDS) {
      for (const size of SIZES) {
        for (const highlight of [[], HIGHLIGHTS[kind]]) {
          const state: ChartState = { kind, groups: [], highlight };
          for (const options of [interactive(kind), standalone(kind)]) {
            checkFits(renderChart(REALISH, state, size, options), kind, size, `${kind} ${size.width}×${size.height} ${options.mode} [${highlight.join(',')}]`);
          }
        }
      }
    }
  });

  // French words are longer: the French renders must fit the same panel.
  for (const locale of LOCALES) {
    it(`every chart state of the story, with the site's data (${locale})`, () => {
      const data = loadSiteData();
      for (const [name, state] of Object.entries(GRAPHIC_STATES)) {
        if (state.kind === 'map') continue;
        for (const size of SIZES) {
          for (const options of [{ ...interactive(name), locale }, { ...standalone(name), locale }]) {
            checkFits(renderChart(data, state, size, options), state.kind, size, `${name} ${size.width}×${size.height} ${options.mode} ${locale}`);
          }
        }
      }
    });
  }
});
