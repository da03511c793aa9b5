/**
 * What /downloads/ and /og/ hold, and how each file is made. The endpoints in
 * src/pages call these; the tests call them too, so a file's name, its
 * contents and the links to it come from one place.
 *
 *   downloads/<state>.svg, .png      one card per story state (title, graphic, sources, credit)
 *   downloads/scenarios.svg, .png    the scenario comparison card
 *   downloads/<dataset file>.csv     the data rows behind each embed (see embeds.ts)
 *   og/story.png, og/<chapter>.png   1200×630 link previews
 *
 * Each in French too, under /fr/ (fr/downloads/…, fr/og/…): the same files,
 * their words in French (./csv.ts for the CSV columns).
 */
import type { SiteData } from '../data/schema';
import { citedSources, shortCitation } from '../data/sources';
import { factsAsOfText } from '../data/currency';
import { GRAPHIC_STATES, getGraphicState } from '../story/graphic-states';
import { graphicTitle } from '../story/graphic-titles';
import { renderGraphic } from '../story/render-graphic';
import { sourceIdsForState } from '../story/state-sources';
import { stepForState, storyChapters } from '../story/story-steps';
import { mapDataFor } from '../map/map-data';
import { renderCorridorSketch, type CorridorStatus } from '../map/corridor-sketch';
import { SCENARIO_IDS } from '../scenarios/model';
import { graphicCard, scenariosCard, socialCard, standaloneSketch, type CardWords } from './card';
import { EMBEDS, LICENCE, creditIn, embedForState, getEmbed } from './embeds';
import { embedSourceIds } from './sources';
import type { Locale } from '../i18n/locale';
import { textOf } from '../i18n/data-text';
import { typographer } from '../i18n/typography';
import { sitePathIn } from './share-fields';
import { storyChaptersIn } from '../story/story-steps';
import { say } from './words';

/** Builds absolute addresses on the site: (path within the site) → URL. */
export type SiteLink = (path: string) => string;

export function sourcesText(data: SiteData, ids: readonly string[], locale: Locale = 'en'): string {
  const sources = citedSources(data, ids);
  const list = sources.map((s) => shortCitation(s, locale)).join('; ');
  return say(locale, sources.length > 1 ? 'embeds.card.sources' : 'embeds.card.source', { list });
}

/** Every image name under downloads/: the story's states, then the scenarios. */
export function downloadImageNames(): string[] {
  return [...Object.keys(GRAPHIC_STATES), 'scenarios'];
}

/** Every CSV file under downloads/, with the dataset it holds. */
export function downloadCsvFiles() {
  const seen = new Map<string, (typeof EMBEDS)[number]['datasets'][number]>();
  for (const embed of EMBEDS) for (const d of embed.datasets) seen.set(d.file, d);
  return [...seen.values()];
}

/** The story address of a state: the first step that shows it ("/fr/#step" in French; steps share their ids). */
export function storyStepPath(stateName: string, locale: Locale = 'en'): string {
  const step = stepForState(stateName);
  return sitePathIn(locale, step ? `/#${step.id}` : '/');
}

/** The card of one story state, as the SVG download, its words in one language. */
export function stateCardSvg(data: SiteData, stateName: string, link: SiteLink, locale: Locale = 'en'): string {
  const state = getGraphicState(stateName);
  const embed = embedForState(stateName, locale);
  const graphic = renderGraphic(data, state, { mode: 'static', title: graphicTitle(state.kind, locale), idPrefix: `card-${stateName}`, locale }, 'wide');
  const words: CardWords = {
    title: embed.title,
    subtitle: embed.subtitle,
    notes: embed.notes,
    sources: sourcesText(data, sourceIdsForState(data, state), locale),
    url: link(storyStepPath(stateName, locale)),
    credit: creditIn(locale),
    licence: LICENCE,
    asOf: factsAsOfText(data, locale),
  };
  return graphicCard(graphic, words);
}

export interface ScenarioLabels {
  (key: string): string;
}

function scenarioSketches(data: SiteData, label: ScenarioLabels, locale: Locale) {
  const mapData = mapDataFor(data);
  return SCENARIO_IDS.map((id) => {
    const scenario = data.scenarios.find((s) => s.id === id);
    if (!scenario) throw new Error(`data/scenarios.csv: no scenario "${id}"`);
    const row = data.scenarioCorridors.find((r) => r.scenario === id);
    const status: CorridorStatus = row?.status ?? 'not-covered';
    const statuses = new Map<string, CorridorStatus>((row?.corridors ?? []).map((c) => [c, status]));
    const statusText = label(`status-${status}`);
    const sketch = renderCorridorSketch(mapData, statuses, { width: 240, height: 220 }, {
      title: say(locale, 'embeds.card.sketchTitle', { numeral: scenario.numeral, status: statusText.toLowerCase() }),
      idPrefix: `card-sketch-${id}`,
      locale,
    });
    return { scenario, sketch, status, statusText };
  });
}

/**
 * The scenario comparison card, as the SVG download.
 * @param label the scenario explorer's labels in `locale` (content/pages/scenarios.mdx or content/fr/pages/scenarios.mdx)
 */
export function scenariosCardSvg(data: SiteData, label: ScenarioLabels, link: SiteLink, locale: Locale = 'en'): string {
  const embed = getEmbed('scenarios', locale);
  const cells = scenarioSketches(data, label, locale).map(({ scenario, sketch, statusText }) => ({
    numeral: scenario.numeral,
    title: textOf(scenario, 'title', locale),
    sketchSvg: standaloneSketch(sketch),
    status: say(locale, 'embeds.card.corridors', { status: statusText.toLowerCase() }),
    summary: textOf(scenario, 'summary', locale),
  }));
  return scenariosCard(cells, {
    title: embed.title,
    subtitle: embed.subtitle,
    notes: embed.notes,
    sources: sourcesText(data, embedSourceIds(data, embed), locale),
    url: link(sitePathIn(locale, '/scenarios/')),
    credit: creditIn(locale),
    licence: LICENCE,
    asOf: factsAsOfText(data, locale),
  });
}

/** Link previews: the whole story, and each chapter, pictured by its first graphic. */
export function socialImageNames(): string[] {
  return ['story', ...storyChapters().map((c) => c.chapter)];
}

/** A link preview, its words in one language (the French chapters' own titles and summaries). */
export function socialCardSvg(data: SiteData, name: string, locale: Locale = 'en'): string {
  const chapters = storyChaptersIn(locale);
  const chapter = chapters.find((c) => c.chapter === name);
  if (name !== 'story' && !chapter) throw new Error(`no chapter "${name}"`);
  const stateName = (chapter ?? chapters[0])?.steps[0]?.state;
  if (!stateName) throw new Error(`chapter "${name}" has no step`);
  const state = getGraphicState(stateName);
  const graphic = renderGraphic(data, state, { mode: 'static', title: graphicTitle(state.kind, locale), idPrefix: `og-${name}`, locale }, 'wide');
  const text = typographer(locale);
  return socialCard(graphic, {
    kicker: chapter ? say(locale, 'embeds.og.chapterKicker', { n: chapter.order }) : say(locale, 'embeds.og.storyKicker'),
    title: chapter ? text(chapter.title) : say(locale, 'embeds.og.storyTitle'),
    summary: chapter ? text(chapter.summary) : say(locale, 'embeds.og.storySummary'),
    credit: creditIn(locale),
  });
}
