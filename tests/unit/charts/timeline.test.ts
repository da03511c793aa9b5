import { describe, expect, it } from 'vitest';
import { compactDateText, renderTimeline, timelineScale, timelineTable, TIMELINE_SPLIT } from '../../../src/charts/timeline';
import { textWidth } from '../../../src/charts/common';
import type { ChartState } from '../../../src/charts/chart-state';
import type { TimelineEvent } from '../../../src/data/schema';
import { TIMELINE } from './fixtures';
import { HOSTILE, SIZE, checkSvg, effectiveFontSize, interactive, labelsFor, marksFor, standalone, viewBox } from './shared';
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
  const lines = findAll(text, (e) => e.name === 'tspan');
  const x = num(text, 'x');
  const y = num(text, 'y') - 14;
  // The chart's own width estimate: titles bold, the date line regular.
  const width = (l: XmlElement) => textWidth(textContent(l), 14, hasClass(l, 'tl-label-title'));
  return { x, y, w: Math.max(...lines.map(width)), h: lines.length * 18 };
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

  it('keeps labels apart on the narrowest leader-label layout too', () => {
    const highlight = TIMELINE.map((e) => e.id);
    const root = checkSvg(render({ highlight }, 'static', { width: 440, height: 420 }), 'timeline');
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

describe('timeline chart, narrow layout (phones)', () => {
  const NARROW = { width: 360, height: 340 };
  // Given out of date order: the numbers follow the dates, not this list.
  const highlight = ['t-hostile', 't-2012', 't-span', 't-2013-month'];
  const byDate = ['t-2012', 't-2013-month', 't-span', 't-hostile'];
  const legendText = (entry: XmlElement) =>
    findAll(entry, (e) => e.name === 'text' && !hasClass(e, 'tl-badge-num')).map(textContent).join(' ');

  it('numbers the highlighted events in date order, with a legend under the axis instead of leader labels', () => {
    for (const mode of ['static', 'interactive'] as const) {
      const root = checkSvg(render({ highlight }, mode, NARROW), 'timeline');
      const { width, height } = viewBox(root);
      expect(width).toBe(NARROW.width);
      expect(height).toBeLessThanOrEqual(NARROW.height);
      expect(byClass(root, 'tl-label'), 'no leader-line labels').toHaveLength(0);

      const badges = byClass(root, 'tl-badge');
      expect(badges.map((b) => b.attrs['data-label-for'])).toEqual(byDate);
      expect(badges.map((b) => textContent(byClass(b, 'tl-badge-num')[0] as XmlElement))).toEqual(['1', '2', '3', '4']);
      // Each badge's line ends at its own mark.
      for (const b of badges) {
        const stroke = byClass(b, 'tl-badge-line')[0] as XmlElement;
        expect(num(stroke, 'x2')).toBeCloseTo(cx(shape(root, b.attrs['data-label-for'] ?? '')), 0);
      }

      const legends = byClass(root, 'timeline-legend');
      expect(legends).toHaveLength(1);
      expect(legends[0]?.attrs['data-legend-for']).toBe(highlight.join(','));
      const entries = byClass(legends[0] as XmlElement, 'tl-legend-item');
      expect(entries.map((e) => e.attrs['data-label-for'])).toEqual(byDate);
      const axisY = num(byClass(root, 'chart-axis-line')[0] as XmlElement, 'y1');
      let previous = axisY + 20;
      entries.forEach((entry, i) => {
        expect(hasClass(entry, 'chart-label--conditional')).toBe(true);
        expect(isOff(entry)).toBe(false);
        expect(textContent(byClass(entry, 'tl-badge-num')[0] as XmlElement)).toBe(String(i + 1));
        const text = findAll(entry, (e) => e.name === 'text' && !hasClass(e, 'tl-badge-num'))[0] as XmlElement;
        const top = num(text, 'y') - 13;
        expect(top, 'entries below the axis, one after the other').toBeGreaterThanOrEqual(previous);
        const lines = 1 + findAll(text, (e) => e.name === 'tspan' && e.attrs.dy !== undefined).length;
        expect(lines).toBeLessThanOrEqual(2);
        previous = num(text, 'y') + (lines - 1) * 16;
        expect(previous).toBeLessThanOrEqual(height);
        for (const t of findAll(entry, (e) => e.name === 'text' || e.name === 'tspan')) expect(effectiveFontSize(t)).toBeGreaterThanOrEqual(13);
      });
      expect(legendText(entries[0] as XmlElement)).toMatch(/^16 Jan 2012 · Event t-2012/);
      expect(legendText(entries[2] as XmlElement)).toMatch(/^27 Oct – 9 Nov 2025 · /);
      // Events that are not highlighted get no number and no entry, even when interactive.
      for (const e of TIMELINE.filter((t) => !highlight.includes(t.id))) expect(labelsFor(root, e.id), e.id).toHaveLength(0);
    }
  });

  it('cuts a long title with an ellipsis and keeps the full text in a <title>', () => {
    const title = `A very long title ${'that goes on and on '.repeat(8)}until the end ${HOSTILE}`;
    const events: TimelineEvent[] = [...TIMELINE.filter((e) => e.id !== 't-hostile'), { ...(TIMELINE.find((e) => e.id === 't-hostile') as TimelineEvent), title }];
    const svg = renderTimeline(events, { ...all, highlight: ['t-hostile'] }, NARROW, interactive('tl'));
    expect(svg).not.toContain('<script');
    const root = checkSvg(svg, 'timeline');
    const entry = byClass(root, 'tl-legend-item')[0] as XmlElement;
    expect(legendText(entry)).toMatch(/…$/);
    const full = findAll(entry, (e) => e.name === 'title')[0] as XmlElement;
    expect(textContent(full)).toBe(`3 Nov 2025 · ${title}`);
  });

  it('has the same height and axis in every state up to maxHighlights, and never grows', () => {
    const axisOf = (root: XmlElement) => num(byClass(root, 'chart-axis-line')[0] as XmlElement, 'y1');
    const renders = [[], ['t-2012'], ['t-2012', 't-span', 't-hostile'], highlight].map((h) => checkSvg(render({ highlight: h }, 'interactive', NARROW), 'timeline'));
    const first = renders[0] as XmlElement;
    for (const root of renders) {
      expect(viewBox(root)).toEqual(viewBox(first));
      expect(axisOf(root)).toBe(axisOf(first));
    }
    // More highlights than the legend has room for: entries drop to one line, then are left out, the chart stays in its box.
    const many = TIMELINE.map((e) => e.id);
    for (const size of [NARROW, { width: 320, height: 340 }, { width: 320, height: 260 }]) {
      const root = checkSvg(render({ highlight: many }, 'static', size), 'timeline');
      expect(viewBox(root).height, `${size.width}×${size.height}`).toBeLessThanOrEqual(size.height);
      const entries = byClass(root, 'tl-legend-item');
      const more = byClass(root, 'chart-note').map(textContent).find((t) => t.startsWith('+'));
      expect(entries.length + (more ? Number(/\+(\d+)/.exec(more)?.[1]) : 0)).toBe(many.length);
      expect(byClass(root, 'tl-badge')).toHaveLength(many.length);
    }
  });

  it('writes date ranges compactly', () => {
    const e = (date: string, end_date?: string) => ({ ...(TIMELINE[0] as TimelineEvent), date, end_date });
    expect(compactDateText(e('2024-10-21', '2024-10-22'))).toBe('21–22 Oct 2024');
    expect(compactDateText(e('2012-03', '2012-04'))).toBe('Mar–Apr 2012');
    expect(compactDateText(e('2022-01-09', '2022-07-03'))).toBe('9 Jan – 3 Jul 2022');
    expect(compactDateText(e('2013-01-11', '2014-07-15'))).toBe('11 Jan 2013 – 15 Jul 2014');
    expect(compactDateText(e('2013-01-11', '2014-07-15'), true)).toBe('Jan 2013 – Jul 2014');
    expect(compactDateText(e('2025-11', '2025-12-06'))).toBe('Nov – 6 Dec 2025');
    expect(compactDateText(e('2021-12-23'))).toBe('23 Dec 2021');
  });
});
