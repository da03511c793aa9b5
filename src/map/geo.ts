/**
 * The committed TopoJSON (made by tools/mapdata) turned into GeoJSON
 * features, once, at build time. Nothing here runs in the browser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { feature, merge, mesh } from 'topojson-client';
import type { Topology, GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, MultiLineString, MultiPolygon } from 'geojson';

export interface CountryProps { name: string; name_fr: string; neighbour: boolean }
export interface RegionProps { name: string; name_fr: string }
export interface RiverProps { name: string }

export interface MapGeometry {
  countries: Feature<Geometry, CountryProps>[];
  regions: Feature<Geometry, RegionProps>[];
  rivers: Feature<Geometry, RiverProps>[];
  /** Mali's outer border, as one line shared exactly with its regions. */
  maliOutline: MultiLineString;
  /** All countries as one shape, and their borders drawn once each: half the bytes of a path per country. */
  land: MultiPolygon;
  countryBorders: MultiLineString;
  /** Mali's seven neighbours as one shape, for a slightly darker fill. */
  neighbours: MultiPolygon;
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

type Area = TopoPolygon<CountryProps> | TopoMultiPolygon<CountryProps>;
function isArea(g: GeometryCollection<CountryProps>['geometries'][number]): g is Area {
  return g.type === 'Polygon' || g.type === 'MultiPolygon';
}

export function toMapGeometry(topology: MaliTopology): MapGeometry {
  const { countries, regions, rivers } = topology.objects;
  return {
    countries: features(feature(topology, countries)),
    regions: features(feature(topology, regions)),
    rivers: features(feature(topology, rivers)),
    maliOutline: mesh(topology, regions, (a, b) => a === b),
    land: merge(topology, countries.geometries.filter(isArea)),
    countryBorders: mesh(topology, countries, (a, b) => a !== b && a.id !== 'MLI' && b.id !== 'MLI'),
    neighbours: merge(
      topology,
      countries.geometries.filter(isArea).filter((g) => g.properties?.neighbour),
    ),
  };
}

let cached: MapGeometry | undefined;
export function getMapGeometry(): MapGeometry {
  cached ??= toMapGeometry(readTopology());
  return cached;
}
