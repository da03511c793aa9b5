import { describe, it, expect } from 'vitest';
import { loadSiteData } from '../../../src/data/load';
import { mapDataFor } from '../../../src/map/map-data';
import {
  SKETCH_LABEL_SIZE,
  SKETCH_TOWNS,
  placeSketchLabels,
  renderCorridorSketch,
  segmentHitsBox,
  textBox,
  type Box,
  type CorridorStatus,
} from '../../../src/map/corridor-sketch';
import { REAL_DATA_DIR } from '../helpers/broken-data';
import type { Locale } from '../../../src/i18n/locale';

const data = loadSiteData(REAL_DATA_DIR);
const mapData = mapDataFor(data);
const SIZE = { width: 240, height: 220 };

function sketchFor(scenario: string, locale: Locale = 'en'): string {
  const row = data.scenarioCorridors.find((r) => r.scenario === scenario)!;
  const statuses = new Map<string, CorridorStatus>(row.corridors.map((c) => [c, row.status]));
  return renderCorridorSketch(mapData, statuses, SIZE, { title: 'Sketch', idPrefix: `t-${scenario}`, locale });
}

/** What the SVG string says: its view, its corridors' points, its dots and its names. */
function parse(svg: string) {
  const [x, y, w, h] = /viewBox="([^"]+)"/.exec(svg)![1]!.split(' ').map(Number) as [number, number, number, number];
  const lines = [...svg.matchAll(/class="sketch-corridor[^"]*"[^>]* d="M([^"]+)"/g)].map((m) =>
    m[1]!.split('L').map((p) => p.split(',').map(Number) as [number, number]),
  );
  const dots = [...svg.matchAll(/<circle class="sketch-town" cx="([\d.-]+)" cy="([\d.-]+)" r="([\d.]+)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), r: Number(m[3]) }));
  const texts = [...svg.matchAll(/<text class="sketch-label" data-place="([^"]+)" x="([\d.-]+)" y="([\d.-]+)" font-size="(\d+)"(?: text-anchor="(\w+)")?>([^<]+)<\/text>/g)].map((m) => ({
    place: m[1]!,
    x: Number(m[2]),
    y: Number(m[3]),
    size: Number(m[4]),
    anchor: (m[5] ?? 'start') as 'start' | 'middle' | 'end',
    text: m[6]!,
  }));
  return { view: { x0: x, y0: y, x1: x + w, y1: y + h }, lines, dots, texts };
}

function overlap(a: Box, b: Box) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

describe('the corridor sketches’ town names', () => {
  for (const [scenario, locale] of (['i', 'ii', 'iii', 'iv'] as const).flatMap((s) => (['en', 'fr'] as const).map((l) => [s, l] as const))) {
    it(`scenario ${scenario} (${locale}): every name is inside the view, clear of the corridors, the dots and each other`, () => {
      const { view, lines, dots, texts } = parse(sketchFor(scenario, locale));
      expect(texts.map((t) => t.place)).toEqual([...SKETCH_TOWNS]);
      const places = new Map(data.places.map((p) => [p.id, p]));
      expect(texts.map((t) => t.text)).toEqual(SKETCH_TOWNS.map((id) => (locale === 'fr' ? places.get(id)!.name_fr : places.get(id)!.name)));
      expect(lines.length).toBeGreaterThan(0);
      const boxes = texts.map((t) => textBox(t.text, t.x, t.y, t.anchor, t.size));
      for (const [i, box] of boxes.entries()) {
        const name = texts[i]!.text;
        expect(texts[i]!.size, name).toBe(SKETCH_LABEL_SIZE);
        expect(box.x0 >= view.x0 && box.y0 >= view.y0 && box.x1 <= view.x1 && box.y1 <= view.y1, `${name} inside the view`).toBe(true);
        // A corridor's edge (half its 5-unit width) must not touch the name.
        const widened = { x0: box.x0 - 2.5, y0: box.y0 - 2.5, x1: box.x1 + 2.5, y1: box.y1 + 2.5 };
        for (const line of lines) for (let k = 1; k < line.length; k++) expect(segmentHitsBox(line[k - 1]!, line[k]!, widened), `${name} on a corridor`).toBe(false);
        for (const dot of dots) {
          const dx = Math.max(box.x0 - dot.x, 0, dot.x - box.x1);
          const dy = Math.max(box.y0 - dot.y, 0, dot.y - box.y1);
          expect(Math.hypot(dx, dy), `${name} on a dot`).toBeGreaterThan(dot.r);
        }
        for (const [j, other] of boxes.entries()) if (j > i) expect(overlap(box, other), `${name} on ${texts[j]!.text}`).toBe(false);
      }
    });
  }

  it('is deterministic: the same data gives the same SVG', () => {
    expect(sketchFor('i')).toBe(sketchFor('i'));
  });

  it('the view takes in Mali’s whole frame and grows only as far as a name needs', () => {
    const { view, texts } = parse(sketchFor('i'));
    expect(view.x0).toBeLessThanOrEqual(7.8);
    expect(view.y0).toBeLessThanOrEqual(8.5);
    // A few units of room at most beyond the farthest name.
    const boxes = texts.map((t) => textBox(t.text, t.x, t.y, t.anchor, t.size));
    expect(view.x1).toBeLessThanOrEqual(Math.max(232.3, ...boxes.map((b) => b.x1)) + 3);
    expect(view.y1).toBeLessThanOrEqual(Math.max(216.2, ...boxes.map((b) => b.y1)) + 3);
  });
});

describe('placeSketchLabels', () => {
  const area: Box = { x0: 0, y0: 0, x1: 300, y1: 300 };

  it('takes the first free side: right when nothing is there', () => {
    const [label] = placeSketchLabels([{ id: 'a', text: 'Town', at: [100, 100] }], [], area);
    expect(label!.side).toBe('right');
    expect(label!.box.x0).toBeGreaterThan(100 + 5);
  });

  it('moves a name off a road that leaves its dot to the right, and off a name placed before it', () => {
    const road = [[100, 100], [200, 100]] as const;
    const [a] = placeSketchLabels([{ id: 'a', text: 'Town', at: [100, 100] }], [road], area);
    expect(a!.side).toBe('above-right');
    const [first, second] = placeSketchLabels(
      [
        { id: 'a', text: 'Town', at: [100, 100] },
        { id: 'b', text: 'Other', at: [100, 130] },
      ],
      [],
      area,
    );
    expect(first!.side).toBe('right');
    expect(overlap(first!.box, second!.box)).toBe(false);
  });

  it('keeps names inside the area, trying the left when the right edge is near', () => {
    const [label] = placeSketchLabels([{ id: 'a', text: 'Abidjan', at: [290, 150] }], [], area);
    expect(label!.box.x1).toBeLessThanOrEqual(300);
    expect(label!.side).toBe('left');
  });

  it('with no free side, still places the name where it collides least', () => {
    const boxed = [
      [[80, 60], [80, 140]],
      [[120, 60], [120, 140]],
      [[60, 80], [140, 80]],
      [[60, 120], [140, 120]],
    ] as const;
    const [label] = placeSketchLabels([{ id: 'a', text: 'Town', at: [100, 100] }], boxed, area);
    expect(label).toBeDefined();
  });
});
