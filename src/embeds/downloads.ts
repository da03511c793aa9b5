/**
 * What /downloads/ and /og/ hold, and how each file is made. The endpoints in
 * src/pages call these; the tests call them too, so a file's name, its
 * contents and the links to it come from one place.
 *
 *   downloads/<state>.svg, .png      one card per story state (title, graphic, sources, credit)
 *   downloads/scenarios.svg, .png    the scenario comparison card
 *   downloads/<dataset file>.csv     the data rows behind each embed (see embeds.ts)
 *   og/story.png, og/<chapter>.png   1200×630 link previews
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
import { CREDIT, EMBEDS, LICENCE, embedForState, getEmbed } from './embeds';
import { embedSourceIds } from './sources';

/** Builds absolute addresses on the site: (path within the site) → URL. */
export type SiteLink = (path: string) => string;

export function sourcesText(data: SiteData, ids: readonly string[]): string {
  const sources = citedSources(data, ids);
  return `${sources.length > 1 ? 'Sources' : 'Source'}: ${sources.map((s) => shortCitation(s)).join('; ')}`;
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

/** The story address of a state: the first step that shows it. */
export function storyStepPath(stateName: string): string {
  const step = stepForState(stateName);
  return step ? `/#${step.id}` : '/';
}

/** The card of one story state, as the SVG download. */
export function stateCardSvg(data: SiteData, stateName: string, link: SiteLink): string {
  const state = getGraphicState(stateName);
  const embed = embedForState(stateName);
  const graphic = renderGraphic(data, state, { mode: 'static', title: graphicTitle(state.kind), idPrefix: `card-${stateName}` }, 'wide');
  const words: CardWords = {
    title: embed.title,
    subtitle: embed.subtitle,
    notes: embed.notes,
    sources: sourcesText(data, sourceIdsForState(data, state)),
    url: link(storyStepPath(stateName)),
    credit: CREDIT,
    licence: LICENCE,
    asOf: factsAsOfText(data),
  };
  return graphicCard(graphic, words);
}

export interface ScenarioLabels {
  (key: string): string;
}

function scenarioSketches(data: SiteData, label: ScenarioLabels) {
  const mapData = mapDataFor(data);
  return SCENARIO_IDS.map((id) => {
    const scenario = data.scenarios.find((s) => s.id === id);
    if (!scenario) throw new Error(`data/scenarios.csv: no scenario "${id}"`);
    const row = data.scenarioCorridors.find((r) => r.scenario === id);
    const status: CorridorStatus = row?.status ?? 'not-covered';
    const statuses = new Map<string, CorridorStatus>((row?.corridors ?? []).map((c) => [c, status]));
    const statusText = label(`status-${status}`);
    const sketch = renderCorridorSketch(mapData, statuses, { width: 240, height: 220 }, {
      title: `Scenario ${scenario.numeral}: the main corridors, ${statusText.toLowerCase()} (schematic)`,
      idPrefix: `card-sketch-${id}`,
    });
    return { scenario, sketch, status, statusText };
  });
}

/** The scenario comparison card, as the SVG download. */
export function scenariosCardSvg(data: SiteData, label: ScenarioLabels, link: SiteLink): string {
  const embed = getEmbed('scenarios');
  const cells = scenarioSketches(data, label).map(({ scenario, sketch, statusText }) => ({
    numeral: scenario.numeral,
    title: scenario.title,
    sketchSvg: standaloneSketch(sketch),
    status: `Corridors: ${statusText.toLowerCase()} (schematic)`,
    summary: scenario.summary,
  }));
  return scenariosCard(cells, {
    title: embed.title,
    subtitle: embed.subtitle,
    notes: embed.notes,
    sources: sourcesText(data, embedSourceIds(data, embed)),
    url: link('/scenarios/'),
    credit: CREDIT,
    licence: LICENCE,
    asOf: factsAsOfText(data),
  });
}

/** Link previews: the whole story, and each chapter, pictured by its first graphic. */
export function socialImageNames(): string[] {
  return ['story', ...storyChapters().map((c) => c.chapter)];
}

export function socialCardSvg(data: SiteData, name: string): string {
  const chapters = storyChapters();
  const chapter = chapters.find((c) => c.chapter === name);
  if (name !== 'story' && !chapter) throw new Error(`no chapter "${name}"`);
  const stateName = (chapter ?? chapters[0])?.steps[0]?.state;
  if (!stateName) throw new Error(`chapter "${name}" has no step`);
  const state = getGraphicState(stateName);
  const graphic = renderGraphic(data, state, { mode: 'static', title: graphicTitle(state.kind), idPrefix: `og-${name}` }, 'wide');
  return socialCard(graphic, {
    kicker: chapter ? `Lifelines · Chapter ${chapter.order}` : 'Lifelines · Mali, 2025',
    title: chapter ? chapter.title : 'Mali’s roads, fuel and power, explained',
    summary: chapter
      ? chapter.summary
      : 'How an armed group’s blockade of the roads into Bamako turned into a crisis of fuel, power and trust in the government.',
    credit: CREDIT,
  });
}
