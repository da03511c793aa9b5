/**
 * Issue 13: a French page's graphics speak French. Every story state of every chart and of the map,
 * rendered with `locale: 'fr'` in both layouts and both modes, and every data table shown with them,
 * must hold no English: no word of the graphics' English string table that French does not share, no
 * English month, no "after the article", no English number format ("1,300", "38.4").
 */
import { describe, expect, it } from 'vitest';
import { chartTable, CHART_KINDS, renderChart } from '../../../src/charts';
import { formatNumber } from '../../../src/charts/common';
import { electricityValueText } from '../../../src/charts/electricity';
import { fuelPriceLabel } from '../../../src/charts/fuel-prices';
import { waffleHeadline } from '../../../src/charts/roads-waffle';
import { closureLabel } from '../../../src/charts/school-calendar';
import { compactDateText } from '../../../src/charts/timeline';
import { loadSiteData } from '../../../src/data/load';
import { en as graphicsEn, fr as graphicsFr } from '../../../src/i18n/strings/graphics';
import { afterArticleCell, isAfterArticle } from '../../../src/data/currency';
import { convoysTable, corridorsTable } from '../../../src/map/map-tables';
import { convoyLabel, renderMap } from '../../../src/map/render-map';
import { mapDataFor } from '../../../src/map/map-data';
import type { MapState } from '../../../src/map/map-state';
import { GRAPHIC_STATES } from '../../../src/story/graphic-states';
import { figureHref, GRAPHIC_KINDS, LAYOUTS, sizeFor, type GraphicState } from '../../../src/story/graphic-state';
import { graphicTitle } from '../../../src/story/graphic-titles';
import { renderGraphic } from '../../../src/story/render-graphic';
import { tablesForStep } from '../../../src/story/step-tables';
import type { ChartTable } from '../../../src/charts/chart-state';
import { findAll, parseXml, textContent } from './xml';

const data = loadSiteData();
const states = GRAPHIC_STATES as Record<string, GraphicState>;

