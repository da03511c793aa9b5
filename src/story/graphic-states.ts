/**
 * The named states of the story's graphic, in the order the story first
 * uses them. content/story/*.mdx names one per step; what each shows is
 * declared here as data (ids refer to rows in data/), never as code.
 */
import type { GraphicState } from './graphic-state';
import { DEFAULT_MAP_STATE, type MapState } from '../map/map-state';

const map = (state: Partial<Omit<MapState, 'kind'>>): MapState => ({ ...DEFAULT_MAP_STATE, ...state });

export const GRAPHIC_STATES = {
  // 1. Lifelines
  'corridors-overview': map({
    view: 'frame',
    labels: ['bamako', 'dakar', 'abidjan', 'conakry', 'nioro-du-sahel', 'gao'],
  }),
  'corridors-ports': map({
    view: 'frame',
    corridors: ['dakar-bamako', 'dakar-bamako-south', 'abidjan-bamako'],
    labels: ['bamako', 'dakar', 'abidjan', 'kayes', 'diema', 'kita', 'sikasso', 'bougouni', 'zegoua'],
  }),
  // 2. The blockade
  'blockade-west': map({
    view: 'west',
    highlight: ['ML-1'],
    corridors: ['dakar-bamako', 'nioro-bamako'],
    labels: ['bamako', 'kayes', 'nioro-du-sahel'],
    annotations: [{ type: 'event', event: '2025-blockade-announced' }],
  }),
  'convoy-attacks-west': map({
    view: 'west',
    highlight: ['ML-1', 'ML-2'],
    layers: ['rivers', 'corridors', 'towns', 'tanker-attacks'],
    corridors: ['dakar-bamako', 'nioro-bamako'],
    labels: ['bamako', 'kayes', 'didieni', 'nioro-du-sahel'],
    annotations: [{ type: 'event', event: '2025-09-13-convoy-attack' }],
  }),
  'convoy-attacks-south': map({
    view: 'south',
    highlight: ['ML-3'],
    layers: ['rivers', 'corridors', 'towns', 'tanker-attacks'],
    corridors: ['abidjan-bamako'],
    labels: ['bamako', 'sikasso', 'bougouni', 'kolondieba', 'kadiolo', 'zegoua'],
    annotations: [{ type: 'event', event: '2025-12-06-bougouni-ambush' }],
  }),
  'violence-spreads': map({
    view: 'southwest',
    highlight: ['ML-1', 'ML-2', 'ML-3', 'ML-4', 'ML-BKO'],
    layers: ['rivers', 'towns', 'tanker-attacks'],
    labels: ['bamako', 'kayes', 'segou', 'sikasso', 'nioro-du-sahel'],
    annotations: [{ type: 'event', event: '2024-bamako-attack' }],
  }),
  // 3. Who fights where
  'actors-macina': map({
    view: 'centre',
    highlight: ['ML-4', 'ML-5'],
    layers: ['rivers', 'towns'],
    labels: ['segou', 'mopti', 'djenne', 'niono', 'san', 'bamako'],
  }),
  'actors-serma': map({
    view: 'mali',
    highlight: ['ML-5'],
    layers: ['rivers', 'towns'],
    labels: ['mopti', 'douentza', 'boni', 'hombori', 'sikasso'],
  }),
  'actors-state-forces': map({
    view: 'south',
    highlight: ['ML-3'],
    layers: ['rivers', 'corridors', 'towns', 'convoys'],
    corridors: ['abidjan-bamako'],
    labels: ['bamako', 'sikasso', 'kadiolo', 'kolondieba', 'zegoua'],
    annotations: [{ type: 'event', event: '2025-11-dirpa-triangle' }],
  }),
  // 4. Roads and violence
  'roads-events': { kind: 'roads-waffle', groups: ['events'], highlight: [] },
  'roads-fatalities': { kind: 'roads-waffle', groups: [], highlight: ['oecd-fatalities-within-1km-road'] },
  // 5. Daily life
  'prices-official': { kind: 'fuel-prices', groups: ['official'], highlight: ['bamako-2025-03-27-petrol', 'bamako-2025-03-27-diesel'] },
  'prices-informal': {
    kind: 'fuel-prices',
    groups: [],
    highlight: ['mopti-2025-09-informal', 'bamako-2025-10-29-black-market'],
  },
  'prices-queues': {
    kind: 'fuel-prices',
    groups: [],
    highlight: ['bamako-2025-10-29-pump', 'bamako-2025-10-29-black-market', 'kolondieba-2025-11-08-petrol'],
  },
  'power-hours': {
    kind: 'electricity',
    groups: ['before-2025', '2025'],
    highlight: ['bamako-2025-11-afp-supply', 'mopti-2025-11-outages'],
  },
  'schools-closed': { kind: 'school-calendar', groups: [], highlight: [] },
  // 6. Armed groups in the countryside: zakat near Kolongo (Macina, Ségou region), the killing in Tonka (Timbuktu region)
  'rural-north-centre': map({
    view: 'centre',
    highlight: ['ML-4', 'ML-6'],
    layers: ['rivers', 'towns'],
    labels: ['segou', 'niono', 'mopti', 'tonka', 'timbuktu'],
  }),
  // 7. The junta under pressure
  'timeline-2012-2013': {
    kind: 'timeline',
    groups: [],
    highlight: ['2012-northern-towns-fall', '2013-konna-offensive', '2013-serval'],
  },
  'timeline-2017-2021': {
    kind: 'timeline',
    groups: [],
    highlight: ['2017-jnim-formed', '2020-coup', '2021-coup'],
  },
  'timeline-2021-2024': {
    kind: 'timeline',
    groups: [],
    highlight: ['2021-wagner-condemned', '2023-power-cuts', '2023-aes-charter', '2024-kouffa-interview'],
  },
  'timeline-2025': {
    kind: 'timeline',
    groups: [],
    highlight: ['2025-blockade-announced', '2025-10-21-fuga-kene', '2025-11-08-au-statement'],
  },
  // 8. Four scenarios
  'convoys-escorted': map({
    view: 'centre',
    layers: ['rivers', 'corridors', 'towns', 'convoys', 'tanker-attacks'],
    labels: ['bamako', 'segou', 'mopti'],
    annotations: [
      { type: 'convoy', convoy: '2025-11-10-segou' },
      { type: 'convoy', convoy: '2025-12-03-mopti' },
    ],
  }),
} satisfies Record<string, GraphicState>;

export type GraphicStateName = keyof typeof GRAPHIC_STATES;

export function isGraphicStateName(name: string): name is GraphicStateName {
  return Object.hasOwn(GRAPHIC_STATES, name);
}

export function getGraphicState(name: string): GraphicState {
  if (!isGraphicStateName(name)) {
    throw new Error(`Unknown graphic state "${name}": add it to src/story/graphic-states.ts or fix the name in content/story.`);
  }
  return GRAPHIC_STATES[name];
}
