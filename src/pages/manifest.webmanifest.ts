/**
 * The web app manifest: the story installs to a phone's home screen and opens
 * in its own window; with the service worker (src/offline/sw.js) it then
 * opens with no connection. Addresses follow BASE_PATH.
 */
import type { APIRoute } from 'astro';
import { withBase } from '../lib/paths';
import { APP_ICONS } from '../offline/icons';

export const GET: APIRoute = () => {
  const manifest = {
    id: withBase('/'),
    name: 'Lifelines: Mali’s roads, fuel and power',
    short_name: 'Lifelines',
    description: 'How a blockade of Mali’s roads in 2025 cut fuel and power in Bamako and beyond: a sourced explainer that reads offline.',
    lang: 'en',
    dir: 'ltr',
    start_url: withBase('/'),
    scope: withBase('/'),
    display: 'standalone',
    background_color: '#fbf8f2',
    theme_color: '#fbf8f2',
    icons: APP_ICONS.filter((i) => i.name !== 'apple-touch-icon').map((i) => ({
      src: withBase(`icons/${i.name}.png`),
      sizes: `${i.size}x${i.size}`,
      type: 'image/png',
      purpose: i.purpose,
    })),
  };
  return new Response(JSON.stringify(manifest, null, 2), { headers: { 'Content-Type': 'application/manifest+json' } });
};
