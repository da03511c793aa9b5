/**
 * The embeddable graphics and what is made for each at build time: cards
 * (SVG, PNG), CSVs, link previews, embed codes and the loader. These call the
 * builders directly (the unit tests run before the build); the browser tests
 * check the built files over HTTP.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { loadSiteData } from '../../src/data/load';
import { DATASETS } from '../../src/data/schema';
import { GRAPHIC_STATES } from '../../src/story/graphic-states';
import { storyChapters, storySteps, parseChapter } from '../../src/story/story-steps';
import { CREDIT, EMBEDS, LICENCE, creditIn, embedForState, embedsIn, getEmbed } from '../../src/embeds/embeds';
import { FRENCH_COLUMN_NAMES, datasetCsv } from '../../src/embeds/csv';
import { shareFields } from '../../src/embeds/share-fields';
import { storyChaptersIn } from '../../src/story/story-steps';
import { frenchTypography } from '../../src/i18n/typography';
import {
  downloadCsvFiles,
  downloadImageNames,
  scenariosCardSvg,
  socialCardSvg,
  socialImageNames,
  stateCardSvg,
  storyStepPath,
} from '../../src/embeds/downloads';
import { svgToPng } from '../../src/embeds/raster';
import { embedHeights, fixedSnippet, responsiveSnippet } from '../../src/embeds/snippet';
import { factsAsOfDate, factsAsOfText } from '../../src/data/currency';
import { charsFor, nestGraphic, svgViewBox } from '../../src/embeds/card';
import { loaderSource } from '../../src/pages/embed-loader.js.ts';

const data = loadSiteData();
const link = (path: string) => new URL(path.replace(/^\//, ''), 'https://example.org/lifelines/').href;
const label = (key: string) => `label for ${key}`;

describe('the embeddable graphics', () => {
  it('every story state belongs to exactly one embed, in story order, and every embed has words and data', () => {
    const ids = EMBEDS.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(['map-frame', 'map-mali', 'roads-waffle', 'fuel-prices', 'electricity', 'school-calendar', 'timeline', 'scenarios']);
    const covered = EMBEDS.flatMap((e) => e.states as string[]);
    expect([...covered].sort()).toEqual(Object.keys(GRAPHIC_STATES).sort());
    for (const embed of EMBEDS) {
      expect(embed.title.length, embed.id).toBeGreaterThan(10);
      expect(embed.subtitle.length, embed.id).toBeGreaterThan(30);
      expect(embed.datasets.length, embed.id).toBeGreaterThan(0);
      for (const state of embed.states) expect(embedForState(state)).toBe(embed);
    }
  });

  it('map embeds: the ports map holds the states of the frame view, the Mali map every other map state, zoomed or not', () => {
    const viewOf = (name: string) => (GRAPHIC_STATES[name as keyof typeof GRAPHIC_STATES] as { view: string }).view;
    const mapStates = Object.keys(GRAPHIC_STATES).filter((name) => GRAPHIC_STATES[name as keyof typeof GRAPHIC_STATES].kind === 'map');
    const embedStates = (id: string) => EMBEDS.find((e) => e.id === id && e.type === 'graphic')?.states ?? [];
    expect(embedStates('map-frame')).toEqual(mapStates.filter((name) => viewOf(name) === 'frame'));
    expect(embedStates('map-mali')).toEqual(mapStates.filter((name) => viewOf(name) !== 'frame'));
    expect(new Set(embedStates('map-mali').map(viewOf)).size).toBeGreaterThan(2);
    expect(EMBEDS.filter((e) => e.type === 'graphic' && e.kind === 'map').map((e) => e.id).sort()).toEqual(['map-frame', 'map-mali']);
  });

  it('reads the story’s steps from the chapters, one per state, as the story tests do', () => {
    const steps = storySteps();
    expect(steps.map((s) => s.state)).toEqual(Object.keys(GRAPHIC_STATES));
    expect(storyChapters().map((c) => c.order)).toEqual([...storyChapters().map((c) => c.order)].sort((a, b) => a - b));
    expect(storyStepPath('prices-queues')).toBe(`/#${steps.find((s) => s.state === 'prices-queues')!.id}`);
    const chapter = parseChapter('---\ntitle: "A: title"\nchapter: x\norder: 3\nsummary: S\n---\n<Step id="a" state="b" alt="Say &quot;hi&quot;">');
    expect(chapter).toEqual({ chapter: 'x', title: 'A: title', summary: 'S', order: 3, steps: [{ id: 'a', state: 'b', alt: 'Say "hi"', chapter: 'x' }] });
    expect(() => parseChapter('no frontmatter')).toThrow(/frontmatter/);
  });

});

describe('cards (SVG and PNG downloads)', () => {
  it('every card is an SVG with its title, sources, credit, licence and story address', () => {
    for (const name of downloadImageNames()) {
      const svg = name === 'scenarios' ? scenariosCardSvg(data, label, link) : stateCardSvg(data, name, link);
      expect(svg, name).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+" viewBox="0 0 \d+ \d+"/);
      expect(svg).toContain(`${CREDIT} · ${LICENCE}`);
      expect(svg).toMatch(/Sources?: /);
      // A copy that travels on its own says how current it was (the card's text, with its line breaks undone).
      expect(svg.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '), name).toContain(`${factsAsOfText(data)}.`);
      if (name !== 'scenarios') {
        expect(svg).toContain(embedForState(name).title);
        expect(svg).toContain(link(storyStepPath(name)));
      }
      // No script and no external reference can travel inside a downloaded image.
      expect(svg).not.toMatch(/<script|href="http|xlink:href|url\(http/);
    }
  });

  it('resvg renders a card at twice its size, with text', { timeout: 60_000 }, () => {
    for (const name of ['convoy-attacks-west', 'prices-official']) {
      const svg = stateCardSvg(data, name, link);
      const { width, height } = svgViewBox(svg);
      const png = svgToPng(svg, 2);
      expect([png.width, png.height], name).toEqual([width * 2, height * 2]);
      expect([...png.png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      // Text is drawn: the same card without its text is a smaller file.
      const textless = svgToPng(svg.replace(/<text\b[\s\S]*?<\/text>/g, ''), 2);
      expect(png.png.length, name).toBeGreaterThan(textless.png.length + 5000);
    }
  });

  it('link previews are 1200 × 630, one for the story and one per chapter', { timeout: 30_000 }, () => {
    expect(socialImageNames()).toEqual(['story', ...storyChapters().map((c) => c.chapter)]);
    const png = svgToPng(socialCardSvg(data, 'daily-life'), 1);
    expect([png.width, png.height]).toEqual([1200, 630]);
    expect(() => socialCardSvg(data, 'no-such-chapter')).toThrow();
  });

  it('a graphic placed in a card keeps its proportions and loses its own title', () => {
    const nested = nestGraphic('<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 200 100" role="img" aria-labelledby="t"><title id="t">T</title><rect/></svg>', 10, 20, 400);
    expect(nested.height).toBe(200);
    expect(nested.svg).toMatch(/^<svg x="10" y="20" width="400" height="200" preserveAspectRatio="xMidYMid meet" class="chart" viewBox="0 0 200 100">/);
    expect(nested.svg).not.toContain('<title');
    expect(charsFor(600, 12)).toBe(83);
    expect(charsFor(600, 12, true)).toBeLessThan(83);
  });
});

describe('CSV downloads', () => {
  it('hold exactly the rows of their data file, every column as written, plus source and licence', () => {
    for (const spec of downloadCsvFiles()) {
      const csv = csvParse(datasetCsv(spec, data, 'https://example.org/'));
      const file = csvParse(readFileSync(join('data', DATASETS[spec.dataset].file), 'utf8').replace(/^\uFEFF/, ''));
      const rows = spec.ids ? file.filter((r) => spec.ids!.includes(r.id ?? '')) : [...file];
      const added = ['after_article', 'facts_as_of', 'source', 'licence'].filter((c) => !file.columns.includes(c));
      expect(csv.columns, spec.file).toEqual([...file.columns, ...added]);
      expect(csv.length, spec.file).toBe(rows.length);
      csv.forEach((row, i) => {
        for (const c of file.columns) expect(row[c], `${spec.file} ${i} ${c}`).toBe(rows[i]![c]);
        expect(row.licence).toContain('CC BY 4.0');
        expect(row.source).toMatch(/\d{4}|undated/);
        expect(row.facts_as_of, `${spec.file} ${i} facts_as_of`).toBe(factsAsOfDate(data));
        const date = rows[i]!.date ?? rows[i]!.start_date;
        // A row is after the article when the first day it can mean is later than 9 Dec 2025.
        if (date && !file.columns.includes('after_article')) {
          expect(row.after_article, `${spec.file} ${i} after_article`).toBe(`${date}-01-01`.slice(0, 10) > '2025-12-09' ? 'yes' : 'no');
        }
      });
    }
  });

  it('flag the timeline rows after the article, and only those', () => {
    const csv = csvParse(datasetCsv({ file: 'timeline', dataset: 'timeline', label: 'x' }, data, 'https://example.org/'));
    const flagged = csv.filter((r) => r.after_article === 'yes').map((r) => r.date!);
    expect(flagged.length).toBeGreaterThan(0);
    for (const d of flagged) expect(d >= '2025-12-10' || d.startsWith('2026')).toBe(true);
    expect(csv.filter((r) => r.after_article === 'no').every((r) => r.date! <= '2025-12-09' || r.date === '2025-12')).toBe(true);
  });

  it('quote what needs quoting', () => {
    const text = datasetCsv({ file: 'timeline', dataset: 'timeline', label: 'x' }, data, 'https://example.org/');
    expect(text.endsWith('\n')).toBe(true);
    expect(csvParse(text).length).toBe(data.timeline.length);
  });
});

describe('embed code', () => {
  const parts = { embedUrl: 'https://example.org/embed/x/?step=a&theme=dark', loaderUrl: 'https://example.org/embed-loader.js', title: 'A "quoted" <title>', height: 640.4 };

  it('escapes what it writes into attributes, and carries no style attribute', () => {
    const code = responsiveSnippet(parts);
    expect(code).toBe(
      '<iframe src="https://example.org/embed/x/?step=a&amp;theme=dark" title="A &quot;quoted&quot; &lt;title&gt;" width="100%" height="640" scrolling="no" frameborder="0" loading="lazy" data-lifelines-embed></iframe>' +
        '<script src="https://example.org/embed-loader.js" async></script>',
    );
    expect(fixedSnippet(parts)).not.toContain('<script');
    expect(code + fixedSnippet(parts)).not.toMatch(/style=/);
  });

  it('gives a frame height that grows with the graphic and its sources', () => {
    const chart = EMBEDS.find((e) => e.id === 'fuel-prices')!;
    const small = embedHeights(chart, 0.5, 50);
    const tall = embedHeights(chart, 1, 2000);
    expect(tall.fixed).toBeGreaterThan(small.fixed);
    expect(small.fixed).toBeGreaterThanOrEqual(small.initial);
  });

  it('the loader is one self-contained classic script that includes the frames licence', () => {
    const source = loaderSource();
    expect(() => new Function(source)).not.toThrow();
    expect(source).toContain('MIT License');
    expect(source).toContain('Ryan Murphy');
    expect(source).toContain('iframe[data-lifelines-embed]');
    expect(source).not.toMatch(/\bimport\b|\bexport\b|https?:\/\/(?!github\.com)/);
  });
});

describe('in French', () => {
  const fr = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');
  /** A card's own words: its text outside the graphic nested in it (the graphic's words are the renderers'). */
  function cardWords(svg: string): string {
    const start = svg.indexOf('<svg x=');
    let own = svg;
    if (start !== -1) {
      let depth = 0;
      let i = start;
      const tag = /<(\/?)svg\b/g;
      tag.lastIndex = start;
      for (let m = tag.exec(svg); m; m = tag.exec(svg)) {
        depth += m[1] ? -1 : 1;
        i = m.index;
        if (depth === 0) break;
      }
      own = svg.slice(0, start) + svg.slice(svg.indexOf('>', i) + 1);
    }
    return fr(own.replace(/<title>[\s\S]*?<\/title>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '));
  }
  const ENGLISH_FLAGS = /Facts as of|Sources?:|after the article|undated|Lifelines|Scenario |Corridors|schematic|Chapter/;

  it('every embed has its words in French, with the same ids, states and data', () => {
    const french = embedsIn('fr');
    expect(french.map((e) => e.id)).toEqual(EMBEDS.map((e) => e.id));
    french.forEach((embed, i) => {
      const english = EMBEDS[i]!;
      expect(embed.title, embed.id).not.toBe(english.title);
      expect(embed.subtitle, embed.id).not.toBe(english.subtitle);
      expect(embed.notes.length).toBe(english.notes.length);
      expect(embed.states).toEqual(english.states);
      expect(embed.datasets.map((d) => d.file)).toEqual(english.datasets.map((d) => d.file));
      for (const d of embed.datasets) expect(english.datasets.map((e) => e.label), embed.id).not.toContain(d.label);
    });
    expect(embedForState('prices-queues', 'fr')).toBe(getEmbed('fuel-prices', 'fr'));
    expect(getEmbed('timeline', 'fr').title).toBe('Le Mali depuis 2012\u202f: chronologie');
    expect(getEmbed('timeline')).toBe(EMBEDS.find((e) => e.id === 'timeline'));
  });

  it('the embed code from a French page embeds the French graphic, titled in French, with no language option', () => {
    const absolute = (path: string) => new URL(path.replace(/^\//, ''), 'https://example.org/lifelines/').href;
    const relative = (path: string) => `/lifelines/${path.replace(/^\//, '')}`;
    const step = storySteps().find((s) => s.state === 'convoy-attacks-south')!;
    const french = shareFields(getEmbed('map-mali', 'fr'), 'convoy-attacks-south', absolute, relative, 'fr');
    expect(french.snippet).toContain(`<iframe src="https://example.org/lifelines/fr/embed/map-mali/?step=${step.id}" title="Le Mali sous blocus (Artères vitales)"`);
    expect(french.snippet).toContain('<script src="https://example.org/lifelines/embed-loader.js" async>');
    expect(french.fixed).toContain('src="https://example.org/lifelines/fr/embed/map-mali/?step=');
    expect(french.snippet + french.fixed).not.toMatch(/lang=/);
    expect(french.png).toBe('/lifelines/fr/downloads/convoy-attacks-south.png');
    expect(french.svg).toBe('/lifelines/fr/downloads/convoy-attacks-south.svg');
    expect(french.link).toBe(`https://example.org/lifelines/fr/#${step.id}`);
    expect(shareFields(getEmbed('scenarios', 'fr'), undefined, absolute, relative, 'fr').link).toBe('https://example.org/lifelines/fr/scenarios/');

    const english = shareFields(getEmbed('map-mali'), 'convoy-attacks-south', absolute, relative);
    expect(english.snippet).toContain(`<iframe src="https://example.org/lifelines/embed/map-mali/?step=${step.id}" title="Mali under blockade (Lifelines)"`);
    expect(english.png).toBe('/lifelines/downloads/convoy-attacks-south.png');
    expect(english.link).toBe(`https://example.org/lifelines/#${step.id}`);
  });

  it('French cards say everything in French: title, sources, "Informations à jour au" on its own line, credit, story address', () => {
    const asOf = fr(factsAsOfText(data, 'fr'));
    expect(asOf).toMatch(/^Informations à jour au \d{1,2}(er)? [a-zéû]+ \d{4}$/);
    for (const name of downloadImageNames()) {
      const svg = name === 'scenarios' ? scenariosCardSvg(data, label, link, 'fr') : stateCardSvg(data, name, link, 'fr');
      const words = cardWords(svg);
      expect(words, name).not.toMatch(ENGLISH_FLAGS);
      expect(words, name).toMatch(/Sources? : /);
      // The narrow no-break space before the colon survives the wrapping, and no line starts with the colon.
      expect(svg, name).toMatch(/Sources?\u202f: /);
      expect(svg, name).not.toMatch(/>[:;]/);
      expect(svg, name).toContain(`>${factsAsOfText(data, 'fr')}.</tspan></text>`);
      expect(words, name).toContain(`${fr(creditIn('fr'))} · ${LICENCE}`);
      if (name !== 'scenarios') {
        expect(svg).toContain(embedForState(name, 'fr').title);
        expect(svg).toContain(link(storyStepPath(name, 'fr')));
        expect(storyStepPath(name, 'fr')).toMatch(/^\/fr\/#[a-z0-9-]+$/);
      } else {
        expect(words).toContain('Quatre scénarios pour le Mali');
        expect(words).toContain('Axes : ');
        expect(svg).toContain(link('/fr/scenarios/'));
      }
    }
    // The English cards are as they were.
    expect(cardWords(stateCardSvg(data, 'prices-official', link))).toContain(`${factsAsOfText(data)}.`);
    expect(stateCardSvg(data, 'prices-official', link)).toContain(link(storyStepPath('prices-official')));
  });

  it('French link previews take the French chapters’ titles and say nothing in English', () => {
    const chapters = storyChaptersIn('fr');
    expect(chapters.map((c) => c.chapter)).toEqual(storyChapters().map((c) => c.chapter));
    const story = cardWords(socialCardSvg(data, 'story', 'fr'));
    expect(story).toContain('ARTÈRES VITALES · MALI, 2025');
    expect(story).not.toMatch(ENGLISH_FLAGS);
    const junta = chapters.find((c) => c.chapter === 'junta')!;
    const card = socialCardSvg(data, 'junta', 'fr');
    expect(cardWords(card)).toContain(`CHAPITRE ${junta.order}`);
    expect(fr(/<title>([^<]*)<\/title>/.exec(card)?.[1] ?? '')).toBe(fr(frenchTypography(junta.title)));
    expect(cardWords(card)).not.toMatch(ENGLISH_FLAGS);
  });

  it('French CSVs hold the same rows, with French column names and the French text of each row', () => {
    const FRENCH_NAMES = new Set(Object.values(FRENCH_COLUMN_NAMES));
    for (const spec of downloadCsvFiles()) {
      const english = csvParse(datasetCsv(spec, data, 'https://example.org/'));
      const french = csvParse(datasetCsv(spec, data, 'https://example.org/fr/', undefined, 'fr'));
      expect(french.map((r) => r.id), spec.file).toEqual(english.map((r) => r.id));
      // Every column named in French (a column left in English only as "note_en"), none of the _fr twins repeated.
      for (const column of french.columns) expect(FRENCH_NAMES.has(column) || column === 'note_en', `${spec.file}: ${column}`).toBe(true);
      expect(french.columns.filter((c) => c.endsWith('_fr')), spec.file).toEqual([]);
      expect(french.columns.length, spec.file).toBe(english.columns.filter((c) => !(c.endsWith('_fr') && english.columns.includes(c.slice(0, -3)))).length);
      french.forEach((row, i) => {
        expect(fr(row.licence ?? ''), spec.file).toContain('créditer « Artères vitales');
        expect(row.licence).toContain('https://creativecommons.org/licenses/by/4.0/deed.fr');
        expect(row.a_jour_au).toBe(english[i]!.facts_as_of);
        expect(row.sources ?? '', spec.file).not.toMatch(/undated|\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}/);
        if (english[i]!.after_article) expect(row.apres_l_article).toBe({ yes: 'oui', no: 'non' }[english[i]!.after_article!]);
      });
    }
    const timeline = csvParse(datasetCsv({ file: 'timeline', dataset: 'timeline', label: 'x' }, data, 'https://example.org/fr/', undefined, 'fr'));
    for (const event of data.timeline) {
      const row = timeline.find((r) => r.id === event.id)!;
      expect(row.titre).toBe(event.title_fr);
      expect(row.date).toBe(event.date);
    }
    expect(timeline.filter((r) => r.apres_l_article === 'oui').length).toBeGreaterThan(0);
    const prices = csvParse(datasetCsv({ file: 'fuel-prices', dataset: 'fuelPrices', label: 'x' }, data, 'https://example.org/fr/', undefined, 'fr'));
    expect(prices.columns.slice(0, 5)).toEqual(['id', 'lieu', 'date', 'prix_min_fcfa', 'prix_max_fcfa']);
    // A note written in French in data/ (note_fr) is the French CSV's note...
    expect(prices.columns).toContain('note');
    expect(prices.columns).not.toContain('note_en');
    data.fuelPrices.forEach((row, i) => expect(prices[i]!.note ?? '').toBe(row.note_fr ?? ''));
    // ...and free text with no French in data/ says that it is English.
    const tankers = csvParse(datasetCsv({ file: 'map-mali-tankers', dataset: 'tankers', label: 'x' }, data, 'https://example.org/fr/', undefined, 'fr'));
    expect(tankers.columns).toContain('note_en');
    expect(tankers.columns).not.toContain('note');
  });
});