const words = (text: string) => text.toLowerCase().match(/\p{L}[\p{L}’'-]*/gu) ?? [];

/**
 * Words of the English string table that no French string uses ("tankers", "closed", "reported"…),
 * three letters or more. Placeholders ({date}) are not words.
 */
const FRENCH_WORDS = new Set(Object.values(graphicsFr).flatMap((s) => words(s.replace(/\{\w+\}/g, ''))));
const ENGLISH_WORDS = new Set(
  Object.values(graphicsEn)
    .flatMap((s) => words(s.replace(/\{\w+\}/g, '')))
    .filter((w) => w.length >= 3 && !FRENCH_WORDS.has(w)),
);

/** A whole word, where letters include accented ones ("Mar" is not in "Marché", nor "Apr" in "Après"). */
const word = (alternatives: string, flags = '') => new RegExp(`(?<!\\p{L})(?:${alternatives})(?!\\p{L})`, `u${flags}`);

/** English a French graphic must not show, besides the table's words. */
const ENGLISH_PATTERNS: [string, RegExp][] = [
  ['an English stop word', word('the|and|of|per|with|without|after|before|near|reach|about|more than|at least|hours?|days?', 'i')],
  ['the after-the-article flag in English', /after the article/i],
  ['an English month', word('(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?!\\.)|January|February|March|April|June|July|August|September|October|November|December')],
  ['an English thousands separator', /\d,\d{3}(?!\d)/],
  ['an English decimal point', /\d\.\d/],
  ['an English weekday', word('Mo|Tu|We|Th|Fr|Su')],
];

/** What is wrong with a French text: the English words and patterns it holds. */
function englishIn(text: string): string[] {
  const found = words(text).filter((w) => ENGLISH_WORDS.has(w)).map((w) => `"${w}"`);
  for (const [what, pattern] of ENGLISH_PATTERNS) {
    const m = pattern.exec(text);
    if (m) found.push(`${what} ("${m[0]}")`);
  }
  return found;
}

/** Every text a reader can see or hear in an SVG: <text> (with its tspans) and <title>; not the stylesheet. */
function svgTexts(svg: string): string[] {
  return findAll(parseXml(svg), (e) => e.name === 'text' || e.name === 'title').map(textContent);
}

function tableTexts(table: ChartTable): string[] {
  return [table.caption, ...table.columns, ...table.rows.flat().filter((c): c is string => typeof c === 'string')];
}

function expectFrench(texts: string[], what: string): void {
  const faults = texts.flatMap((text) => englishIn(text).map((f) => `${f} in "${text}"`));
  expect(faults, what).toEqual([]);
}

describe('the check itself', () => {
  it('finds English where English is', () => {
    expect(englishIn('27 Oct 2025: 40 tankers reach Bamako (after the article)').length).toBeGreaterThan(2);
    expect(englishIn('Prix du litre : 1,300 FCFA')).not.toEqual([]);
    expect(englishIn('hours with power')).not.toEqual([]);
    expect(englishIn('27 oct. 2025 : 40 citernes rallient Bamako (après l’article)')).toEqual([]);
  });

  it('knows the English words the graphics use', () => {
    for (const w of ['tankers', 'closed', 'reported', 'shaded', 'square']) expect(ENGLISH_WORDS.has(w), w).toBe(true);
  });
});

describe('French renders of every story state', () => {
  for (const [name, state] of Object.entries(states)) {
    it(`${name}: no English in either layout or mode`, () => {
      for (const layout of LAYOUTS) {
        for (const mode of ['interactive', 'static'] as const) {
          const svg = renderGraphic(data, state, { mode, title: graphicTitle(state.kind, 'fr'), idPrefix: name, locale: 'fr' }, layout);
          expectFrench(svgTexts(svg), `${name} ${layout} ${mode}`);
        }
      }
    });
  }

  it('the map, holding the labels of every story state (as the story panel does), has no English', () => {
    const maps = Object.fromEntries(Object.entries(states).filter((e): e is [string, MapState] => e[1].kind === 'map'));
    const [first, firstState] = Object.entries(maps)[0]!;
    const svg = renderMap(mapDataFor(data), firstState, sizeFor('map'), { mode: 'interactive', title: graphicTitle('map', 'fr'), idPrefix: 'm', locale: 'fr', labelStates: maps, stateName: first });
    const texts = svgTexts(svg);
    expectFrench(texts, 'map');
    // French names where they differ from the English ones.
    expect(texts).toContain('Tombouctou');
    expect(texts).not.toContain('Timbuktu');
  });

  it('every chart drawn whole (interactive: every mark and label, shown or not) has no English', () => {
    for (const kind of CHART_KINDS) {
      for (const layout of LAYOUTS) {
        const svg = renderChart(data, { kind, groups: [], highlight: [] }, sizeFor(kind, layout), { mode: 'interactive', title: graphicTitle(kind, 'fr'), idPrefix: kind, locale: 'fr' });
        expectFrench(svgTexts(svg), `${kind} ${layout}`);
      }
    }
  });

  it('writes numbers and dates the French way', () => {
    const fuel = svgTexts(renderChart(data, { kind: 'fuel-prices', groups: [], highlight: [] }, sizeFor('fuel-prices', 'wide'), { mode: 'static', title: '', idPrefix: 'f', locale: 'fr' }));
    expect(fuel.some((t) => /^1\u202f\d{3} FCFA$/u.test(t)), fuel.join(' | ')).toBe(true);
    expect(fuel).toContain('Prix du litre, en francs CFA');
    expect(fuel.some((t) => /^(?:janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.) 2025$/u.test(t)), fuel.join(' | ')).toBe(true);
    expect(formatNumber(1300, 'fr')).toBe('1\u202f300');
    const waffle = svgTexts(renderChart(data, { kind: 'roads-waffle', groups: [], highlight: [] }, sizeFor('roads-waffle', 'wide'), { mode: 'static', title: '', idPrefix: 'w', locale: 'fr' }));
    expect(waffle.some((t) => /\d\u00a0%$/u.test(t)), waffle.join(' | ')).toBe(true);
  });

  it('flags what came after the article in French', () => {
    const places = new Map(data.places.map((p) => [p.id, p]));
    const later = data.convoys.filter((c) => isAfterArticle(c.date));
    expect(later.length).toBeGreaterThan(0);
    for (const c of later) expect(convoyLabel(c, places, 'fr')).toMatch(/\(après l’article\)$/);
    const table = convoysTable(data, 'fr');
    expect(table.rows.filter((r) => r.at(-1) === afterArticleCell(later[0]!.date, 'fr')).length).toBe(later.length);
  });
});

describe('French labels, word for word', () => {
  const N = '\u202f';
  const row = <T extends { id: string }>(rows: readonly T[], id: string): T => {
    const found = rows.find((r) => r.id === id);
    if (!found) throw new Error(`no row "${id}"`);
    return found;
  };

  it('dates and spans: French months, "1er", no English order', () => {
    const event = row(data.timeline, '2012-northern-towns-fall');
    expect(compactDateText(event, false, 'fr')).toBe('mars–avr. 2012');
    expect(compactDateText(event)).toBe('Mar–Apr 2012');
  });

  it('school closures, fuel prices, power and the waffle in French', () => {
    expect(closureLabel(row(data.schoolClosures, '2025-10-nationwide'), 'fr')).toBe(
      `Toutes les écoles et universités, dans tout le pays${N}: fermées du 27 oct. 2025 au 9 nov. 2025${N}; réouverture le 10 nov. 2025${N}; annonce le 26 oct. 2025`,
    );
    const places = new Map(data.places.map((p) => [p.id, p]));
    const bamakoPetrol = data.fuelPrices.find((p) => p.place === 'bamako' && p.fuel === 'petrol' && p.market === 'official');
    expect(bamakoPetrol && fuelPriceLabel(bamakoPetrol, places, 'fr')).toMatch(/^Bamako, \d[\d\u202f]* FCFA, essence$/u);
    expect(electricityValueText(row(data.electricity, 'bamako-2024-01-outages'), 'fr')).toBe('de 5 à 6 heures par jour sans électricité');
    expect(electricityValueText(row(data.electricity, 'bamako-2025-11-afp-supply'), 'fr')).toBe('environ 6 heures d’électricité par jour');
    expect(waffleHeadline(row(data.figures, 'oecd-events-within-1km-road'), 'fr')).toBe('Environ 70\u00a0%');
    expect(waffleHeadline(row(data.figures, 'oecd-events-total'), 'fr')).toBe(`Plus de 70${N}000 événements`);
    expect(waffleHeadline(row(data.figures, 'oecd-events-total'))).toBe('More than 70,000 events');
  });
});

describe('French data tables', () => {
  it('every chart table, and the map tables, have French captions, headers and cells', () => {
    for (const kind of CHART_KINDS) expectFrench(tableTexts(chartTable(data, kind, 'fr')), kind);
    expectFrench(tableTexts(corridorsTable(data, 'fr')), 'corridors');
    expectFrench(tableTexts(convoysTable(data, 'fr')), 'convoys');
  });

  it('tablesForStep gives the same tables in French, in French', () => {
    for (const name of Object.keys(states)) {
      const english = tablesForStep(data, states, name);
      const french = tablesForStep(data, states, name, 'fr');
      expect(french.map((t) => t.rows.length), name).toEqual(english.map((t) => t.rows.length));
      expect(french.map((t) => t.sourceIds), name).toEqual(english.map((t) => t.sourceIds));
      for (const table of french) expectFrench(tableTexts(table), `${name}: ${table.caption}`);
    }
  });

  it('keeps the English tables as they were', () => {
    expect(chartTable(data, 'fuel-prices').columns[0]).toBe('Date');
    expect(chartTable(data, 'timeline').columns).toContain('After the article');
    expect(corridorsTable(data).caption).toBe('Corridors drawn on the map (schematic)');
  });
});

describe('titles and figure addresses', () => {
  it('every graphic has a French title', () => {
    for (const kind of GRAPHIC_KINDS) {
      expect(graphicTitle(kind, 'fr')).not.toBe(graphicTitle(kind));
      expectFrench([graphicTitle(kind, 'fr')], kind);
    }
  });

  it('the figure endpoint draws in the language of its address', async () => {
    const { GET } = await import('../../../src/pages/figures/[state].svg');
    const { GET: frenchGET, getStaticPaths } = await import('../../../src/pages/fr/figures/[state].svg');
    const { props } = getStaticPaths().find((p) => p.params.state === 'convoys-escorted-narrow')!;
    const draw = async (get: typeof GET, path: string, currentLocale?: string) =>
      (await (get as (c: unknown) => Promise<Response> | Response)({ props, url: new URL(`https://example.org${path}`), currentLocale })).text();
    const french = await draw(frenchGET, '/fr/figures/convoys-escorted-narrow.svg');
    expect(french).toContain('Carte du Mali et des routes vers Bamako');
    expect(french).toContain('citernes rallient');
    expectFrench(svgTexts(french), 'French figure');
    expect(await draw(frenchGET, '/anything.svg', 'fr')).toBe(french);
    const english = await draw(GET, '/figures/convoys-escorted-narrow.svg');
    expect(english).toContain('Map of Mali and the roads into Bamako');
    expect(english).toContain('tankers reach');
  });

  it('French figures live under /fr/figures/', () => {
    expect(figureHref('map-frame', 'wide', 'fr')).toMatch(/\/fr\/figures\/map-frame\.svg$/);
    expect(figureHref('map-frame', 'narrow', 'fr')).toMatch(/\/fr\/figures\/map-frame-narrow\.svg$/);
    expect(figureHref('map-frame', 'wide')).toMatch(/^\/(?:[\w-]+\/)?figures\/map-frame\.svg$/);
  });
});
