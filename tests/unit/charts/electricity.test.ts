import { describe, expect, it } from 'vitest';
import { electricityGroup, electricityTable, renderElectricity } from '../../../src/charts/electricity';
import { ARTICLE_DATE, type ChartState } from '../../../src/charts/chart-state';
import { startOfDate } from '../../../src/data/dates';
import { ELECTRICITY, PLACES } from './fixtures';
import { HOSTILE, SIZE, checkSvg, interactive, marksFor, standalone } from './shared';
import { byClass, findAll, hasClass, isOff, num, textContent, type XmlElement } from './xml';

const all: ChartState = { kind: 'electricity', groups: [], highlight: [] };
const render = (state: Partial<ChartState> = {}, mode: 'interactive' | 'static' = 'interactive', size = SIZE) =>
  renderElectricity(ELECTRICITY, PLACES, { ...all, ...state }, size, mode === 'interactive' ? interactive('elec') : standalone('elec'));

/** The group the brief defines, computed here independently of the renderer. */
function expectedGroup(date: string): string {
  const t = startOfDate(date).getTime();
  if (t < Date.UTC(2025, 0, 1)) return 'before-2025';
  return t > startOfDate(ARTICLE_DATE).getTime() ? 'after-article' : '2025';
}

const mark = (root: XmlElement, id: string) => marksFor(root, id)[0] as XmlElement;

describe('electricity chart', () => {
  it('is a well-formed SVG with one mark per observation, grouped by date', () => {
    const root = checkSvg(render(), 'electricity');
    for (const row of ELECTRICITY) {
      expect(marksFor(root, row.id), row.id).toHaveLength(1);
      expect(mark(root, row.id).attrs['data-group'], row.id).toBe(expectedGroup(row.date));
      expect(electricityGroup(row)).toBe(expectedGroup(row.date));
    }
    // All three date groups occur in the fixtures, so the test can tell them apart.
    expect(new Set(ELECTRICITY.map((r) => expectedGroup(r.date)))).toEqual(new Set(['before-2025', '2025', 'after-article']));
  });

  it('sorts rows by date', () => {
    const root = checkSvg(render(), 'electricity');
    const order = findAll(root, (e) => e.attrs['data-mark'] !== undefined).map((e) => e.attrs['data-mark']);
    const expected = [...ELECTRICITY].sort((a, b) => startOfDate(a.date).getTime() - startOfDate(b.date).getTime()).map((r) => r.id);
    expect(order).toEqual(expected);
  });

  it('draws hour bars on a 0–24 h scale: solid to the lowest figure, paler to the highest', () => {
    const root = checkSvg(render(), 'electricity');
    const track = byClass(mark(root, 'e-2025-supply'), 'elec-track')[0] as XmlElement;
    const full = num(track, 'width');
    for (const row of ELECTRICITY) {
      const m = mark(root, row.id);
      const solid = byClass(m, `elec-bar--${row.measure === 'supply_hours_per_day' ? 'supply' : 'outage'}`);
      const pale = byClass(m, `elec-bar--${row.measure === 'supply_hours_per_day' ? 'supply' : 'outage'}-range`);
      if (row.measure === 'days_without_power' || row.value_min === undefined) {
        expect(solid, row.id).toHaveLength(0);
        continue;
      }
      expect(num(solid[0] as XmlElement, 'width')).toBeCloseTo((row.value_min / 24) * full, 0);
      if (row.value_max !== undefined && row.value_max !== row.value_min) {
        expect(num(pale[0] as XmlElement, 'width')).toBeCloseTo(((row.value_max - row.value_min) / 24) * full, 0);
      } else {
        expect(pale, row.id).toHaveLength(0);
      }
    }
    expect(byClass(root, 'chart-tick-label').map(textContent)).toEqual(['0 h', '6 h', '12 h', '18 h', '24 h']);
  });

  it('writes what each row says, in words', () => {
    const root = checkSvg(render(), 'electricity');
    expect(textContent(mark(root, 'e-2025-supply'))).toBe('Town A · 27 Oct 2025: 6 hours of power a day');
    expect(textContent(mark(root, 'e-2024-outage'))).toContain('5–10 hours without power a day');
    expect(textContent(mark(root, 'e-days'))).toContain('no power for 30 days');
    expect(textContent(mark(root, 'e-missing'))).toContain('not reported');
    expect(hasClass(mark(root, 'e-days'), 'elec-row--days')).toBe(true);
  });

  it('hides groups with is-off when interactive, and leaves them out when static', () => {
    const on = checkSvg(render({ groups: ['2025'] }), 'electricity');
    for (const row of ELECTRICITY) expect(isOff(mark(on, row.id)), row.id).toBe(expectedGroup(row.date) !== '2025');
    const off = checkSvg(render({ groups: ['2025'] }, 'static'), 'electricity');
    expect(findAll(off, (e) => hasClass(e, 'is-off'))).toHaveLength(0);
    for (const row of ELECTRICITY) expect(marksFor(off, row.id), row.id).toHaveLength(expectedGroup(row.date) === '2025' ? 1 : 0);
    expect(findAll(off, (e) => e.name === 'style')).toHaveLength(1);
  });

  it('highlights rows', () => {
    const root = checkSvg(render({ highlight: ['e-days'] }), 'electricity');
    for (const row of ELECTRICITY) expect(hasClass(mark(root, row.id), 'is-highlighted'), row.id).toBe(row.id === 'e-days');
  });

  it('escapes hostile text and survives a narrow width', () => {
    const svg = render({}, 'static', { width: 320, height: 400 });
    expect(svg).not.toContain('<script');
    const root = checkSvg(svg, 'electricity');
    expect(textContent(mark(root, 'e-after-range'))).toContain(HOSTILE);
  });

  it('refuses more than 24 hours a day rather than drawing past the scale', () => {
    const bad = [{ ...ELECTRICITY[0], id: 'bad', value_min: 30, value_max: 30 }] as typeof ELECTRICITY;
    expect(() => renderElectricity(bad, PLACES, all, SIZE, interactive())).toThrow(/24/);
  });

  it('says "after the article" on each later report, in its label and in the table, and nowhere else', () => {
    const root = checkSvg(render(), 'electricity');
    for (const row of ELECTRICITY) {
      const later = expectedGroup(row.date) === 'after-article';
      expect(textContent(mark(root, row.id)).includes('after the article'), row.id).toBe(later);
    }
    const table = electricityTable(ELECTRICITY, PLACES);
    const flag = table.columns.indexOf('After the article');
    expect(flag).toBeGreaterThan(-1);
    const later = table.rows.filter((r) => r[flag] !== '');
    expect(later.length).toBe(ELECTRICITY.filter((r) => expectedGroup(r.date) === 'after-article').length);
    expect(later.length).toBeGreaterThan(0);
  });

  it('has a table with one row per observation and every source', () => {
    const table = electricityTable(ELECTRICITY, PLACES);
    expect(table.rows).toHaveLength(ELECTRICITY.length);
    for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
    expect(new Set(table.sourceIds)).toEqual(new Set(ELECTRICITY.flatMap((r) => r.source_ids)));
  });
});
