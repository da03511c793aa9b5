import { describe, expect, it } from 'vitest';
import { renderTimeline, timelineScale, timelineTable, TIMELINE_SPLIT } from '../../../src/charts/timeline';
import type { ChartState } from '../../../src/charts/chart-state';
import { TIMELINE } from './fixtures';
import { HOSTILE, SIZE, checkSvg, interactive, labelsFor, marksFor, standalone, viewBox } from './shared';
import { byClass, descendants, findAll, hasClass, isOff, num, textContent, type XmlElement } from './xml';

const all: ChartState = { kind: 'timeline', groups: [], highlight: [] };
const render = (state: Partial<ChartState> = {}, mode: 'interactive' | 'static' = 'interactive', size = SIZE) =>
  renderTimeline(TIMELINE, { ...all, ...state }, size, mode === 'interactive' ? interactive('tl') : standalone('tl'));

const shape = (root: XmlElement, id: string) => {
  const s = descendants(marksFor(root, id)[0] as XmlElement).find((e) => hasClass(e, 'tl-dot'));
  if (!s) throw new Error(`no mark for ${id}`);
  return s;
};
const cx = (e: XmlElement) => (e.name === 'circle' ? num(e, 'cx') : num(e, 'x') + num(e, 'width') / 2);
const cy = (e: XmlElement) => (e.name === 'circle' ? num(e, 'cy') : num(e, 'y') + num(e, 'height') / 2);

