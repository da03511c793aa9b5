/** Checks every chart must pass, whatever it draws. */
import { expect } from 'vitest';
import type { ChartKind } from '../../../src/charts/chart-state';
import { findAll, parseXml, type XmlElement } from './xml';

export const SIZE = { width: 640, height: 520 };
export const HOSTILE = '<script>alert("x")</script> & co';

export function interactive(idPrefix = 't') {
  return { mode: 'interactive' as const, title: `Chart ${idPrefix}`, idPrefix };
}
export function standalone(idPrefix = 't') {
  return { mode: 'static' as const, title: `Chart ${idPrefix}`, idPrefix };
}

/** Parses the SVG and checks the root contract; returns the root element. */
export function checkSvg(svg: string, kind: ChartKind): XmlElement {
  expect(svg).not.toMatch(/\sstyle=/);
  expect(svg).not.toMatch(/NaN|undefined|Infinity|\[object/);
  const root = parseXml(svg);
  expect(root.name).toBe('svg');
  expect(root.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
  // An interactive chart with a highlighted mark says so on its root (charts.css dims the other marks).
  const highlighted = findAll(root, (e) => (e.attrs.class ?? '').split(' ').includes('is-highlighted')).length > 0;
  const interactive = !root.children.some((e) => e.name === 'style');
  expect(root.attrs.class?.split(' ')).toEqual(['chart', `chart-${kind}`, ...(interactive && highlighted ? ['has-highlight'] : [])]);
  expect(root.attrs.role).toBe('img');
  expect(root.attrs.width).toBeUndefined();
  expect(root.attrs.height).toBeUndefined();
  expect(root.attrs.viewBox).toMatch(/^0 0 \d+(\.\d+)? \d+(\.\d+)?$/);
  const titleId = root.attrs['aria-labelledby'];
  // One accessible name, the root's first child. Other <title>s (the full text of
  // a shortened label) are the first child of their own element.
  const titles = root.children.filter((e) => e.name === 'title');
  expect(titles).toHaveLength(1);
  expect(root.children[0]).toBe(titles[0]);
  expect(titles[0]?.attrs.id).toBe(titleId);
  for (const t of findAll(root, (e) => e.name === 'title')) {
    expect(t.parent?.children[0]).toBe(t);
    if (t.parent !== root) expect(t.attrs.id).toBeUndefined();
  }
  // Text stays legible: nothing smaller than 13 user units.
  for (const e of findAll(root, (e) => e.attrs['font-size'] !== undefined)) expect(Number(e.attrs['font-size'])).toBeGreaterThanOrEqual(13);
  expect(Number(root.attrs['font-size'])).toBeGreaterThanOrEqual(13);
  return root;
}

export function marksFor(root: XmlElement, id: string): XmlElement[] {
  return findAll(root, (e) => e.attrs['data-mark'] === id);
}

export function labelsFor(root: XmlElement, id: string): XmlElement[] {
  return findAll(root, (e) => e.attrs['data-label-for'] === id);
}

/** The font size a text element is drawn at: its own, or its nearest ancestor's. */
export function effectiveFontSize(e: XmlElement): number {
  for (let n: XmlElement | undefined = e; n; n = n.parent) if (n.attrs['font-size'] !== undefined) return Number(n.attrs['font-size']);
  return NaN;
}

export function viewBox(root: XmlElement): { width: number; height: number } {
  const [, , w, h] = (root.attrs.viewBox ?? '').split(' ').map(Number);
  return { width: w ?? NaN, height: h ?? NaN };
}
