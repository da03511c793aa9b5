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
import type { Locale } from '../i18n/locale';
import { frenchTypography } from '../i18n/typography';
import { t } from '../i18n/strings';

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

/** An embed's words in another language: title, subtitle, notes, and one label per dataset, in the order of its datasets. */
interface LocalWords {
  title: string;
  subtitle: string;
  notes: string[];
  datasetLabels: string[];
}

const MAP_NOTE_FR = 'Les routes sont tracées de façon schématique entre les villes qu’elles traversent. Régions selon le découpage antérieur à la réforme malienne de 2023.';

/** The French of CHART_WORDS, MAP_WORDS and SCENARIOS: typed by the same keys, so a new graphic without its French is a type error. */
const CHART_WORDS_FR: Record<keyof typeof CHART_WORDS, LocalWords> = {
  'roads-waffle': {
    title: 'La violence près des routes en Afrique du Nord et de l’Ouest',
    subtitle: 'Part des violences recensées, et des morts qu’elles ont causées, à moins d’un kilomètre d’une route.',
    notes: [],
    datasetLabels: ['Chiffres sur la violence près des routes'],
  },
  'fuel-prices': {
    title: 'Les prix du carburant relevés en 2025',
    subtitle: 'Prix d’un litre de carburant au Mali, en francs CFA, à la pompe et sur le marché informel, tels que rapportés.',
    notes: [],
    datasetLabels: ['Prix du carburant'],
  },
  electricity: {
    title: 'Les heures d’électricité rapportées',
    subtitle: 'Heures de courant, ou de coupure, par jour dans des villes maliennes, telles que rapportées avant et pendant la crise.',
    notes: [],
    datasetLabels: ['Relevés de la fourniture d’électricité'],
  },
  'school-calendar': {
    title: 'Les fermetures d’écoles, automne 2025',
    subtitle: 'Les jours où les écoles et les universités du Mali ont été fermées parce que la pénurie de carburant avait paralysé les transports.',
    notes: [],
    datasetLabels: ['Fermetures d’écoles'],
  },
  timeline: {
    title: 'Le Mali depuis 2012 : chronologie',
    subtitle: 'Rébellions, coups d’État, changements de partenaires et blocus : les événements à l’origine de la crise. En grisé : les événements postérieurs à l’article du 9 décembre 2025.',
    notes: [],
    datasetLabels: ['Événements de la chronologie'],
  },
};

const MAP_WORDS_FR: Record<MapEmbedGroup, LocalWords> = {
  frame: {
    title: 'Les routes qui apportent au Mali son carburant',
    subtitle: 'Le Mali n’a pas d’accès à la mer : son carburant arrive par la route depuis les ports de l’Atlantique, le long de quelques axes jusqu’à Bamako.',
    notes: [MAP_NOTE_FR],
    datasetLabels: ['Axes routiers'],
  },
  mali: {
    title: 'Le Mali sous blocus',
    subtitle: 'Les régions, les routes et les villes où se sont joués le blocus de 2025, les attaques contre les convois et les escortes.',
    notes: [MAP_NOTE_FR],
    datasetLabels: ['Axes routiers', 'Convois attaqués ou arrivés', 'Signalements de camions-citernes détruits'],
  },
};

const SCENARIOS_FR: LocalWords = {
  title: 'Quatre scénarios pour le Mali',
  subtitle: 'Les quatre tournures que pourrait prendre la crise, telles que les expose l’analyse de Jonas Schaaf pour le PRIF Blog, côte à côte.',
  notes: ['Une aide à la lecture tirée du raisonnement de l’article, et non une prévision de notre part.'],
  datasetLabels: ['Les quatre scénarios', 'Les scénarios comparés, dimension par dimension'],
};

function frenchWords(embed: Embed): LocalWords {
  if (embed.type === 'scenarios') return SCENARIOS_FR;
  if (embed.kind !== 'map') return CHART_WORDS_FR[embed.kind];
  return MAP_WORDS_FR[embed.id === 'map-frame' ? 'frame' : 'mali'];
}

/** The embed with its words in French, every string set in French typography (no-break spaces before : ; ! ?). */
function frenchEmbed(embed: Embed): Embed {
  const words = frenchWords(embed);
  if (words.datasetLabels.length !== embed.datasets.length) {
    throw new Error(`src/embeds/embeds.ts: the "${embed.id}" graphic has ${embed.datasets.length} datasets but ${words.datasetLabels.length} French labels`);
  }
  return {
    ...embed,
    title: frenchTypography(words.title),
    subtitle: frenchTypography(words.subtitle),
    notes: words.notes.map(frenchTypography),
    states: [...embed.states],
    datasets: embed.datasets.map((d, i) => ({ ...d, label: frenchTypography(words.datasetLabels[i]!) })),
  } as Embed;
}

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

const FRENCH_EMBEDS: readonly Embed[] = EMBEDS.map(frenchEmbed);

/** Every embed, its words in one language (the same ids, states and datasets in both). */
export function embedsIn(locale: Locale): readonly Embed[] {
  return locale === 'fr' ? FRENCH_EMBEDS : EMBEDS;
}

/** One embed in a language: English gives the very object of EMBEDS. */
export function getEmbed(id: string, locale: Locale = 'en'): Embed {
  const embed = embedsIn(locale).find((e) => e.id === id);
  if (!embed) throw new Error(`unknown embed "${id}"`);
  return embed;
}

/** The embeddable graphic that shows a story state. */
export function embedForState(stateName: string, locale: Locale = 'en'): GraphicEmbed {
  const embed = embedsIn(locale).find((e): e is GraphicEmbed => e.type === 'graphic' && (e.states as string[]).includes(stateName));
  if (!embed) throw new Error(`no embed shows the state "${stateName}"`);
  return embed;
}

/** The credit every graphic carries, in its embed page, its image and its CSV. */
export const CREDIT = 'Lifelines: Mali’s roads, fuel and power';
export const LICENCE = 'CC BY 4.0';
export const LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/';

/** The credit in a language: the site's name ("Artères vitales : routes, carburant et électricité au Mali"). */
export function creditIn(locale: Locale): string {
  return locale === 'en' ? CREDIT : frenchTypography(t(locale, 'site.name'));
}

/** The licence's deed in the reader's language (Creative Commons publishes each deed in French). */
export function licenceUrlIn(locale: Locale): string {
  return locale === 'fr' ? `${LICENCE_URL}deed.fr` : LICENCE_URL;
}
