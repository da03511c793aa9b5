// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { loadSiteData } from './src/data/load.ts';

/**
 * Checks data/ before Astro renders a page, so a malformed row stops the
 * build in seconds with the file, row and field named, instead of failing
 * halfway through rendering.
 * @returns {import('astro').AstroIntegration}
 */
function checkData() {
  return {
    name: 'lifelines:check-data',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const data = loadSiteData();
        const rows = Object.values(data).reduce((sum, rows) => sum + rows.length, 0);
        logger.info(`data/ checked: ${rows} rows`);
      },
    },
  };
}

// BASE_PATH and SITE_URL let the same build be deployed under a sub-path,
// e.g. BASE_PATH=/lifelines/ SITE_URL=https://example.org npm run build.
export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  // English at the root (/scenarios/), French under /fr/ (/fr/scenarios/), from pages in src/pages/fr/.
  // No fallback: a French page exists only once it is written (src/i18n/locale.ts builds the addresses).
  i18n: {
    locales: ['en', 'fr'],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: false },
  },
  integrations: [checkData(), mdx()],
  // Astro writes each page's CSP (hashes of its own scripts and styles) into a <meta>; the service worker
  // (src/offline/) and the web app manifest may come from this site only. scripts/lib/headers.mjs sends the
  // same policy as an HTTP header, with frame-ancestors.
  security: { csp: { directives: ["worker-src 'self'", "manifest-src 'self'"] } },
  build: { inlineStylesheets: 'never' },
  vite: {
    build: {
      // The "Read offline" script (src/offline/) is a file of its own on every page, never inlined: one
      // cached copy for the whole site, and no inline script. Everything else keeps Vite's default (4 KB).
      assetsInlineLimit: (file) => (/OfflineControl/.test(file) ? false : undefined),
    },
  },
  devToolbar: { enabled: false },
});
