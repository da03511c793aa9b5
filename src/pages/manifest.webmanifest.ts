/**
 * The web app manifest: the story installs to a phone's home screen and opens
 * in its own window; with the service worker (src/offline/sw.js) it then
 * opens with no connection. Addresses follow BASE_PATH. The French edition
 * has its own (/fr/manifest.webmanifest, src/pages/fr/manifest.webmanifest.ts):
 * installed from a French page, the app is French and opens on the French
 * story; both share the site's scope, so one service worker serves both.
 */
import type { APIRoute } from 'astro';
import { pageHref, withBase } from '../lib/paths';
import { APP_ICONS } from '../offline/icons';
import { isLocale, localeFromPath } from '../i18n/locale';
import { sayer } from '../i18n/pages-say';
import { t } from '../i18n/strings';

export const GET: APIRoute = (context) => {
  const locale = isLocale(context.currentLocale) ? context.currentLocale : localeFromPath(context.url.pathname);
  const say = sayer(locale);
  const manifest = {
    id: pageHref(locale, '/'),
    name: say('pages.manifest.name'),
    short_name: t(locale, 'site.shortName'),
    description: say('pages.manifest.description'),
    lang: locale,
    dir: 'ltr',
    start_url: pageHref(locale, '/'),
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
