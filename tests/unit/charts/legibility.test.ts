/**
 * Issue 11: in every chart state the story uses, in both layouts, no text is
 * smaller than 12 units (the narrow layout is drawn at 320 px or more, the wide
 * one at 640 px or more, so 12 units is 12 px or more), and no two texts a
 * reader sees together overlap, by the charts' own width estimate (textWidth)
 * and the box a browser gives a line of text (the font's ascent and descent).
 * The browser measures the same in tests/browser; this is the fast check.
 * Every state is checked in English and in French, whose labels are longer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderChart, type ChartState } from '../../../src/charts';
import { textWidth } from '../../../src/charts/common';
import { loadSiteData } from '../../../src/data/load';
import { LOCALES } from '../../../src/i18n/locale';
import { GRAPHIC_STATES } from '../../../src/story/graphic-states';
import { LAYOUTS, RENDER_SIZES, type GraphicState } from '../../../src/story/graphic-state';
import { effectiveFontSize, interactive, standalone, viewBox } from './shared';
import { findAll, isOff, parseXml, type XmlElement } from './xml';

/**
 * Weights from charts.css: the classes whose rule sets a bold weight (600 or more) and those that set it
 * back to normal. A text is as bold as the nearest such class on it or its ancestors says.
 */
const CHART_CSS = readFileSync(join(process.cwd(), 'src/charts/charts.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
const WEIGHTS = new Map<string, boolean>();
for (const [, selector, weight] of CHART_CSS.matchAll(/([^{}]+)\{[^}]*font-weight:\s*(\d+)/g)) {
  const last = /\.([\w-]+)\s*$/.exec((selector ?? '').trim().split(',').pop() ?? '');
  if (last?.[1]) WEIGHTS.set(last[1], Number(weight) >= 600);
}

function isBold(e: XmlElement): boolean {
  for (let n: XmlElement | undefined = e; n; n = n.parent) {
    for (const c of (n.attrs.class ?? '').split(/\s+/).reverse()) if (WEIGHTS.has(c)) return WEIGHTS.get(c)!;
  }
  return false;
}

/** DejaVu Sans' ascent and descent, in em: the height of a line's box in the browser. */
const ASCENT = 0.93;
const DESCENT = 0.24;
const TOLERANCE = 1;

interface TextBox {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function inherited(e: XmlElement, attr: string): string | undefined {
  for (let n: XmlElement | undefined = e; n; n = n.parent) if (n.attrs[attr] !== undefined) return n.attrs[attr];
  return undefined;
}

/** Sum of the translate() offsets of the element's ancestors. */
function offset(e: XmlElement): { dx: number; dy: number } {
  let dx = 0;
  let dy = 0;
  for (let n = e.parent; n; n = n.parent) {
    const m = /translate\(\s*([-\d.]+)[\s,]+([-\d.]+)\s*\)/.exec(n.attrs.transform ?? '');
    if (m) {
      dx += Number(m[1]);
      dy += Number(m[2]);
    }
  }
  return { dx, dy };
}

/**
 * The box of each line of a <text>: a tspan with its own x or dy starts a line, other tspans run on.
 * Each run is measured in its weight.
 */
function lineBoxes(text: XmlElement): TextBox[] {
  const size = effectiveFontSize(text);
  const anchor = inherited(text, 'text-anchor') ?? 'start';
  const { dx, dy } = offset(text);
  // A line's width: the sum of its runs, each bold or not.
  const lines: { x: number; y: number; content: string; width: number }[] = [
    { x: Number(text.attrs.x ?? 0), y: Number(text.attrs.y ?? 0), content: text.text, width: textWidth(text.text, size, isBold(text)) },
  ];
  for (const span of text.children.filter((c) => c.name === 'tspan')) {
    const current = lines[lines.length - 1]!;
    const width = textWidth(span.text, size, isBold(span));
    if (span.attrs.x !== undefined || span.attrs.dy !== undefined) {
      lines.push({ x: span.attrs.x !== undefined ? Number(span.attrs.x) : current.x, y: current.y + Number(span.attrs.dy ?? 0), content: span.text, width });
    } else {
      current.content += span.text;
      current.width += width;
    }
  }
  return lines
    .filter((l) => l.content.trim() !== '')
    .map((l) => {
      const width = l.width;
      const left = anchor === 'middle' ? l.x - width / 2 : anchor === 'end' ? l.x - width : l.x;
      return { text: l.content.trim(), left: left + dx, right: left + width + dx, top: l.y - ASCENT * size + dy, bottom: l.y + DESCENT * size + dy };
    });
}

function overlapping(boxes: TextBox[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > TOLERANCE && h > TOLERANCE) pairs.push(`"${a.text}" / "${b.text}"`);
    }
  }
  return pairs;
}

describe('chart text in the story states', () => {
  const data = loadSiteData();
  const charts = Object.entries(GRAPHIC_STATES as Record<string, GraphicState>).filter((entry): entry is [string, ChartState] => entry[1].kind !== 'map');

  it('covers every chart the story shows', () => {
    expect(new Set(charts.map(([, s]) => s.kind)).size).toBe(5);
  });

  // French labels are longer than English ones: the same limits hold for both.
  for (const locale of LOCALES) {
  for (const [name, state] of charts) {
    for (const layout of LAYOUTS) {
      it(`${name}, ${layout}, ${locale}: text of 12 units or more, no two visible texts overlapping`, () => {
        for (const options of [{ ...interactive(name), locale }, { ...standalone(name), locale }]) {
          const root = parseXml(renderChart(data, state, RENDER_SIZES.chart[layout], options));
          const what = `${name} ${layout} ${options.mode} ${locale}`;
          for (const e of findAll(root, (el) => el.name === 'text' || el.name === 'tspan')) {
            expect(effectiveFontSize(e), `${what}: "${e.text}"`).toBeGreaterThanOrEqual(12);
          }
          // What the reader sees: the interactive render carries the state as is-off classes.
          const texts = findAll(root, (el) => el.name === 'text' && !isOff(el));
          const boxes = texts.flatMap(lineBoxes);
          expect(boxes.length, what).toBeGreaterThan(0);
          expect(overlapping(boxes), what).toEqual([]);
          const { width, height } = viewBox(root);
          const outside = boxes.filter((b) => b.left < -TOLERANCE || b.right > width + TOLERANCE || b.top < -TOLERANCE || b.bottom > height + TOLERANCE);
          expect(outside.map((b) => `${b.text} [${[b.left, b.top, b.right, b.bottom].map(Math.round).join(' ')}]`), `${what}: inside the chart ${width}×${height}`).toEqual([]);
        }
      });
    }
  }
  }
});
