/**
 * Checks the committed map data (data/geo/mali.topo.json and data/places.csv, both
 * written by tools/mapdata/build-map.mjs) by recomputing facts from the geometry
 * rather than comparing against stored answers: a town's region is found with
 * geoContains, Mali's neighbours by the borders they actually share.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { feature } from 'topojson-client';
import { geoArea, geoContains } from 'd3-geo';
import type { Topology, GeometryCollection, GeometryObject } from 'topojson-specification';
import type { Feature, FeatureCollection, GeoJsonProperties, Geometry, Position } from 'geojson';

interface CountryProps { name: string; name_fr: string; neighbour: boolean }
interface RegionProps { name: string; name_fr: string }
interface RiverProps { name: string }
interface PlaceProps { name: string; kind: string }
type MapTopology = Topology<{
  countries: GeometryCollection<CountryProps>;
  regions: GeometryCollection<RegionProps>;
  rivers: GeometryCollection<RiverProps>;
  places: GeometryCollection<PlaceProps>;
}>;

const TOPO_FILE = join(process.cwd(), 'data', 'geo', 'mali.topo.json');
const CSV_FILE = join(process.cwd(), 'data', 'places.csv');
const CSV_HEADER = 'id,name,name_fr,kind,country,region,lon,lat,geonames_id,coordinates_from,source_ids';

const rawTopo = readFileSync(TOPO_FILE);
const topo = JSON.parse(rawTopo.toString('utf8')) as MapTopology;

function features<P extends GeoJsonProperties>(fc: FeatureCollection<Geometry, P> | Feature<Geometry, P>): Feature<Geometry, P>[] {
  return 'features' in fc ? fc.features : [fc];
}
const regions = features(feature(topo, topo.objects.regions));
const countries = features(feature(topo, topo.objects.countries));
const rivers = features(feature(topo, topo.objects.rivers));
const places = features(feature(topo, topo.objects.places));

// places.csv never needs quoting (the build refuses to write a field with a comma or
// a quote), so a plain split is a faithful parser for it; the first test checks that.
const csvLines = readFileSync(CSV_FILE, 'utf8').trimEnd().split('\n');
const csvHeader = csvLines[0] ?? '';
const columns = csvHeader.split(',');
const rows = csvLines.slice(1).map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i] ?? `#${i}`, v])) as Record<string, string>);
const field = (row: Record<string, string>, name: string): string => {
  const v = row[name];
  if (v === undefined) throw new Error(`places.csv row ${row['id']} has no ${name}`);
  return v;
};
const coordsOf = (row: Record<string, string>): [number, number] => [Number(field(row, 'lon')), Number(field(row, 'lat'))];

/** Arc indices a TopoJSON geometry uses, direction ignored. */
function arcsOf(g: GeometryObject): Set<number> {
  const arcs = 'arcs' in g ? (g.arcs as unknown as unknown[]) : [];
  return new Set((arcs.flat(Infinity) as number[]).map((i) => (i < 0 ? ~i : i)));
}

/** Shortest distance in km from a point to a polyline, on a local equirectangular plane (fine at < 100 km). */
function kmToLine(p: Position, lines: Position[][]): number {
  const [px = 0, py = 0] = p;
  const k = Math.cos((py * Math.PI) / 180);
  let best = Infinity;
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      const [ax = 0, ay = 0] = line[i - 1] ?? [];
      const [bx = 0, by = 0] = line[i] ?? [];
      const [x1, y1, x2, y2] = [(ax - px) * k, ay - py, (bx - px) * k, by - py];
      const dx = x2 - x1;
      const dy = y2 - y1;
      const t = Math.max(0, Math.min(1, -(x1 * dx + y1 * dy) / (dx * dx + dy * dy || 1)));
      best = Math.min(best, Math.hypot(x1 + t * dx, y1 + t * dy) * 111.2);
    }
  }
  return best;
}

describe('mali.topo.json: regions', () => {
  it("has Mali's nine pre-2023 regions with their ISO 3166-2 codes, nothing else", () => {
    expect(regions.map((r) => r.id).sort()).toEqual(['ML-1', 'ML-2', 'ML-3', 'ML-4', 'ML-5', 'ML-6', 'ML-7', 'ML-8', 'ML-BKO']);
  });

  it('names every region in English and French, from the table (not Natural Earth’s "Wassoulou")', () => {
    for (const r of regions) {
      expect(r.properties.name, String(r.id)).toBeTruthy();
      expect(r.properties.name_fr, String(r.id)).toBeTruthy();
    }
    const byId = new Map(regions.map((r) => [r.id, r.properties]));
    expect(byId.get('ML-3')).toEqual({ name: 'Sikasso', name_fr: 'Sikasso' });
    expect(byId.get('ML-6')).toEqual({ name: 'Timbuktu', name_fr: 'Tombouctou' });
  });

  it('winds every polygon the way d3-geo expects (none claims more than a hemisphere)', () => {
    for (const f of [...regions, ...countries]) {
      const a = geoArea(f);
      expect(a, String(f.id)).toBeGreaterThan(0);
      expect(a, String(f.id)).toBeLessThan(2 * Math.PI);
    }
  });

  it("draws Mali's outline with exactly the arcs that bound its regions (no slivers)", () => {
    const uses = new Map<number, number>();
    for (const g of topo.objects.regions.geometries) for (const a of arcsOf(g)) uses.set(a, (uses.get(a) ?? 0) + 1);
    const outer = [...uses].filter(([, n]) => n === 1).map(([a]) => a).sort((x, y) => x - y);
    const mali = topo.objects.countries.geometries.find((g) => g.id === 'MLI');
    expect(mali).toBeDefined();
    expect([...arcsOf(mali!)].sort((x, y) => x - y)).toEqual(outer);
  });
});

