/**
 * The app icons for the web app manifest and home screens, drawn from the
 * favicon's design (public/favicon.svg): the red tile with the broken road.
 * "any" icons keep the rounded tile; the maskable one fills the square and
 * keeps the drawing inside the middle 80%, which every launcher's mask leaves.
 */
export interface AppIcon {
  name: string;
  size: number;
  purpose: 'any' | 'maskable';
}

export const APP_ICONS: readonly AppIcon[] = [
  { name: 'icon-192', size: 192, purpose: 'any' },
  { name: 'icon-512', size: 512, purpose: 'any' },
  { name: 'maskable-512', size: 512, purpose: 'maskable' },
  { name: 'apple-touch-icon', size: 180, purpose: 'maskable' },
];

const ROAD = 'M6 24 L14 14 L20 18 L26 8';

export function appIconSvg(icon: AppIcon): string {
  const tile = icon.purpose === 'any' ? '<rect width="32" height="32" rx="6" fill="#8c1d18"/>' : '<rect width="32" height="32" fill="#8c1d18"/>';
  // Maskable: the drawing (the favicon's 20×16 road) scaled to 70% about the centre, inside the safe zone.
  const transform = icon.purpose === 'maskable' ? ' transform="translate(16 16) scale(0.7) translate(-16 -16)"' : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${icon.size}" height="${icon.size}" viewBox="0 0 32 32">${tile}` +
    `<path d="${ROAD}"${transform} fill="none" stroke="#fbf8f2" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" stroke-dasharray="5 3"/></svg>`
  );
}
