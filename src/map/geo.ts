/**
 * The committed TopoJSON (made by tools/mapdata) turned into GeoJSON
 * features, once, at build time. Nothing here runs in the browser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, MultiLineString } from 'geojson';

export interface CountryProps { name: string; name_fr: string; neighbour: boolean }
export interface RegionProps { name: string; name_fr: string }
export interface RiverProps { name: string }

export interface MapGeometry {
  countries: Feature<Geometry, CountryProps>[];
  regions: Feature<Geometry, RegionProps>[];
  rivers: Feature<Geometry, RiverProps>[];
  /** Mali's outer border, as one line shared exactly with its regions. */
  maliOutline: MultiLineString;
}

type MaliTopology = Topology<{
  countries: GeometryCollection<CountryProps>;
  regions: GeometryCollection<RegionProps>;
  rivers: GeometryCollection<RiverProps>;
}>;

export const TOPOJSON_PATH = join(process.cwd(), 'data', 'geo', 'mali.topo.json');

export function readTopology(path: string = TOPOJSON_PATH): MaliTopology {
  return JSON.parse(readFileSync(path, 'utf8')) as MaliTopology;
}

function features<P>(fc: FeatureCollection<Geometry, P> | Feature<Geometry, P>): Feature<Geometry, P>[] {
  return 'features' in fc ? fc.features : [fc];
}

export function toMapGeometry(topology: MaliTopology): MapGeometry {
  const { countries, regions, rivers } = topology.objects;
  return {
    countries: features(feature(topology, countries)),
    regions: features(feature(topology, regions)),
    rivers: features(feature(topology, rivers)),
    maliOutline: mesh(topology, regions, (a, b) => a === b),
  };
}

let cached: MapGeometry | undefined;
export function getMapGeometry(): MapGeometry {
  cached ??= toMapGeometry(readTopology());
  return cached;
}
