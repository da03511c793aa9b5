import { describe, expect, it } from 'vitest';
import { DEFAULT_WAFFLE_IDS, renderRoadsWaffle, roadsWaffleTable } from '../../../src/charts/roads-waffle';
import type { ChartState } from '../../../src/charts/chart-state';
import type { KeyFigure } from '../../../src/data/schema';
import { FIGURES } from './fixtures';
import { SIZE, checkSvg, interactive, marksFor, standalone } from './shared';
import { byClass, findAll, hasClass, isOff, textContent, type XmlElement } from './xml';

const all: ChartState = { kind: 'roads-waffle', groups: [], highlight: [] };
const render = (state: Partial<ChartState> = {}, mode: 'interactive' | 'static' = 'interactive', rows = FIGURES) =>
  renderRoadsWaffle(rows, { ...all, ...state }, SIZE, mode === 'interactive' ? interactive('waffle') : standalone('waffle'));

const fig = (id: string) => FIGURES.find((f) => f.id === id) as KeyFigure;
const events = fig(DEFAULT_WAFFLE_IDS.events);
const fatalities = fig(DEFAULT_WAFFLE_IDS.fatalities);

describe('roads waffle chart', () => {
  it('draws two 10×10 grids with round(value) squares filled', () => {
    const root = checkSvg(render(), 'roads-waffle');
    for (const [group, f] of [['events', events], ['fatalities', fatalities]] as const) {
      const marks = marksFor(root, f.id);
      expect(marks).toHaveLength(1);
      const g = marks[0] as XmlElement;
      expect(g.attrs['data-group']).toBe(group);
      const cells = byClass(g, 'waffle-cell');
      expect(cells).toHaveLength(100);
      expect(cells.filter((c) => hasClass(c, 'is-filled'))).toHaveLength(Math.round(f.value ?? NaN));
    }
    // 63.6 rounds to 64, not down to 63: the fixture makes rounding matter.
    expect(Math.round(fatalities.value ?? 0)).not.toBe(fatalities.value);
    expect(marksFor(root, 'unrelated')).toHaveLength(0);
  });

  it("writes the headline and the study's wording from the rows", () => {
    const root = checkSvg(render(), 'roads-waffle');
    expect(byClass(root, 'waffle-headline').map(textContent)).toEqual([`About ${events.value}%`, `About ${fatalities.value}%`]);
    const details = byClass(root, 'waffle-detail').map(textContent);
    expect(details[0]).toContain('Violent events within 1 km');
    expect(details[1]).toContain(fatalities.label.split(' ')[0]);
  });

  it('shows a range paler up to its top value', () => {
    const ranged = FIGURES.map((f) => (f.id === events.id ? { ...f, qualifier: 'range' as const, value: 60, value_max: 70 } : f));
    const root = checkSvg(render({}, 'interactive', ranged), 'roads-waffle');
    const cells = byClass(marksFor(root, events.id)[0] as XmlElement, 'waffle-cell');
    expect(cells.filter((c) => hasClass(c, 'is-filled'))).toHaveLength(60);
    expect(cells.filter((c) => hasClass(c, 'is-range'))).toHaveLength(10);
    expect(textContent(byClass(root, 'waffle-headline')[0] as XmlElement)).toBe('60–70%');
  });

  it('throws when a figure is missing, over 100 or not a percentage', () => {
    expect(() => render({}, 'interactive', FIGURES.filter((f) => f.id !== events.id))).toThrow(/no figure/);
    expect(() => render({}, 'interactive', FIGURES.map((f) => (f.id === events.id ? { ...f, value: 101 } : f)))).toThrow(/100/);
    expect(() => render({}, 'interactive', FIGURES.map((f) => (f.id === events.id ? { ...f, unit: 'events' } : f)))).toThrow(/percentage/);
    expect(() => renderRoadsWaffle(FIGURES, all, SIZE, interactive(), { events: 'unrelated', fatalities: fatalities.id })).toThrow(/percentage/);
  });

  it('hides groups with is-off when interactive, and leaves them out when static', () => {
    const on = checkSvg(render({ groups: ['events'] }), 'roads-waffle');
    expect(isOff(marksFor(on, events.id)[0] as XmlElement)).toBe(false);
    expect(isOff(marksFor(on, fatalities.id)[0] as XmlElement)).toBe(true);
    const off = checkSvg(render({ groups: ['events'] }, 'static'), 'roads-waffle');
    expect(findAll(off, (e) => hasClass(e, 'is-off'))).toHaveLength(0);
    expect(marksFor(off, fatalities.id)).toHaveLength(0);
    expect(marksFor(off, events.id)).toHaveLength(1);
  });

  it('highlights a figure', () => {
    const root = checkSvg(render({ highlight: [fatalities.id] }), 'roads-waffle');
    expect(hasClass(marksFor(root, fatalities.id)[0] as XmlElement, 'is-highlighted')).toBe(true);
    expect(hasClass(marksFor(root, events.id)[0] as XmlElement, 'is-highlighted')).toBe(false);
  });

  it('escapes hostile text', () => {
    const svg = render();
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
  });

  it('has a table with the two figures and their sources', () => {
    const table = roadsWaffleTable(FIGURES);
    expect(table.rows.map((r) => r[0])).toEqual([events.label, fatalities.label]);
    expect(table.sourceIds).toEqual([...events.source_ids, ...fatalities.source_ids]);
  });
});
