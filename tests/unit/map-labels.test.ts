/**
 * Map labels are placed at build time (src/map/label-placement.ts). These
 * tests check the result the way a reader would see it, with boxes computed
 * here from the drawn text (not the placer's own boxes): at every drawn
 * width the story and embeds allow, no two labels overlap, none covers
 * another place's dot or marker, and every name and note a state asks for
 * is drawn.
 */
import { describe, expect, it } from 'vitest';
import { loadSiteData } from '../../src/data/load';
import { mapDataFor } from '../../src/map/map-data';
import { INTERACTIVE_DRAWN_WIDTHS, layoutStateLabels, MAP_TEXT_PX, viewBoxFor } from '../../src/map/render-map';
import { placeLabels, segmentHitsRect, type Box, type LabelRequest} from '../../src/map/label-placement';
import { ASCENT_EM, DESCENT_EM, textWidth } from '../../src/map/text-width';
import { LOCALES } from '../../src/i18n/locale';
import { GRAPHIC_STATES } from '../../src/story/graphic-states';
import { MAP_FIGURE_DISPLAY_WIDTHS, sizeFor } from '../../src/story/graphic-state';
import type { MapState } from '../../src/map/map-state';

const data = mapDataFor(loadSiteData());
const size = sizeFor('map');
const mapStates = Object.entries(GRAPHIC_STATES).filter((entry): entry is [string, MapState] => entry[1].kind === 'map');

/** The box a browser draws for a placed label, in pixels, at scale s (no padding). */
function drawnBox(label: ReturnType<typeof layoutStateLabels>['placed'][number], s: number): Box {
  const width = Math.max(...label.lines.map((l) => textWidth(l, label.fontPx, label.bold)));
  const left = label.textAnchor === 'start' ? label.dx : label.textAnchor === 'end' ? label.dx - width : label.dx - width / 2;
  const top = label.dy - ASCENT_EM * label.fontPx;
  const bottom = label.dy + (label.lines.length - 1) * label.lineHeightPx + DESCENT_EM * label.fontPx;
  return { x0: label.anchor.x * s + left, x1: label.anchor.x * s + left + width, y0: label.anchor.y * s + top, y1: label.anchor.y * s + bottom };
}

const overlap = (a: Box, b: Box) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0.5 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 0.5;

function drawnWidths(): number[] {
  const out: number[] = [];
  for (let w = INTERACTIVE_DRAWN_WIDTHS.min; w <= INTERACTIVE_DRAWN_WIDTHS.max; w += 20) out.push(w);
  return out;
}

