import { describe, it, expect } from 'vitest';
import { loadSiteData } from '../../src/data/load';
import { changelogNewestFirst, lastUpdated } from '../../src/data/changelog';
import { bibtexCitation, longDate, plainCitation } from '../../src/lib/citation';
import { fill, MAX_LINES, queryOf, readClassLinks, spreadOf, stackLevels } from '../../src/classroom/class-links';
import { classViewWords } from '../../src/classroom/class-view-words';
import { shortCitation, outletName } from '../../src/data/sources';
import { loadFrenchTitles, shownTitleLanguage, sourceTitle, SOURCE_TITLES_FR_FILE } from '../../src/data/source-titles';
import { DataValidationError } from '../../src/data/load';
import { storyChapters } from '../../src/story/story-steps';
import { STRINGS } from '../../src/i18n/strings';
import { copyData, errorOf, setCell } from './helpers/broken-data';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { builtEditions, offlineGlobPatterns, workerFile } from '../../scripts/lib/offline.mjs';

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

/** The frontmatter keys of a content page, and its labels' keys (content/pages/*.mdx). */
function frontmatter(file: string): { keys: string[]; labels: string[] } {
  const text = readFileSync(file, 'utf8');
  const block = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const keys = [...block.matchAll(/^([a-z-]+):/gm)].map((m) => m[1]!);
  const labels = [...block.matchAll(/^ {2}([a-z-]+):/gm)].map((m) => m[1]!);
  return { keys, labels };
}

describe('the French teachers’ pages', () => {
  const data = loadSiteData();
  const root = process.cwd();
  const englishPages = readdirSync(join(root, 'content/pages')).filter((f) => f.endsWith('.mdx'));
  const mine = ['glossary.mdx', 'classroom.mdx', 'handout.mdx', 'class-view.mdx'];

  it('each page of the glossary and the classroom has a French twin with the same frontmatter and labels', () => {
    for (const file of mine) {
      expect(englishPages, file).toContain(file);
      const french = join(root, 'content/fr/pages', file);
      expect(existsSync(french), `content/fr/pages/${file}`).toBe(true);
      expect(frontmatter(french), file).toEqual(frontmatter(join(root, 'content/pages', file)));
    }
  });

  it('every relative link in the French classroom pages leads to the French twin of a page of the site', () => {
    // The guide is at /fr/classroom/, the class view at /fr/classroom/class-view/: relative links resolve from there.
    // The page must exist (its English file); that each English page has its French twin is checked for the whole site.
    const pageFiles = (path: string) => {
      const rel = path.replace(/^\/fr\//, '').replace(/\/$/, '');
      return [join(root, 'src/pages', `${rel}.astro`), join(root, 'src/pages', rel, 'index.astro')];
    };
    const where: Record<string, string> = { 'classroom.mdx': '/fr/classroom/', 'class-view.mdx': '/fr/classroom/class-view/', 'handout.mdx': '/fr/classroom/handout/', 'glossary.mdx': '/fr/glossary/' };
    let checked = 0;
    for (const file of mine) {
      const text = readFileSync(join(root, 'content/fr/pages', file), 'utf8');
      for (const [, href] of text.matchAll(/\]\(([^)]+)\)/g)) {
        const target = posix.normalize(posix.join(where[file]!, href!));
        expect(target, `${file}: ${href}`).toMatch(/^\/fr\//);
        expect(pageFiles(target).some((f) => existsSync(f)), `${file}: ${href} -> ${target}`).toBe(true);
        checked++;
      }
    }
    // As many as the English pages have: no link dropped in translation.
    const englishLinks = mine.flatMap((file) => [...readFileSync(join(root, 'content/pages', file), 'utf8').matchAll(/\]\(([^)]+)\)/g)]);
    expect(checked).toBe(englishLinks.length);
  });

  it('the French short links lead to chapters of the French story, which match the English ones', () => {
    const english = storyChapters(join(root, 'content/story'));
    const french = storyChapters(join(root, 'content/fr/story'));
    expect(french.map((c) => [c.order, c.chapter])).toEqual(english.map((c) => [c.order, c.chapter]));
    // Every French chapter has its own title (only "Lifelines" and a few names could read the same).
    expect(french.filter((c, i) => c.title === english[i]!.title)).toEqual([]);
    // /fr/c/N/ is the English short-link page rendered under /fr/: one page per English chapter, each in both languages.
    expect(existsSync(join(root, 'src/pages/fr/c/[n].astro'))).toBe(true);
  });

  it('every glossary entry has a French term and definition, within the same limits as the English', () => {
    for (const term of data.glossary) {
      expect(term.term_fr.trim(), term.id).not.toBe('');
      expect(term.definition_fr.length, term.id).toBeGreaterThan(20);
      expect(term.definition_fr.length, term.id).toBeLessThanOrEqual(400);
      expect(term.definition_fr, term.id).not.toBe(term.definition);
    }
  });

  it('the glossary sorts French terms the French way (accents do not send a term to the end)', () => {
    const sorted = ['Zakat', 'État', 'Armée'].sort((a, b) => a.localeCompare(b, 'fr', { sensitivity: 'base' }));
    expect(sorted).toEqual(['Armée', 'État', 'Zakat']);
  });
});

