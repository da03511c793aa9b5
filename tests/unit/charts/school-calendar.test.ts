import { describe, expect, it } from 'vitest';
import { renderSchoolCalendar, schoolCalendarTable } from '../../../src/charts/school-calendar';
import type { ChartState } from '../../../src/charts/chart-state';
import type { SchoolClosure } from '../../../src/data/schema';
import { CLOSURES } from './fixtures';
import { SIZE, checkSvg, interactive, labelsFor, marksFor, standalone } from './shared';
import { byClass, findAll, hasClass, isOff, num, textContent, type XmlElement } from './xml';

const all: ChartState = { kind: 'school-calendar', groups: [], highlight: [] };
const render = (state: Partial<ChartState> = {}, mode: 'interactive' | 'static' = 'interactive', rows = CLOSURES, size = SIZE) =>
  renderSchoolCalendar(rows, { ...all, ...state }, size, mode === 'interactive' ? interactive('cal') : standalone('cal'));

const DAY = 86_400_000;
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const closure = CLOSURES[0] as SchoolClosure;
const closedDays = (utc(closure.end_date) - utc(closure.start_date)) / DAY + 1;

function group(root: XmlElement, name: string): XmlElement | undefined {
  return marksFor(root, closure.id).find((e) => e.attrs['data-group'] === name);
}

/** The grid cell (base square) of day `day` in the month titled `title`: its month's day squares run 1, 2, 3… */
function baseCell(root: XmlElement, title: string, day: number): XmlElement {
  const months = byClass(root, 'cal-months')[0] as XmlElement;
  const children = months.children;
  const start = children.findIndex((e) => hasClass(e, 'cal-month-title') && textContent(e) === title);
  if (start === -1) throw new Error(`no month ${title}`);
  let seen = 0;
  for (let i = start + 1; i < children.length; i++) {
    const e = children[i] as XmlElement;
    if (hasClass(e, 'cal-month-title')) break;
    if (hasClass(e, 'cal-day') && ++seen === day) return e;
  }
  throw new Error(`no day ${day} in ${title}`);
}

/** The day number drawn in `cell`: the text centred on it. */
function numberIn(root: XmlElement, cell: XmlElement): string[] {
  const cx = num(cell, 'x') + num(cell, 'width') / 2;
  const numbers = findAll(byClass(root, 'cal-day-num')[0] as XmlElement, (e) => e.name === 'text');
  return numbers.filter((t) => Math.abs(num(t, 'x') - cx) < 0.11 && num(t, 'y') > num(cell, 'y') && num(t, 'y') < num(cell, 'y') + num(cell, 'height')).map(textContent);
}

