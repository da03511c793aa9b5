/**
 * Every graphic a journalist can take away: one per chart, one per distinct
 * view of the map, and the scenario comparison. Each has an embed page
 * (/embed/<id>/), downloads (/downloads/…) and a "Share / embed / download"
 * control in the story. The list is derived from the story's graphic states,
 * so a new chart or map view in the story gets its embed without code here,
 * apart from its words below.
 */
import { GRAPHIC_STATES, type GraphicStateName } from '../story/graphic-states';
import type { GraphicKind, GraphicState } from '../story/graphic-state';
import type { MapView } from '../map/map-state';
import type { DatasetName } from '../data/schema';
import { DEFAULT_WAFFLE_IDS } from '../charts/roads-waffle';

/** Words shown around a graphic: a title, a one-line subtitle and notes. */
export interface EmbedWords {
  title: string;
  subtitle: string;
  notes: string[];
}

/** The rows of one file in data/ that a graphic draws on, offered as a CSV download. */
export interface EmbedDataset {
  /** File name under /downloads/, without ".csv". */
  file: string;
  dataset: DatasetName;
  /** What the rows are, for the download link. */
  label: string;
  /** Only these row ids (in data order); undefined = every row of the file. */
  ids?: readonly string[];
}

export interface GraphicEmbed extends EmbedWords {
  type: 'graphic';
  id: string;
  kind: GraphicKind;
  /** The story's graphic states this graphic shows, in story order; the first is its default. */
  states: GraphicStateName[];
  datasets: EmbedDataset[];
}

export interface ScenariosEmbed extends EmbedWords {
  type: 'scenarios';
  id: 'scenarios';
  states: [];
  datasets: EmbedDataset[];
}

export type Embed = GraphicEmbed | ScenariosEmbed;

const MAP_NOTE = 'Roads are drawn schematically between the towns they pass through. Regions as before Mali’s 2023 reform.';

/** The words of each chart, and of each map view the story uses. Keys and scales are in the graphics themselves. */
const CHART_WORDS: Record<Exclude<GraphicKind, 'map'>, EmbedWords & { datasets: EmbedDataset[] }> = {
  'roads-waffle': {
    title: 'Violence near roads in North and West Africa',
    subtitle: 'Share of recorded violent events, and of the deaths they caused, within one kilometre of a road.',
    notes: [],
    datasets: [{ file: 'roads-waffle', dataset: 'figures', label: 'Figures on violence near roads', ids: [DEFAULT_WAFFLE_IDS.events, DEFAULT_WAFFLE_IDS.fatalities] }],
  },
  'fuel-prices': {
    title: 'Fuel prices observed in 2025',
    subtitle: 'Price of a litre of fuel in Mali, in CFA francs, at the pump and on the informal market, as reported.',
    notes: [],
    datasets: [{ file: 'fuel-prices', dataset: 'fuelPrices', label: 'Fuel prices' }],
  },
  electricity: {
    title: 'Hours of electricity reported',
    subtitle: 'Hours of power, or of power cuts, per day in Malian cities, as reported before and during the crisis.',
    notes: [],
    datasets: [{ file: 'electricity', dataset: 'electricity', label: 'Electricity supply reports' }],
  },
  'school-calendar': {
    title: 'School closures, autumn 2025',
    subtitle: 'The days Mali’s schools and universities were closed because fuel shortages stopped transport.',
    notes: [],
    datasets: [{ file: 'school-calendar', dataset: 'schoolClosures', label: 'School closures' }],
  },
  timeline: {
    title: 'Mali since 2012: a timeline',
    subtitle: 'Rebellions, coups, changing partners and the blockade: the events behind the crisis. Shaded: events after the article of 9 December 2025.',
    notes: [],
    datasets: [{ file: 'timeline', dataset: 'timeline', label: 'Timeline events' }],
  },
};

/**
 * The map has two embeds: the corridors to the ports (the "frame" view), and
 * Mali itself, whose steps zoom to a region (west, south, centre) or show the
 * whole country. Grouping by these, not by view, keeps embed addresses
 * stable when a step's view changes.
 */
type MapEmbedGroup = 'frame' | 'mali';
function mapEmbedGroup(view: MapView): MapEmbedGroup {
  return view === 'frame' ? 'frame' : 'mali';
}

const MAP_WORDS: Record<MapEmbedGroup, EmbedWords & { datasets: EmbedDataset[] }> = {
  frame: {
    title: 'The roads that bring Mali its fuel',
    subtitle: 'Mali has no coast: its fuel comes by road from Atlantic ports, along a few corridors into Bamako.',
    notes: [MAP_NOTE],
    datasets: [{ file: 'map-frame-corridors', dataset: 'corridors', label: 'Corridors' }],
  },
  mali: {
    title: 'Mali under blockade',
    subtitle: 'The regions, roads and towns where the 2025 blockade, the attacks on convoys and the escorts played out.',
    notes: [MAP_NOTE],
    datasets: [
      { file: 'map-mali-corridors', dataset: 'corridors', label: 'Corridors' },
      { file: 'map-mali-convoys', dataset: 'convoys', label: 'Convoys attacked or arrived' },
      { file: 'map-mali-tankers', dataset: 'tankers', label: 'Reports of tankers destroyed' },
    ],
  },
};

const SCENARIOS: ScenariosEmbed = {
  type: 'scenarios',
  id: 'scenarios',
  title: 'Four scenarios for Mali',
  subtitle: 'The four ways the crisis could go, as Jonas Schaaf’s analysis for the PRIF Blog sets them out, side by side.',
  notes: ['A reading aid built from the article’s reasoning, not a forecast of our own.'],
  states: [],
  datasets: [
    { file: 'scenarios', dataset: 'scenarios', label: 'The four scenarios' },
    { file: 'scenario-dimensions', dataset: 'scenarioDimensions', label: 'The scenarios compared, dimension by dimension' },
  ],
};

function embedIdFor(state: GraphicState): string {
  return state.kind === 'map' ? `map-${mapEmbedGroup(state.view)}` : state.kind;
}

function buildEmbeds(): Embed[] {
  const byId = new Map<string, GraphicEmbed>();
  for (const [name, state] of Object.entries(GRAPHIC_STATES) as [GraphicStateName, GraphicState][]) {
    const id = embedIdFor(state);
    const existing = byId.get(id);
    if (existing) {
      existing.states.push(name);
      continue;
    }
    const words = state.kind === 'map' ? MAP_WORDS[mapEmbedGroup(state.view)] : CHART_WORDS[state.kind];
    if (!words) throw new Error(`src/embeds/embeds.ts: no title or subtitle for the "${id}" graphic; add its words.`);
    byId.set(id, { type: 'graphic', id, kind: state.kind, states: [name], ...words, notes: [...words.notes], datasets: [...words.datasets] });
  }
  return [...byId.values(), SCENARIOS];
}

export const EMBEDS: readonly Embed[] = buildEmbeds();

export function getEmbed(id: string): Embed {
  const embed = EMBEDS.find((e) => e.id === id);
  if (!embed) throw new Error(`unknown embed "${id}"`);
  return embed;
}

/** The embeddable graphic that shows a story state. */
export function embedForState(stateName: string): GraphicEmbed {
  const embed = EMBEDS.find((e): e is GraphicEmbed => e.type === 'graphic' && (e.states as string[]).includes(stateName));
  if (!embed) throw new Error(`no embed shows the state "${stateName}"`);
  return embed;
}

/** The credit every graphic carries, in its embed page, its image and its CSV. */
export const CREDIT = 'Lifelines: Mali’s roads, fuel and power';
export const LICENCE = 'CC BY 4.0';
export const LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/';