describe('mali.topo.json: countries', () => {
  it('uses unique ISO 3166-1 alpha-3 ids and includes Mali', () => {
    const ids = countries.map((c) => String(c.id));
    for (const id of ids) expect(id).toMatch(/^[A-Z]{3}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('MLI');
  });

  it("flags exactly Mali's seven neighbours", () => {
    const flagged = countries.filter((c) => c.properties.neighbour).map((c) => c.id).sort();
    expect(flagged).toEqual(['BFA', 'CIV', 'DZA', 'GIN', 'MRT', 'NER', 'SEN']);
  });

  it('flags as neighbours exactly the countries that share a border with Mali in the geometry', () => {
    const geoms = topo.objects.countries.geometries;
    const maliArcs = arcsOf(geoms.find((g) => g.id === 'MLI')!);
    const sharing = geoms.filter((g) => g.id !== 'MLI' && [...arcsOf(g)].some((a) => maliArcs.has(a))).map((g) => g.id);
    const flagged = countries.filter((c) => c.properties.neighbour).map((c) => c.id);
    expect(sharing.sort()).toEqual(flagged.sort());
  });
});

describe('mali.topo.json: rivers', () => {
  const lines = (name: string): Position[][] => {
    const r = rivers.find((f) => f.properties.name === name);
    if (!r) throw new Error(`no river named ${name}`);
    const g = r.geometry;
    if (g.type === 'LineString') return [g.coordinates];
    if (g.type === 'MultiLineString') return g.coordinates;
    throw new Error(`${name} is a ${g.type}`);
  };
  const at = (id: string): Position => {
    const row = rows.find((r) => r['id'] === id);
    if (!row) throw new Error(`no place ${id}`);
    return coordsOf(row);
  };

  it('has the Niger, passing Ségou and Gao', () => {
    const niger = lines('Niger');
    expect(kmToLine(at('segou'), niger)).toBeLessThan(20);
    expect(kmToLine(at('gao'), niger)).toBeLessThan(20);
  });

  it('has the Sénégal, passing Kayes', () => {
    expect(kmToLine(at('kayes'), lines('Sénégal'))).toBeLessThan(20);
  });
});

describe('places.csv against the map', () => {
  it('has the agreed header, one plain row per place, and unique ids', () => {
    expect(csvHeader).toBe(CSV_HEADER);
    for (const line of csvLines) {
      expect(line).not.toContain('"');
      expect(line.split(',').length, line).toBe(11);
    }
    const ids = rows.map((r) => r['id']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(rows.length).toBeGreaterThan(20);
  });

  it('puts every Mali town inside exactly the region it names', () => {
    const mali = rows.filter((r) => r['country'] === 'MLI');
    expect(mali.length).toBeGreaterThan(20);
    for (const row of mali) {
      const containing = regions.filter((f) => geoContains(f, coordsOf(row))).map((f) => f.id);
      expect(containing, `${row['id']} (${row['lon']}, ${row['lat']})`).toEqual([field(row, 'region')]);
    }
  });

  it('puts no place outside Mali inside any Mali region, and leaves its region empty', () => {
    const abroad = rows.filter((r) => r['country'] !== 'MLI');
    expect(abroad.length).toBeGreaterThan(0);
    for (const row of abroad) {
      expect(field(row, 'region'), String(row['id'])).toBe('');
      expect(regions.filter((f) => geoContains(f, coordsOf(row))).map((f) => f.id), String(row['id'])).toEqual([]);
    }
  });

  it('puts every place on land in its own country (ports not in the sea)', () => {
    for (const row of rows) {
      const country = countries.find((c) => c.id === row['country']);
      expect(country, `${row['id']}: no country ${row['country']}`).toBeDefined();
      expect(geoContains(country!, coordsOf(row)), String(row['id'])).toBe(true);
    }
  });

  it('matches the points in the TopoJSON, one for one', () => {
    expect(places.map((p) => p.id).sort()).toEqual(rows.map((r) => r['id']).sort());
    for (const p of places) {
      const row = rows.find((r) => r['id'] === p.id)!;
      if (p.geometry.type !== 'Point') throw new Error(`${p.id} is not a Point`);
      const [lon = NaN, lat = NaN] = p.geometry.coordinates;
      const [rlon, rlat] = coordsOf(row);
      // The TopoJSON is quantized to ~0.003°; the CSV keeps 4 decimals.
      expect(Math.abs(lon - rlon), String(p.id)).toBeLessThan(0.01);
      expect(Math.abs(lat - rlat), String(p.id)).toBeLessThan(0.01);
      expect(p.properties.name).toBe(row['name']);
      expect(p.properties.kind).toBe(row['kind']);
    }
  });

  it('says where each coordinate came from', () => {
    for (const row of rows) {
      const from = field(row, 'coordinates_from');
      expect(['geonames', 'manual'], String(row['id'])).toContain(from);
      expect(field(row, 'source_ids'), String(row['id'])).toBe(from === 'geonames' ? 'geonames' : 'manual-coords');
    }
  });
});

describe('mali.topo.json: size', () => {
  it('stays under 40 KB gzipped', () => {
    expect(gzipSync(rawTopo, { level: 9 }).length).toBeLessThan(40 * 1024);
  });
});
