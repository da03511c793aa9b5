/**
 * The class view: reads the pasted links when the teacher asks, and shows
 * how many were read, which lines were ignored (by line number only: nothing
 * pasted is ever written back into the page), a dot plot of every student's
 * points for each scenario, and the same numbers as a table. Everything stays
 * in this tab: no storage, no request.
 */
import { fill, readClassLinks, spreadOf, stackLevels, type Spread } from '../class-links';
import type { ClassViewWords } from '../class-view-words';

interface Island {
  /** In the order I to IV: a short name for the chart and the full title for the table. */
  scenarios: { id: string; short: string; label: string }[];
  /** Every word the script writes, in the page's language. */
  words: ClassViewWords;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const WIDTH = 480;
const ROW = 92;
const AXIS = 44;
const PAD_X = 18;

function svg<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, cls?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (cls) el.setAttribute('class', cls);
  return el;
}

function text(x: number, y: number, content: string, cls: string, anchor: 'start' | 'middle' | 'end' = 'start'): SVGTextElement {
  const t = svg('text', { x, y, 'text-anchor': anchor }, cls);
  t.textContent = content;
  return t;
}

const xOf = (points: number) => PAD_X + (points / 100) * (WIDTH - 2 * PAD_X);
let decimal = '.';
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1).replace('.', decimal));

function chart(spread: Spread[], island: Island, students: number): SVGSVGElement {
  const height = spread.length * ROW + AXIS;
  const root = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-labelledby': 'class-chart-title class-chart-desc', 'font-size': 16 }, 'class-chart');
  const title = svg('title', { id: 'class-chart-title' });
  const words = island.words;
  title.textContent = fill(students === 1 ? words.chartTitleOne : words.chartTitleMany, { n: students });
  const desc = svg('desc', { id: 'class-chart-desc' });
  desc.textContent = spread
    .map((s, i) => fill(words.chartRow, { scenario: island.scenarios[i]?.label ?? s.scenario, min: s.min, max: s.max, median: fmt(s.median) }))
    .join(' ');
  root.append(title, desc);

  const top = 0;
  const bottom = spread.length * ROW;
  for (const tick of [0, 25, 50, 75, 100]) {
    root.append(svg('line', { x1: xOf(tick), x2: xOf(tick), y1: top + 4, y2: bottom }, 'class-chart__grid'));
    root.append(text(xOf(tick), bottom + 18, String(tick), 'class-chart__tick', tick === 0 ? 'start' : tick === 100 ? 'end' : 'middle'));
  }
  root.append(text(WIDTH / 2, bottom + 38, words.axisTitle, 'class-chart__axis-title', 'middle'));

  spread.forEach((s, row) => {
    const y0 = row * ROW;
    const baseline = y0 + ROW - 20;
    const g = svg('g', { 'data-scenario': s.scenario }, 'class-chart__row');
    g.append(text(PAD_X, y0 + 18, island.scenarios[row]?.short ?? s.scenario, 'class-chart__label'));
    g.append(svg('line', { x1: xOf(s.min), x2: xOf(s.max), y1: baseline, y2: baseline }, 'class-chart__range'));
    const { levels, tallest } = stackLevels(s.values);
    const room = ROW - 50;
    const step = Math.min(10, room / Math.max(1, tallest));
    const r = Math.max(1.5, Math.min(4.5, step / 2 - 0.3));
    s.values.forEach((v, i) => {
      g.append(svg('circle', { cx: xOf(v), cy: baseline - 6 - (levels[i] ?? 0) * step, r, 'data-points': v }, 'class-chart__dot'));
    });
    g.append(svg('line', { x1: xOf(s.median), x2: xOf(s.median), y1: baseline - 4, y2: baseline + 8 }, 'class-chart__median'));
    const right = s.median <= 50;
    g.append(text(xOf(s.median) + (right ? 6 : -6), baseline + 14, fill(words.medianLabel, { median: fmt(s.median) }), 'class-chart__median-label', right ? 'start' : 'end'));
    root.append(g);
  });
  return root;
}

function init() {
  const islandNode = document.getElementById('class-view-data');
  const input = document.querySelector<HTMLTextAreaElement>('[data-class-links]');
  const showButton = document.querySelector<HTMLButtonElement>('[data-class-show]');
  const clearButton = document.querySelector<HTMLButtonElement>('[data-class-clear]');
  const status = document.querySelector<HTMLElement>('[data-class-status]');
  const results = document.querySelector<HTMLElement>('[data-class-results]');
  const figure = document.querySelector<HTMLElement>('[data-class-chart]');
  const tbody = document.querySelector<HTMLTableSectionElement>('[data-class-table] tbody');
  const ignoredList = document.querySelector<HTMLElement>('[data-class-ignored]');
  const ignoredBlock = document.querySelector<HTMLElement>('[data-class-ignored-block]');
  if (!islandNode?.textContent || !input || !showButton || !clearButton || !status || !results || !figure || !tbody || !ignoredList || !ignoredBlock) return;
  const island = JSON.parse(islandNode.textContent) as Island;
  const words = island.words;
  decimal = words.decimal;

  const show = () => {
    const { estimates, ignored } = readClassLinks(input.value);
    const spread = spreadOf(estimates.map((e) => e.estimate));
    const n = estimates.length;
    status.textContent =
      fill(n === 1 ? words.readOne : words.readMany, { n }) +
      (ignored.length > 0 ? fill(ignored.length === 1 ? words.ignoredOne : words.ignoredMany, { n: ignored.length }) : words.ignoredNone);

    figure.querySelector('svg')?.remove();
    tbody.replaceChildren();
    results.hidden = n === 0;
    if (n > 0) {
      figure.prepend(chart(spread, island, n));
      spread.forEach((s, i) => {
        const tr = document.createElement('tr');
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = island.scenarios[i]?.label ?? s.scenario;
        tr.append(th);
        for (const value of [s.min, s.median, s.max]) {
          const td = document.createElement('td');
          td.className = 'num';
          td.textContent = fmt(value);
          tr.append(td);
        }
        tbody.append(tr);
      });
    }

    ignoredList.replaceChildren(
      ...ignored.slice(0, 50).map((item) => {
        const li = document.createElement('li');
        li.textContent = fill(words.ignoredLine, { line: item.line, reason: words.reasons[item.reason] });
        return li;
      }),
    );
    if (ignored.length > 50) {
      const li = document.createElement('li');
      li.textContent = fill(words.ignoredMore, { n: ignored.length - 50 });
      ignoredList.append(li);
    }
    ignoredBlock.hidden = ignored.length === 0;
  };

  showButton.addEventListener('click', show);
  clearButton.addEventListener('click', () => {
    input.value = '';
    show();
    status.textContent = words.cleared;
    input.focus();
  });
  document.documentElement.classList.add('class-view-ready');
}

init();
