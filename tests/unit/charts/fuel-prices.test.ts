import { describe, expect, it } from 'vitest';
import { fuelPricesTable, renderFuelPrices } from '../../../src/charts/fuel-prices';
import type { ChartState } from '../../../src/charts/chart-state';
import { FONT_SIZE, textWidth } from '../../../src/charts/common';
import { parsePartialDate } from '../../../src/data/dates';
import { FUEL, PLACES } from './fixtures';
import { HOSTILE, SIZE, checkSvg, interactive, labelsFor, marksFor, standalone } from './shared';
import { byClass, descendants, findAll, hasClass, isOff, num, textContent, type XmlElement } from './xml';

const all: ChartState = { kind: 'fuel-prices', groups: [], highlight: [] };
const render = (state: Partial<ChartState> = {}, mode: 'interactive' | 'static' = 'interactive', rows = FUEL) =>
  renderFuelPrices(rows, PLACES, { ...all, ...state }, SIZE, mode === 'interactive' ? interactive('fuel') : standalone('fuel'));

const isDay = (date: string) => parsePartialDate(date)?.precision === 'day';

function shapeOf(mark: XmlElement): XmlElement {
  const shape = descendants(mark).find((e) => hasClass(e, 'fuel-shape'));
  if (!shape) throw new Error(`no shape in ${mark.attrs['data-mark']}`);
  return shape;
}