// French names and notes are longer than English ones: every check runs in both languages.
for (const locale of LOCALES) describe(`map labels (${locale}), at every drawn width from a phone to a desktop`, () => {
  for (const [name, state] of mapStates) {
    it(`${name}: every name and note is drawn, none overlaps another or covers another place's dot`, () => {
      const layout = layoutStateLabels(data, state, size, { interactive: true }, locale);
      expect(layout.dropped.map((id) => `${id} (blocked by ${layout.reasons.get(id)?.join(', ')})`), `${name}: labels with no free place`).toEqual([]);
      expect(layout.placed.length).toBe(state.labels.length + state.annotations.length);
      const view = viewBoxFor(state.view, size);
      for (const width of drawnWidths()) {
        const s = width / view.width;
        const boxes = layout.placed.map((l) => ({ id: l.id, anchor: l.anchor, box: drawnBox(l, s) }));
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            expect(overlap(boxes[i]!.box, boxes[j]!.box), `${name} at ${width}px: ${boxes[i]!.id} / ${boxes[j]!.id}`).toBe(false);
          }
        }
        // Dots (drawn for the towns a state names) and markers: a label covers no other place's.
        for (const { id, anchor, box } of boxes) {
          for (const dot of layout.dots) {
            if (dot.at.x === anchor.x && dot.at.y === anchor.y) continue;
            const r = dot.capital ? 4.5 : 3;
            const dotBox: Box = { x0: dot.at.x * s - r, x1: dot.at.x * s + r, y0: dot.at.y * s - r, y1: dot.at.y * s + r };
            expect(overlap(box, dotBox), `${name} at ${width}px: ${id} covers the dot of ${dot.id}`).toBe(false);
          }
        }
      }
    });
  }

  it('places every name and note in the static figures too (phone and text-column widths)', () => {
    for (const [name, state] of mapStates) {
      for (const width of Object.values(MAP_FIGURE_DISPLAY_WIDTHS)) {
        const layout = layoutStateLabels(data, state, size, { interactive: false, unitsPerPx: viewBoxFor(state.view, size).width / width }, locale);
        expect(layout.dropped, `${name}, figure drawn ${width}px wide`).toEqual([]);
      }
    }
  });

  it('keeps every label inside the view and off the roads the state draws, at the narrowest width', () => {
    for (const [name, state] of mapStates) {
      const layout = layoutStateLabels(data, state, size, { interactive: true }, locale);
      const view = viewBoxFor(state.view, size);
      const s = INTERACTIVE_DRAWN_WIDTHS.min / view.width;
      for (const label of layout.placed) {
        const box = drawnBox(label, s);
        expect(box.x0, `${name}: ${label.id}`).toBeGreaterThanOrEqual(view.x * s);
        expect(box.x1, `${name}: ${label.id}`).toBeLessThanOrEqual((view.x + view.width) * s);
        expect(box.y0, `${name}: ${label.id}`).toBeGreaterThanOrEqual(view.y * s);
        expect(box.y1, `${name}: ${label.id}`).toBeLessThanOrEqual((view.y + view.height) * s);
      }
    }
  });
});

describe('the placement method', () => {
  const request = (id: string, x: number, y: number, text = 'Bamako'): LabelRequest => ({
    id,
    anchor: { x, y },
    lines: [text],
    fontPx: MAP_TEXT_PX,
    bold: false,
    kind: 'town',
    ownRadiusPx: 3,
  });
  const range = { bounds: { x: 0, y: 0, width: 100, height: 100 }, minScale: 3, maxScale: 10 };

  it('moves a label off its neighbour and its neighbour\'s dot', () => {
    const near = { ...range, minScale: 3, maxScale: 4 };
    const dot = (x: number, y: number) => ({ anchor: { x, y }, box: { x0: -3, y0: -3, x1: 3, y1: 3 } });
    const { placed, dropped } = placeLabels([request('a', 50, 50), request('b', 58, 50)], { points: [dot(50, 50), dot(58, 50)], polylines: [] }, near);
    expect(dropped).toEqual([]);
    const [a, b] = placed.map((p) => ({ x0: p.anchor.x * 3 + p.box.x0, x1: p.anchor.x * 3 + p.box.x1, y0: p.anchor.y * 3 + p.box.y0, y1: p.anchor.y * 3 + p.box.y1 }));
    expect(overlap(a!, b!)).toBe(false);
  });

  it('drops the lower-priority label when no candidate is free', () => {
    const crowd = Array.from({ length: 12 }, (_, i) => request(`t${i}`, 50, 50, 'Ouagadougou'));
    const { placed, dropped } = placeLabels(crowd, { points: [], polylines: [] }, range);
    expect(placed[0]?.id).toBe('t0');
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped).not.toContain('t0');
  });

  it('keeps a label off a road that passes right of its town', () => {
    const road = [{ x: 52, y: 0 }, { x: 52, y: 100 }];
    const { placed } = placeLabels([request('a', 50, 50)], { points: [], polylines: [road] }, range);
    expect(placed[0]?.textAnchor).toBe('end');
    for (const s of [3, 5, 10]) {
      const p = placed[0]!;
      const box = { x0: p.anchor.x * s + p.box.x0, x1: p.anchor.x * s + p.box.x1, y0: p.anchor.y * s + p.box.y0, y1: p.anchor.y * s + p.box.y1 };
      expect(segmentHitsRect({ x: 52 * s, y: 0 }, { x: 52 * s, y: 100 * s }, box)).toBe(false);
    }
  });
});
