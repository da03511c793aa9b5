import { describe, it, expect } from 'vitest';
import { zoomFromTransform } from '../../src/story/client/apply-state';

type Box = [number, number, number, number];

/** Where a map point is drawn on screen for a viewBox, with preserveAspectRatio xMidYMid meet. */
function onScreen(p: [number, number], vb: Box, box: { width: number; height: number }): [number, number] {
  const scale = Math.min(box.width / vb[2], box.height / vb[3]);
  const dx = (box.width - vb[2] * scale) / 2;
  const dy = (box.height - vb[3] * scale) / 2;
  return [dx + (p[0] - vb[0]) * scale, dy + (p[1] - vb[1]) * scale];
}

function applyTransform(css: string, point: [number, number]): [number, number] {
  const m = /^translate\((-?[\d.]+)px, (-?[\d.]+)px\) scale\((-?[\d.]+)\)$/.exec(css);
  expect(m, css).not.toBeNull();
  const [tx, ty, k] = m!.slice(1).map(Number) as [number, number, number];
  return [tx + k * point[0], ty + k * point[1]];
}

describe('the map zoom starts where the old view was', () => {
  const frame: Box = [0, 0, 640, 520];
  const mali: Box = [180, 20, 430, 349];
  for (const box of [{ width: 640, height: 520 }, { width: 360, height: 340 }, { width: 900, height: 700 }]) {
    it(`every point drawn with the new view is moved back onto its old place (${box.width}×${box.height})`, () => {
      for (const [from, to] of [[frame, mali], [mali, frame]] as [Box, Box][]) {
        const css = zoomFromTransform(from, to, box);
        for (const p of [[200, 100], [400, 300], [610, 20]] as [number, number][]) {
          const [x, y] = applyTransform(css, onScreen(p, to, box));
          const [ox, oy] = onScreen(p, from, box);
          expect(x).toBeCloseTo(ox, 0);
          expect(y).toBeCloseTo(oy, 0);
        }
      }
    });
  }
  it('is no move at all when the view does not change', () => {
    expect(zoomFromTransform(frame, frame, { width: 360, height: 340 })).toBe('translate(0px, 0px) scale(1)');
  });
});