describe('fuel prices chart', () => {
  it('is a well-formed SVG with one mark per row, grouped by market', () => {
    const root = checkSvg(render(), 'fuel-prices');
    for (const row of FUEL) {
      const marks = marksFor(root, row.id);
      expect(marks, row.id).toHaveLength(1);
      expect(marks[0]?.attrs['data-group']).toBe(row.market);
      expect(hasClass(marks[0] as XmlElement, 'chart-mark')).toBe(true);
    }
    expect(findAll(root, (e) => e.attrs['data-mark'] !== undefined)).toHaveLength(FUEL.length);
  });

  it('draws points, ranges and month spans, never a line between observations', () => {
    const root = checkSvg(render(), 'fuel-prices');
    expect(findAll(root, (e) => ['path', 'polyline', 'polygon'].includes(e.name))).toHaveLength(0);
    const marksLayer = byClass(root, 'chart-marks')[0] as XmlElement;
    for (const e of descendants(marksLayer)) expect(['g', 'circle', 'rect', 'line']).toContain(e.name);
    // Every line inside a mark is a short cap, not a connector between two rows.
    for (const l of findAll(marksLayer, (e) => e.name === 'line')) {
      expect(Math.hypot(num(l, 'x2') - num(l, 'x1'), num(l, 'y2') - num(l, 'y1'))).toBeLessThanOrEqual(16);
    }
    for (const row of FUEL) {
      const shape = shapeOf(marksFor(root, row.id)[0] as XmlElement);
      const point = isDay(row.date) && row.price_cfa_min === row.price_cfa_max;
      expect(shape.name, row.id).toBe(point ? 'circle' : 'rect');
      expect(hasClass(shape, `fuel-shape--${row.market}`)).toBe(true);
    }
  });

  it('puts prices on a y scale from zero and dates on a time scale', () => {
    const root = checkSvg(render(), 'fuel-prices');
    const y = (id: string) => {
      const s = shapeOf(marksFor(root, id)[0] as XmlElement);
      return s.name === 'circle' ? num(s, 'cy') : num(s, 'y');
    };
    // Higher price, higher on the page.
    const byPrice = [...FUEL].sort((a, b) => (a.price_cfa_max ?? 0) - (b.price_cfa_max ?? 0));
    for (let i = 1; i < byPrice.length; i++) {
      const lower = byPrice[i - 1];
      const higher = byPrice[i];
      if (!lower || !higher || lower.price_cfa_max === higher.price_cfa_max) continue;
      expect(y(higher.id), `${higher.id} above ${lower.id}`).toBeLessThan(y(lower.id));
    }
    // A range bar is as tall as its range, in the same units as the axis.
    const zero = byClass(root, 'chart-axis-line').find((l) => l.attrs.y1 === l.attrs.y2) as XmlElement;
    const ranged = FUEL.find((r) => r.id === 'p-day-range');
    const bar = shapeOf(marksFor(root, 'p-day-range')[0] as XmlElement);
    const pxPerCfa = (num(zero, 'y1') - y('p-day-single')) / (FUEL.find((r) => r.id === 'p-day-single')?.price_cfa_min ?? 1);
    expect(num(bar, 'height')).toBeCloseTo(((ranged?.price_cfa_max ?? 0) - (ranged?.price_cfa_min ?? 0)) * pxPerCfa, 0);
    // A month is a span across the month: April is 30 days wide, the same-day points are side by side.
    const april = shapeOf(marksFor(root, 'p-month-single')[0] as XmlElement);
    const june = shapeOf(marksFor(root, 'p-month-range')[0] as XmlElement);
    expect(num(april, 'width') / num(june, 'width')).toBeCloseTo(30 / 30, 1);
    expect(num(april, 'x')).toBeLessThan(num(june, 'x'));
    const a = shapeOf(marksFor(root, 'p-same-day-1')[0] as XmlElement);
    const b = shapeOf(marksFor(root, 'p-same-day-2')[0] as XmlElement);
    expect(num(a, 'cx')).not.toBe(num(b, 'cx'));
  });

  it('labels axes with months and CFA amounts, with thousands separators', () => {
    const root = checkSvg(render(), 'fuel-prices');
    const ticks = byClass(root, 'chart-tick-label').map(textContent);
    expect(ticks).toContain('1,000 CFA');
    expect(ticks).toContain('0 CFA');
    expect(ticks.some((t) => /^(Mar|Apr|May|Jun|Jul) 2025$/.test(t))).toBe(true);
    const legend = byClass(root, 'chart-legend-text').map(textContent);
    expect(legend).toEqual(expect.arrayContaining(['Official pump price', 'Informal or black-market price']));
  });

  it('hides groups with is-off when interactive, and leaves them out when static', () => {
    const on = checkSvg(render({ groups: ['official'] }), 'fuel-prices');
    for (const row of FUEL) expect(isOff(marksFor(on, row.id)[0] as XmlElement), row.id).toBe(row.market !== 'official');

    const svg = render({ groups: ['official'] }, 'static');
    const off = checkSvg(svg, 'fuel-prices');
    expect(findAll(off, (e) => hasClass(e, 'is-off'))).toHaveLength(0);
    for (const row of FUEL) expect(marksFor(off, row.id), row.id).toHaveLength(row.market === 'official' ? 1 : 0);
    expect(findAll(off, (e) => e.name === 'style')).toHaveLength(1);
    expect(findAll(on, (e) => e.name === 'style')).toHaveLength(0);
  });

  it('highlights rows and shows only their labels', () => {
    const target = 'p-day-range';
    const root = checkSvg(render({ highlight: [target] }), 'fuel-prices');
    for (const row of FUEL) {
      expect(hasClass(marksFor(root, row.id)[0] as XmlElement, 'is-highlighted'), row.id).toBe(row.id === target);
      const labels = labelsFor(root, row.id);
      expect(labels, row.id).toHaveLength(1);
      expect(hasClass(labels[0] as XmlElement, 'chart-label--conditional')).toBe(true);
      expect(isOff(labels[0] as XmlElement), row.id).toBe(row.id !== target);
    }
    expect(textContent(labelsFor(root, target)[0] as XmlElement)).toBe('Town B, 1,500–2,000 CFA, petrol');
    expect(textContent(labelsFor(root, 'p-month-range')[0] as XmlElement)).toBe('Place unspecified, 1,200–1,600 CFA, petrol');

    const still = checkSvg(render({ highlight: [target] }, 'static'), 'fuel-prices');
    expect(findAll(still, (e) => e.attrs['data-label-for'] !== undefined).map((e) => e.attrs['data-label-for'])).toEqual([target]);
  });

  it('escapes hostile text', () => {
    const svg = render({ highlight: ['p-same-day-2'] });
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
    const root = checkSvg(svg, 'fuel-prices');
    expect(textContent(labelsFor(root, 'p-same-day-2')[0] as XmlElement)).toContain(HOSTILE);
    const titled = renderFuelPrices(FUEL, PLACES, all, SIZE, { mode: 'static', title: HOSTILE, idPrefix: 'x' });
    expect(titled).not.toContain('<script');
  });

  it('adapts to a narrow width without overflowing labels', () => {
    const narrow = { width: 320, height: 420 };
    const svg = renderFuelPrices(FUEL, PLACES, { ...all, highlight: FUEL.map((r) => r.id) }, narrow, standalone('n'));
    const root = checkSvg(svg, 'fuel-prices');
    for (const t of findAll(root, (e) => e.name === 'text' || e.name === 'tspan')) {
      if (t.attrs.x !== undefined) expect(num(t, 'x')).toBeGreaterThanOrEqual(0);
      if (t.attrs.x !== undefined && t.attrs['text-anchor'] !== 'end') expect(num(t, 'x')).toBeLessThan(narrow.width);
    }
    // Labels (start-anchored) end inside the chart, by the renderer's own text measure.
    for (const label of findAll(root, (e) => e.attrs['data-label-for'] !== undefined)) {
      for (const t of findAll(label, (e) => (e.name === 'text' || e.name === 'tspan') && e.attrs.x !== undefined)) {
        const ownText = t.name === 'text' && t.children.length ? '' : textContent(t);
        expect(num(t, 'x') + textWidth(ownText, FONT_SIZE, true)).toBeLessThanOrEqual(narrow.width);
      }
    }
  });

  it('says so when there is nothing to draw', () => {
    const root = checkSvg(render({}, 'interactive', []), 'fuel-prices');
    expect(findAll(root, (e) => e.attrs['data-mark'] !== undefined)).toHaveLength(0);
  });

  it('has a table with one row per price and every source', () => {
    const table = fuelPricesTable(FUEL, PLACES);
    expect(table.rows).toHaveLength(FUEL.length);
    for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
    expect(new Set(table.sourceIds)).toEqual(new Set(FUEL.flatMap((r) => r.source_ids)));
    expect(table.rows.map((r) => r[1])).toContain('unspecified');
  });
});
