/**
 * Small hand-made rows for the chart tests. They are not the site's data and
 * make no claim about Mali: they exist to exercise every kind of mark
 * (day/month precision, single values/ranges, missing values, hostile text).
 */
import type {
  ElectricityObservation,
  FuelPrice,
  KeyFigure,
  Place,
  SchoolClosure,
  SiteData,
  TimelineEvent,
} from '../../../src/data/schema';
import { HOSTILE } from './shared';

function place(id: string, name: string): Place {
  return {
    id,
    name,
    name_fr: name,
    kind: 'town',
    country: 'MLI',
    region: undefined,
    lon: -7,
    lat: 13,
    geonames_id: undefined,
    coordinates_from: 'manual',
    source_ids: ['src-geo'],
  };
}

export const PLACES: Place[] = [place('town-a', 'Town A'), place('town-b', 'Town B'), place('evil', HOSTILE)];

function price(id: string, date: string, min: number, max: number, market: FuelPrice['market'], placeId?: string): FuelPrice {
  return {
    id,
    place: placeId,
    date,
    price_cfa_min: min,
    price_cfa_max: max,
    market,
    fuel: 'petrol',
    confidence: 'confirmed',
    source_ids: [`src-${id}`],
    note: undefined,
    note_fr: undefined,
  };
}

export const FUEL: FuelPrice[] = [
  price('p-day-single', '2025-03-10', 800, 800, 'official', 'town-a'),
  price('p-day-range', '2025-05-20', 1500, 2000, 'informal', 'town-b'),
  price('p-month-single', '2025-04', 700, 700, 'official', 'town-a'),
  price('p-month-range', '2025-06', 1200, 1600, 'informal'),
  // Two rows the same day: drawn side by side.
  price('p-same-day-1', '2025-07-01', 900, 900, 'official', 'town-a'),
  price('p-same-day-2', '2025-07-01', 2100, 2100, 'informal', 'evil'),
];

function observation(
  id: string,
  date: string,
  measure: ElectricityObservation['measure'],
  min: number | undefined,
  max: number | undefined,
  placeId = 'town-a',
): ElectricityObservation {
  return { id, place: placeId, date, measure, value_min: min, value_max: max, confidence: 'confirmed', source_ids: [`src-${id}`], note: undefined, note_fr: undefined };
}

export const ELECTRICITY: ElectricityObservation[] = [
  observation('e-2025-supply', '2025-10-27', 'supply_hours_per_day', 6, 6),
  observation('e-2024-outage', '2024-01', 'outage_hours_per_day', 5, 10),
  observation('e-after-range', '2026-01-09', 'supply_hours_per_day', 2, 5, 'evil'),
  observation('e-days', '2025-11', 'days_without_power', 30, 30, 'town-b'),
  observation('e-missing', '2025-12-10', 'outage_hours_per_day', undefined, undefined),
];

export const CLOSURES: SchoolClosure[] = [
  {
    id: 'c-national',
    start_date: '2025-10-27',
    end_date: '2025-11-09',
    reopen_date: '2025-11-10',
    scope: HOSTILE,
    scope_fr: HOSTILE,
    announced: '2025-10-26',
    source_ids: ['src-closure'],
    note: undefined,
  },
];

function figure(id: string, label: string, value: number, extra: Partial<KeyFigure> = {}): KeyFigure {
  return {
    id,
    label,
    label_fr: label,
    value,
    value_max: undefined,
    unit: '%',
    unit_fr: '%',
    qualifier: 'about',
    period: '2000–2024',
    period_fr: '2000–2024',
    after_article: false,
    scope: 'Somewhere',
    scope_fr: 'Quelque part',
    confidence: 'confirmed',
    source_ids: [`src-${id}`],
    note: undefined,
    ...extra,
  };
}

export const FIGURES: KeyFigure[] = [
  figure('oecd-events-within-1km-road', `Violent events within 1 km of a road ${HOSTILE}`, 70),
  figure('oecd-fatalities-within-1km-road', 'Fatalities within 1 km of a road', 63.6),
  figure('unrelated', 'Something else', 5, { unit: 'people' }),
];

function event(id: string, date: string, category: TimelineEvent['category'], extra: Partial<TimelineEvent> = {}): TimelineEvent {
  return {
    id,
    date,
    end_date: undefined,
    title: `Event ${id}`,
    title_fr: `Événement ${id}`,
    category,
    regions: [],
    places: [],
    confidence: 'confirmed',
    source_ids: [`src-${id}`],
    note: undefined,
    note_fr: undefined,
    map_note: undefined,
    map_note_fr: undefined,
    ...extra,
  };
}

export const TIMELINE: TimelineEvent[] = [
  event('t-2012', '2012-01-16', 'security'),
  event('t-2013-month', '2013-01', 'international'),
  event('t-2024-end', '2024-12-31', 'politics'),
  event('t-2025-start', '2025-01-01', 'politics'),
  event('t-same-1', '2025-09-03', 'blockade'),
  event('t-same-2', '2025-09-03', 'security', { confidence: 'party-claim' }),
  event('t-span', '2025-10-27', 'governance', { end_date: '2025-11-09' }),
  event('t-hostile', '2025-11-03', 'energy', { title: `A long title that will need wrapping ${HOSTILE}` }),
];

export function siteData(overrides: Partial<SiteData> = {}): SiteData {
  return {
    sources: [],
    places: PLACES,
    timeline: TIMELINE,
    fuelPrices: FUEL,
    exchangeRates: [],
    electricity: ELECTRICITY,
    tankers: [],
    convoys: [],
    schoolClosures: CLOSURES,
    corridors: [],
    figures: FIGURES,
    articleCorrections: [],
    articleSections: [], scenarios: [], scenarioDimensions: [], scenarioAssessment: [],
    scenarioAssumptions: [], scenarioRules: [], signposts: [], signpostObservations: [], scenarioCorridors: [],
    glossary: [], changelog: [],
    ...overrides,
  };
}