describe('school calendar chart', () => {
  it('is a well-formed SVG with the closure as closed, reopen and announced marks', () => {
    const root = checkSvg(render(), 'school-calendar');
    expect(marksFor(root, closure.id).map((e) => e.attrs['data-group']).sort()).toEqual(['announced', 'closed', 'reopen']);
    for (const m of marksFor(root, closure.id)) expect(hasClass(m, 'chart-mark')).toBe(true);
  });

  it('draws one month grid per month spanned, weeks starting on Monday', () => {
    const root = checkSvg(render(), 'school-calendar');
    expect(byClass(root, 'cal-month-title').map(textContent)).toEqual(['October 2025', 'November 2025']);
    expect(byClass(root, 'cal-day')).toHaveLength(31 + 30);
    // The first column is Monday: every Monday of October sits at the x of the column headed "Mo".
    const mondayX = num(baseCell(root, 'October 2025', 6), 'x');
    for (let d = 1; d <= 31; d++) {
      const weekday = new Date(Date.UTC(2025, 9, d)).getUTCDay();
      const x = num(baseCell(root, 'October 2025', d), 'x');
      if (weekday === 1) expect(x, `Oct ${d}`).toBe(mondayX);
      else expect(x, `Oct ${d}`).toBeGreaterThan(mondayX);
    }
    expect(new Date(Date.UTC(2025, 9, 6)).getUTCDay()).toBe(1);
  });

  it('fills exactly the closed days, outlines the reopening day, marks the announcement', () => {
    const root = checkSvg(render(), 'school-calendar');
    const closed = byClass(group(root, 'closed') as XmlElement, 'cal-closed-day');
    expect(closed).toHaveLength(closedDays);
    // Every day has its number once, over the marks (so it reads on a filled day), never a second copy.
    for (const title of ['October 2025', 'November 2025']) {
      for (let d = 1; d <= 30; d++) expect(numberIn(root, baseCell(root, title, d)), `${title} ${d}`).toEqual([String(d)]);
    }
    const layers = root.children.map((e) => e.attrs.class ?? '');
    expect(layers.indexOf('cal-day-num')).toBeGreaterThan(layers.indexOf('chart-marks'));
    // Each filled square sits exactly on its day's cell.
    const first = closed[0] as XmlElement;
    const firstCell = baseCell(root, 'October 2025', new Date(utc(closure.start_date)).getUTCDate());
    expect([num(first, 'x'), num(first, 'y')]).toEqual([num(firstCell, 'x'), num(firstCell, 'y')]);

    const reopen = byClass(group(root, 'reopen') as XmlElement, 'cal-reopen-day');
    expect(reopen).toHaveLength(1);
    const reopenCell = baseCell(root, 'November 2025', new Date(utc(closure.reopen_date ?? '')).getUTCDate());
    expect(num(reopen[0] as XmlElement, 'x')).toBeGreaterThan(num(reopenCell, 'x'));
    expect(num(reopen[0] as XmlElement, 'x')).toBeLessThan(num(reopenCell, 'x') + num(reopenCell, 'width') / 2);
    expect(num(reopen[0] as XmlElement, 'y')).toBeGreaterThan(num(reopenCell, 'y'));
    expect(num(reopen[0] as XmlElement, 'y')).toBeLessThan(num(reopenCell, 'y') + num(reopenCell, 'height') / 2);

    const dot = byClass(group(root, 'announced') as XmlElement, 'cal-announced')[0] as XmlElement;
    const announcedCell = baseCell(root, 'October 2025', new Date(utc(closure.announced ?? '')).getUTCDate());
    expect(num(dot, 'cx')).toBeGreaterThan(num(announcedCell, 'x'));
    expect(num(dot, 'cx')).toBeLessThan(num(announcedCell, 'x') + num(announcedCell, 'width'));
    expect(num(dot, 'cy')).toBeGreaterThan(num(announcedCell, 'y'));
    expect(num(dot, 'cy')).toBeLessThan(num(announcedCell, 'y') + num(announcedCell, 'height'));
  });

  it('shades a month-precision bound paler and draws no day it cannot know', () => {
    const vague: SchoolClosure = { ...closure, id: 'vague', start_date: '2025-10-27', end_date: '2025-11', reopen_date: '2025-12', announced: undefined };
    const root = checkSvg(render({}, 'interactive', [vague]), 'school-calendar');
    const closed = byClass(group2(root, 'vague', 'closed'), 'cal-closed-day');
    expect(closed).toHaveLength(5 + 30);
    expect(closed.filter((e) => hasClass(e, 'is-uncertain'))).toHaveLength(30);
    expect(marksFor(root, 'vague').map((e) => e.attrs['data-group'])).toEqual(['closed']);
  });

  it('hides groups with is-off when interactive, and leaves them out when static', () => {
    const on = checkSvg(render({ groups: ['closed'] }), 'school-calendar');
    expect(isOff(group(on, 'closed') as XmlElement)).toBe(false);
    expect(isOff(group(on, 'reopen') as XmlElement)).toBe(true);
    expect(isOff(group(on, 'announced') as XmlElement)).toBe(true);
    const off = checkSvg(render({ groups: ['closed'] }, 'static'), 'school-calendar');
    expect(findAll(off, (e) => hasClass(e, 'is-off'))).toHaveLength(0);
    expect(marksFor(off, closure.id).map((e) => e.attrs['data-group'])).toEqual(['closed']);
    expect(findAll(off, (e) => e.name === 'style')).toHaveLength(1);
  });

  it('highlights the closure and shows its label', () => {
    const plain = checkSvg(render(), 'school-calendar');
    expect(labelsFor(plain, closure.id).every(isOff)).toBe(true);
    const root = checkSvg(render({ highlight: [closure.id] }), 'school-calendar');
    for (const m of marksFor(root, closure.id)) expect(hasClass(m, 'is-highlighted')).toBe(true);
    const label = labelsFor(root, closure.id)[0] as XmlElement;
    expect(isOff(label)).toBe(false);
    expect(textContent(label)).toContain('27 Oct 2025');
    expect(labelsFor(checkSvg(render({}, 'static'), 'school-calendar'), closure.id)).toHaveLength(0);
  });

  it('escapes hostile text and stacks months on a narrow width', () => {
    const svg = render({ highlight: [closure.id] }, 'interactive', CLOSURES, { width: 320, height: 500 });
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
    const root = checkSvg(svg, 'school-calendar');
    const titles = byClass(root, 'cal-month-title');
    expect(num(titles[1] as XmlElement, 'y')).toBeGreaterThan(num(titles[0] as XmlElement, 'y'));
    for (const cell of byClass(root, 'cal-day')) expect(num(cell, 'x') + num(cell, 'width')).toBeLessThanOrEqual(320);
  });

  it('has a table with one row per closure and every source', () => {
    const table = schoolCalendarTable(CLOSURES);
    expect(table.rows).toHaveLength(CLOSURES.length);
    expect(table.rows[0]?.[3]).toBe(closedDays);
    expect(new Set(table.sourceIds)).toEqual(new Set(CLOSURES.flatMap((r) => r.source_ids)));
  });
});

function group2(root: XmlElement, id: string, name: string): XmlElement {
  const g = marksFor(root, id).find((e) => e.attrs['data-group'] === name);
  if (!g) throw new Error(`no ${name} group for ${id}`);
  return g;
}
