import { describe, it, expect } from 'vitest';
import { loadSiteData } from '../../src/data/load';
import { changelogNewestFirst, lastUpdated } from '../../src/data/changelog';
import { bibtexCitation, longDate, plainCitation } from '../../src/lib/citation';
import { MAX_LINES, queryOf, readClassLinks, spreadOf, stackLevels } from '../../src/classroom/class-links';
import { copyData, errorOf, setCell } from './helpers/broken-data';

describe('glossary and changelog data', () => {
  const data = loadSiteData();

  it('every glossary definition is short and cites sources', () => {
    expect(data.glossary.length).toBeGreaterThanOrEqual(18);
    for (const t of data.glossary) {
      expect(t.definition.length, t.id).toBeLessThanOrEqual(400);
      expect(t.source_ids.length, t.id).toBeGreaterThan(0);
    }
  });

  it('a definition of three sentences, or one without a source, stops the build with the row named', () => {
    let dir = copyData();
    let row = setCell(dir, 'glossary.csv', 0, 'definition', 'One sentence. Two sentences. Three sentences.');
    expect(errorOf(dir).message).toContain(`glossary.csv, row ${row} (id "jnim"), field "definition": must be one or two sentences`);
    dir = copyData();
    row = setCell(dir, 'glossary.csv', 0, 'source_ids', '');
    expect(errorOf(dir).message).toContain(`glossary.csv, row ${row} (id "jnim"), field "source_ids": must cite at least one source id`);
    dir = copyData();
    row = setCell(dir, 'glossary.csv', 0, 'chapter', 'nowhere');
    expect(errorOf(dir).message).toContain(`glossary.csv, row ${row} (id "jnim"), field "chapter"`);
  });

  it('the notes on the article include the seven departures the issue names', () => {
    const ids = data.articleCorrections.map((c) => c.id);
    for (const id of ['tonka-killing', 'oecd-roads-statistic', 'katiba-serma-location', 'kouffa-alias', 'fuel-price-6-dollars', 'ouane-dialogue', 'au-quote']) {
      expect(ids, id).toContain(id);
    }
    for (const c of data.articleCorrections) expect(c.source_ids.length, c.id).toBeGreaterThan(0);
  });

  it('a changelog date must be a full day', () => {
    const dir = copyData();
    const row = setCell(dir, 'changelog.csv', 0, 'date', '2026-11');
    expect(errorOf(dir).message).toContain(`changelog.csv, row ${row} (id "first-version"), field "date": must be a full date written YYYY-MM-DD`);
  });

  it('"last updated" is the newest changelog date, and the newest change comes first', () => {
    const changelog = [
      { id: 'a', date: '2026-01-05', change: 'a', change_fr: 'a' },
      { id: 'b', date: '2026-03-01', change: 'b', change_fr: 'b' },
      { id: 'c', date: '2026-03-01', change: 'c', change_fr: 'c' },
      { id: 'd', date: '2025-12-31', change: 'd', change_fr: 'd' },
    ];
    expect(lastUpdated({ changelog })).toBe('2026-03-01');
    expect(changelogNewestFirst({ changelog }).map((e) => e.id)).toEqual(['c', 'b', 'a', 'd']);
    expect(() => lastUpdated({ changelog: [] })).toThrow(/no entries/);
    expect(lastUpdated(data)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('citing the site', () => {
  const input = { title: 'Lifelines: Mali’s roads, fuel and power, explained', publisher: 'The Lifelines project', url: 'https://example.org/lifelines/', lastUpdated: '2026-11-25' };

  it('plain text names the publisher, title, date and address', () => {
    expect(longDate('2026-11-25')).toBe('25 November 2026');
    expect(plainCitation(input)).toBe(
      'The Lifelines project. “Lifelines: Mali’s roads, fuel and power, explained.” Last updated 25 November 2026. https://example.org/lifelines/ (accessed [date]).',
    );
  });

  it('BibTeX is a well-formed @misc entry with balanced braces and plain quotes', () => {
    const bib = bibtexCitation(input);
    expect(bib).toMatch(/^@misc\{lifelines-mali-2026,\n/);
    expect(bib).toContain("title        = {{Lifelines: Mali's roads, fuel and power, explained}},");
    expect(bib).toContain('month        = nov,');
    expect(bib).toContain('howpublished = {\\url{https://example.org/lifelines/}},');
    expect(bib.endsWith('}')).toBe(true);
    const depth = [...bib].reduce((d, ch) => (d < 0 ? d : ch === '{' ? d + 1 : ch === '}' ? d - 1 : d), 0);
    expect(depth).toBe(0);
    expect(bibtexCitation({ ...input, publisher: 'A & B {x}' })).toContain('author       = {{A \\& B x}},');
  });
});

describe('the class view reads pasted links', () => {
  const explorer = 'https://example.org/lifelines/scenarios/';

  it('takes the query of a link to the scenario explorer, or a bare query', () => {
    expect(queryOf(`${explorer}?v=1&e=40,20,10,30`)).toEqual({ query: '?v=1&e=40,20,10,30' });
    expect(queryOf('http://localhost:4321/scenarios/index.html?e=1,2,3,94')).toEqual({ query: '?e=1,2,3,94' });
    expect(queryOf('example.org/scenarios/?e=1,2,3,94')).toEqual({ query: '?e=1,2,3,94' });
    expect(queryOf('v=1&e=40,20,10,30')).toEqual({ query: 'v=1&e=40,20,10,30' });
    expect(queryOf('?e=40,20,10,30')).toEqual({ query: '?e=40,20,10,30' });
  });

  it('rejects what is not a web link to the explorer', () => {
    expect(queryOf('javascript:alert(1)//scenarios/?e=25,25,25,25')).toEqual({ reason: 'not-a-link' });
    expect(queryOf('data:text/html,<script>alert(1)</script>')).toEqual({ reason: 'not-a-link' });
    expect(queryOf('<img src=x onerror=alert(1)>')).toEqual({ reason: 'not-a-link' });
    expect(queryOf('%E0%A4%A')).toEqual({ reason: 'not-a-link' });
    expect(queryOf('https://example.org/sources/?e=25,25,25,25')).toEqual({ reason: 'not-the-explorer' });
    expect(queryOf('https://example.org/scenarios-evil/?e=25,25,25,25')).toEqual({ reason: 'not-the-explorer' });
    expect(queryOf(`${explorer}?e=${'1'.repeat(3000)}`)).toEqual({ reason: 'too-long' });
  });

  it('counts links with an estimate and lists the others by line number only', () => {
    const text = [
      `${explorer}?v=1&e=40,20,10,30`,
      '',
      `${explorer}?v=1&reforms=yes`,
      `${explorer}?v=1&e=50,50,50,50`,
      `${explorer}?e=25,25,25,25&e=<script>`,
      'nonsense',
      `${explorer}?__proto__[x]=1&constructor=1&e=10,10,10,70`,
    ].join('\r\n');
    const read = readClassLinks(text);
    expect(read.estimates).toEqual([
      { line: 1, estimate: [40, 20, 10, 30] },
      { line: 5, estimate: [25, 25, 25, 25] },
      { line: 7, estimate: [10, 10, 10, 70] },
    ]);
    expect(read.ignored).toEqual([
      { line: 3, reason: 'no-estimate' },
      { line: 4, reason: 'no-estimate' },
      { line: 6, reason: 'not-a-link' },
    ]);
    expect(JSON.stringify(read)).not.toMatch(/script|proto|constructor/);
  });

  it('never throws, and stops reading after the line limit', () => {
    for (const input of [undefined, null, 42, {}, '\u0000', '\n'.repeat(10000), 'https://[::1/scenarios/?e=1'] as unknown[]) {
      expect(() => readClassLinks(input as string)).not.toThrow();
    }
    const many = Array.from({ length: MAX_LINES + 3 }, () => `${explorer}?e=25,25,25,25`).join('\n');
    const read = readClassLinks(many);
    expect(read.estimates.length).toBe(MAX_LINES);
    expect(read.ignored).toEqual([MAX_LINES + 1, MAX_LINES + 2, MAX_LINES + 3].map((line) => ({ line, reason: 'too-many' })));
  });

  it('summarises the spread for each scenario and stacks equal values', () => {
    expect(spreadOf([])).toEqual([]);
    const spread = spreadOf([
      [40, 20, 10, 30],
      [50, 10, 10, 30],
      [25, 25, 25, 25],
      [10, 40, 30, 20],
    ]);
    expect(spread.map((s) => [s.scenario, s.min, s.median, s.max])).toEqual([
      ['i', 10, 32.5, 50],
      ['ii', 10, 22.5, 40],
      ['iii', 10, 17.5, 30],
      ['iv', 20, 27.5, 30],
    ]);
    expect(stackLevels([10, 30, 10, 10, 30])).toEqual({ levels: [0, 0, 1, 2, 1], tallest: 3 });
    expect(stackLevels([])).toEqual({ levels: [], tallest: 0 });
  });
});