interface Box { x: number; y: number; w: number; h: number }
function labelBox(label: XmlElement): Box {
  const text = findAll(label, (e) => e.name === 'text')[0] as XmlElement;
  const lines = findAll(text, (e) => e.name === 'tspan').map(textContent);
  const x = num(text, 'x');
  const y = num(text, 'y') - 14;
  return { x, y, w: Math.max(...lines.map((l) => l.length * 14 * 0.57 * 1.07)), h: lines.length * 18 };
}
const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('timeline chart', () => {
  it('is a well-formed SVG with one mark per event, grouped by category', () => {
    const root = checkSvg(render(), 'timeline');
    for (const e of TIMELINE) {
      expect(marksFor(root, e.id), e.id).toHaveLength(1);
      expect(marksFor(root, e.id)[0]?.attrs['data-group']).toBe(e.category);
    }
  });

  it('draws days as dots and months or date ranges as spans, never a line between events', () => {
    const root = checkSvg(render(), 'timeline');
    expect(findAll(root, (e) => ['path', 'polyline', 'polygon'].includes(e.name))).toHaveLength(0);
    for (const e of TIMELINE) {
      const isDay = /^\d{4}-\d{2}-\d{2}$/.test(e.date) && !e.end_date;
      expect(shape(root, e.id).name, e.id).toBe(isDay ? 'circle' : 'rect');
    }
    expect(hasClass(marksFor(root, 't-same-2')[0] as XmlElement, 'is-uncertain')).toBe(true);
  });

  it('uses a broken scale: 2012–2024 in the left 45%, 2025 on stretched to the right', () => {
    const root = checkSvg(render(), 'timeline');
    const a = cx(shape(root, 't-2024-end'));
    const b = cx(shape(root, 't-2025-start'));
    expect(b - a).toBeGreaterThan(10); // the break
    expect(a / SIZE.width).toBeLessThan(0.5);
    expect(b / SIZE.width).toBeGreaterThan(0.4);
    // A day in 2025 is wider than a day before 2025.
    const x = timelineScale(Date.UTC(2012, 0, 1), Date.UTC(2026, 1, 1), 0, 600);
    const day = 86_400_000;
    expect(x(TIMELINE_SPLIT + 10 * day) - x(TIMELINE_SPLIT)).toBeGreaterThan(5 * (x(Date.UTC(2013, 0, 11)) - x(Date.UTC(2013, 0, 1))));
    expect(x(Date.UTC(2012, 0, 1))).toBe(0);
    expect(x(Date.UTC(2026, 1, 1))).toBeCloseTo(600);
    expect(x.leftEnd).toBeCloseTo(0.45 * (600 - (x.rightStart - x.leftEnd)));
    expect(byClass(root, 'tl-break').length).toBeGreaterThan(0);
    const years = byClass(root, 'chart-tick-label').map(textContent);
    expect(years).toContain('2012');
    expect(years).toContain('2025');
    expect(years).toContain('2026');
  });

  it('stacks events on the same date instead of drawing them on top of each other', () => {
    const root = checkSvg(render(), 'timeline');
    const a = shape(root, 't-same-1');
    const b = shape(root, 't-same-2');
    expect(cx(a)).toBe(cx(b));
    expect(Math.abs(cy(a) - cy(b))).toBeGreaterThanOrEqual(10);
    // Deterministic: the same input draws the same picture.
    expect(render()).toBe(render());
  });

  it('shows labels only for highlighted events, without overlaps', () => {
    const plain = checkSvg(render(), 'timeline');
    for (const e of TIMELINE) expect(isOff(labelsFor(plain, e.id)[0] as XmlElement), e.id).toBe(true);

    const highlight = TIMELINE.filter((e) => e.date >= '2025').map((e) => e.id);
    const root = checkSvg(render({ highlight }, 'static'), 'timeline');
    const labels = findAll(root, (e) => e.attrs['data-label-for'] !== undefined);
    expect(labels.map((l) => l.attrs['data-label-for']).sort()).toEqual([...highlight].sort());
    const boxes = labels.map(labelBox);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i] as Box, boxes[j] as Box), `${labels[i]?.attrs['data-label-for']} / ${labels[j]?.attrs['data-label-for']}`).toBe(false);
    }
    const { width, height } = viewBox(root);
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.w).toBeLessThanOrEqual(width);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.y + b.h).toBeLessThanOrEqual(height);
    }
    for (const id of highlight) expect(hasClass(marksFor(root, id)[0] as XmlElement, 'is-highlighted')).toBe(true);
    const hostile = textContent(labelsFor(root, 't-hostile')[0] as XmlElement);
    expect(hostile).toContain('3 Nov 2025');
    expect(hostile.replace(/\s+/g, ' ')).toContain('<script>');
  });

  it('keeps labels apart on a narrow width too', () => {
    const highlight = TIMELINE.map((e) => e.id);
    const root = checkSvg(render({ highlight }, 'static', { width: 320, height: 420 }), 'timeline');
    const boxes = findAll(root, (e) => e.attrs['data-label-for'] !== undefined).map(labelBox);
    expect(boxes).toHaveLength(TIMELINE.length);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i] as Box, boxes[j] as Box)).toBe(false);
  });

  it('hides groups with is-off when interactive, and leaves them out when static', () => {
    const on = checkSvg(render({ groups: ['politics'] }), 'timeline');
    for (const e of TIMELINE) expect(isOff(marksFor(on, e.id)[0] as XmlElement), e.id).toBe(e.category !== 'politics');
    const off = checkSvg(render({ groups: ['politics'] }, 'static'), 'timeline');
    expect(findAll(off, (e) => hasClass(e, 'is-off'))).toHaveLength(0);
    for (const e of TIMELINE) expect(marksFor(off, e.id), e.id).toHaveLength(e.category === 'politics' ? 1 : 0);
  });

  it('escapes hostile text', () => {
    const svg = render();
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
    expect(textContent(checkSvg(svg, 'timeline'))).toContain(HOSTILE.slice(0, 8));
  });

  it('has a table with one row per event and every source', () => {
    const table = timelineTable(TIMELINE);
    expect(table.rows).toHaveLength(TIMELINE.length);
    expect(new Set(table.sourceIds)).toEqual(new Set(TIMELINE.flatMap((e) => e.source_ids)));
  });
});
