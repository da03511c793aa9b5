/**
 * What a map shows, as plain data. A story step, an embed page and a
 * download all describe the map with one of these, and the same render
 * turns it into SVG, so every route to a step shows the same picture.
 */
export const REGION_IDS = ['ML-1', 'ML-2', 'ML-3', 'ML-4', 'ML-5', 'ML-6', 'ML-7', 'ML-8', 'ML-BKO'] as const;
export type RegionId = (typeof REGION_IDS)[number];

/** Layers that can be switched on and off. Regions and borders are always drawn. */
export const MAP_LAYERS = ['rivers', 'corridors', 'towns', 'tanker-attacks', 'convoys'] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];

/**
 * Named extents: the whole frame (Mali and its ports), the country, or a
 * region a step is about. The regional views are close to square, so that
 * the region fills a phone's tall graphic as well as a desktop's wide one.
 */
export const MAP_VIEWS = {
  frame: { west: -18.2, east: 5.2, south: 4.4, north: 25.2 },
  mali: { west: -13.2, east: 4.6, south: 9.8, north: 25.2 },
  /** The west, south and centre together: Kayes and Nioro du Sahel to Ségou and Sikasso. */
  southwest: { west: -12.8, east: -3.8, south: 9.9, north: 16.4 },
  /** Kayes, Nioro du Sahel, Kolokani and Bamako: the roads from Senegal. */
  west: { west: -12.9, east: -6.5, south: 11.6, north: 16.8 },
  /** Bamako, Bougouni, Sikasso and the Ivorian border: the road from Abidjan. */
  south: { west: -8.9, east: -4.4, south: 9.9, north: 13.3 },
  /** From Bamako through Ségou, Macina and Mopti up to Timbuktu: the inner Niger delta. */
  centre: { west: -8.6, east: -1.2, south: 11.8, north: 17.4 },
} as const;
export type MapView = keyof typeof MAP_VIEWS;

export type MapAnnotation =
  | { type: 'tankers'; claim: string }
  | { type: 'convoy'; convoy: string }
  | { type: 'event'; event: string };

export interface MapState {
  kind: 'map';
  view: MapView;
  /** Regions drawn in the alert colour. */
  highlight: RegionId[];
  layers: MapLayer[];
  /** Corridors drawn when the corridors layer is on; empty means all of them. */
  corridors: string[];
  /** Towns whose names are written on the map. */
  labels: string[];
  annotations: MapAnnotation[];
}

export const DEFAULT_MAP_STATE: MapState = {
  kind: 'map',
  view: 'frame',
  highlight: [],
  layers: ['rivers', 'corridors', 'towns'],
  corridors: [],
  labels: ['bamako', 'dakar', 'abidjan', 'kayes', 'sikasso', 'segou', 'mopti', 'gao', 'timbuktu', 'kidal'],
  annotations: [],
};

export function annotationKey(a: MapAnnotation): string {
  switch (a.type) {
    case 'tankers':
      return `tankers:${a.claim}`;
    case 'convoy':
      return `convoy:${a.convoy}`;
    case 'event':
      return `event:${a.event}`;
  }
}