describe('the class view speaks the page’s language', () => {
  it('fills its French words with numbers and reasons, in French', () => {
    const fr = classViewWords('fr');
    expect(fill(fr.readMany, { n: 3 })).toBe('3 liens lus avec une estimation');
    expect(fill(fr.ignoredLine, { line: 4, reason: fr.reasons['no-estimate'] })).toBe('Ligne 4\u202f: le lien ne contient aucune estimation');
    expect(fr.reasons['too-many']).toBe(`au-delà de ${MAX_LINES} lignes`);
    expect(fr.decimal).toBe(',');
  });

  it('keeps the English words the English class view always had', () => {
    const en = classViewWords('en');
    expect(fill(en.readOne, { n: 1 }) + fill(en.ignoredMany, { n: 2 })).toBe('1 link with an estimate read; 2 lines ignored.');
    expect(fill(en.chartRow, { scenario: 'I. X', min: 10, max: 50, median: '32.5' })).toBe('I. X: from 10 to 50 points, median 32.5.');
  });

  it('has no English word left in its French texts', () => {
    const fr = classViewWords('fr');
    const texts = [...Object.values(fr).filter((v): v is string => typeof v === 'string'), ...Object.values(fr.reasons)];
    for (const text of texts.map((x) => x.replace(/\{\w+\}/g, ''))) expect(text, text).not.toMatch(/\b(the|and|of|link|links|line|lines|student|students|points out)\b/);
  });
});

describe('the French pages’ words', () => {
  it('every French string of the pages table differs from the English one, except names and symbols', () => {
    const same = Object.keys(STRINGS.en).filter((k) => k.startsWith('pages.') && STRINGS.en[k as keyof typeof STRINGS.en] === STRINGS.fr[k as keyof typeof STRINGS.fr]);
    // Words spelled the same in both languages.
    expect(same.sort()).toEqual(['pages.classView.ignoredNone', 'pages.glossary.source', 'pages.glossary.sources', 'pages.handout.total', 'pages.sources.euro', 'pages.sources.ratesDate', 'pages.sources.ratesSource'].sort());
  });
});

