/** Gathers what the map renderer needs from data/ and the committed geometry. */
import type { SiteData } from '../data/schema';
import { getMapGeometry, type MapGeometry } from './geo';
import type { MapData } from './render-map';

export function buildMapData(data: SiteData, geometry: MapGeometry): MapData {
  return {
    geometry,
    places: data.places,
    corridors: data.corridors,
    tankers: data.tankers,
    convoys: data.convoys,
    timeline: data.timeline,
  };
}

export function mapDataFor(data: SiteData): MapData {
  return buildMapData(data, getMapGeometry());
}

/** Sources behind the map itself: the geometry, the towns and the corridors shown. */
export function mapSourceIds(data: SiteData): string[] {
  return [
    'natural-earth',
    'natural-earth-rivers',
    'geonames',
    ...data.corridors.flatMap((c) => c.source_ids),
  ];
}
