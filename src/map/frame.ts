/**
 * The geographic frame every map is fitted to: Mali plus the two Atlantic
 * ports (Dakar, Abidjan) its fuel comes from. A data row placed outside it
 * could never be drawn, so the data loader rejects it.
 */
export const MAP_FRAME = {
  west: -18.5,
  east: 5.5,
  south: 4.0,
  north: 25.5,
} as const;

export function isInsideFrame(lon: number, lat: number): boolean {
  return lon >= MAP_FRAME.west && lon <= MAP_FRAME.east && lat >= MAP_FRAME.south && lat <= MAP_FRAME.north;
}