describe('citing the site in French', () => {
  const input = { title: 'Artères vitales : routes, carburant et électricité au Mali', publisher: 'Le projet Artères vitales', url: 'https://example.org/lifelines/fr/', lastUpdated: '2026-11-25' };

  it('plain text gives the French date and « » around the title', () => {
    expect(longDate('2026-11-25', 'fr')).toBe('25 novembre 2026');
    expect(plainCitation(input, 'fr')).toBe(
      'Le projet Artères vitales, «\u202fArtères vitales : routes, carburant et électricité au Mali\u202f». Dernière mise à jour le 25 novembre 2026. https://example.org/lifelines/fr/ (consulté le [date]).',
    );
  });

  it('BibTeX names the language and the French title, with balanced braces', () => {
    const bib = bibtexCitation(input, 'fr');
    expect(bib).toMatch(/^@misc\{lifelines-mali-2026-fr,\n/);
    expect(bib).toContain('title        = {{Artères vitales : routes, carburant et électricité au Mali}},');
    expect(bib).toContain('language     = {french},');
    expect(bib).toContain('howpublished = {\\url{https://example.org/lifelines/fr/}},');
    const depth = [...bib].reduce((d, ch) => (d < 0 ? d : ch === '{' ? d + 1 : ch === '}' ? d - 1 : d), 0);
    expect(depth).toBe(0);
    expect(bibtexCitation(input)).not.toContain('language');
  });
});

describe('sources named in each language', () => {
  const data = loadSiteData();

  it('a title in square brackets is our description, in the edition’s language; any other is the source’s own', () => {
    expect(shownTitleLanguage({ title: '[Report on fuel prices]', language: 'fr' }, 'en')).toBe('en');
    expect(shownTitleLanguage({ title: '[Report on fuel prices]', language: 'en' }, 'fr')).toBe('fr');
    expect(shownTitleLanguage({ title: 'Les usagers gagnent 200 km', language: 'fr' }, 'en')).toBe('fr');
    expect(shownTitleLanguage({ title: 'Mali fuel crisis', language: 'en' }, 'fr')).toBe('en');
    const koaci = data.sources.find((s) => s.id === 'koaci-2025-10-07-fuel-supply')!;
    expect(sourceTitle(koaci, 'en', data.sources)).toBe(koaci.title);
    expect(sourceTitle(koaci, 'fr', data.sources)).toMatch(/^\[Mali\u202f: le gouvernement renforce la sécurité/);
    const own = data.sources.find((s) => !s.title.startsWith('['))!;
    expect(sourceTitle(own, 'fr', data.sources)).toBe(own.title);
  });

  it('every described title has its French description, and a missing or stray one stops the build with file, row and field', () => {
    expect(loadFrenchTitles(data.sources).size).toBe(data.sources.filter((s) => s.title.startsWith('[')).length);
    let dir = copyData();
    let row = setCell(dir, SOURCE_TITLES_FR_FILE, 0, 'title_fr', 'Sans crochets');
    const errorFrom = (from: string): unknown => {
      try {
        loadFrenchTitles(data.sources, from);
      } catch (e) {
        return e;
      }
      return undefined;
    };
    let error = errorFrom(dir);
    expect(error).toBeInstanceOf(DataValidationError);
    expect((error as Error).message).toContain(`source-titles-fr.csv, row ${row} (id "manual-coords"), field "title_fr": must be a French description in square brackets`);
    dir = copyData();
    row = setCell(dir, SOURCE_TITLES_FR_FILE, 0, 'id', 'prif-2025-12-09-schaaf');
    error = errorFrom(dir);
    expect((error as Error).message).toContain(`row ${row} (id "prif-2025-12-09-schaaf"), field "id": the source has its own title`);
    expect((error as Error).message).toContain('(id "manual-coords"), field "title_fr": no French description of the title of source "manual-coords"');
  });

  it('institutions go by their official French names on French pages; outlets keep theirs', () => {
    const government = data.sources.find((s) => s.outlet === 'Government of Mali')!;
    expect(outletName(government, 'fr')).toBe('Gouvernement du Mali');
    expect(outletName(government, 'en')).toBe('Government of Mali');
    const rfi = data.sources.find((s) => s.outlet === 'RFI')!;
    expect(outletName(rfi, 'fr')).toBe('RFI');
    const fama = data.sources.find((s) => s.outlet === 'Malian Armed Forces (FAMa)')!;
    expect(shortCitation(fama, 'fr')).toMatch(/^Forces armées maliennes, \d/);
  });
});

describe('offline reading in both languages', () => {
  const built = (files: string[]) => {
    const root = mkdtempSync(join(tmpdir(), 'lifelines-offline-'));
    for (const file of files) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), 'x');
    }
    return root;
  };
  const english = ['index.html', 'scenarios/index.html', 'glossary/index.html', 'sources/index.html', 'offline/index.html', 'c/1/index.html', 'figures/a.svg', 'manifest.webmanifest'];

  it('each edition saves its own pages and the shared files, never the other language’s pages', () => {
    const root = built([...english, ...english.map((f) => `fr/${f}`)]);
    try {
      expect(builtEditions(root).map((e) => e.locale)).toEqual(['en', 'fr']);
      const french = offlineGlobPatterns(root, 'fr');
      for (const f of ['fr/index.html', 'fr/scenarios/index.html', 'fr/glossary/index.html', 'fr/sources/index.html', 'fr/offline/index.html', 'fr/c/*/index.html', 'fr/figures/*.svg', 'fr/manifest.webmanifest']) {
        expect(french, f).toContain(f);
      }
      const isPage = (p: string) => p.endsWith('.html') || p.includes('figures/') || p.endsWith('.webmanifest');
      expect(french.filter((p) => isPage(p) && !p.startsWith('fr/'))).toEqual([]);
      const englishPatterns = offlineGlobPatterns(root, 'en');
      expect(englishPatterns.filter((p) => p.startsWith('fr/'))).toEqual([]);
      expect(englishPatterns).toContain('scenarios/index.html');
      // The shared files (CSS, JS, icons) are in both lists.
      expect(englishPatterns.filter((p) => !isPage(p))).toEqual(french.filter((p) => !isPage(p)));
      expect([workerFile('en'), workerFile('fr')]).toEqual(['sw.js', 'fr/sw.js']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a build without the French pages has one edition to save', () => {
    const root = built(english);
    try {
      expect(builtEditions(root).map((e) => e.locale)).toEqual(['en']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
