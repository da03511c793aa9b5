/**
 * Serves the built site once for all browser tests, exactly as a reader's
 * static host would, under BASE_PATH. The tests get its URL via inject().
 */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../../scripts/lib/static-server.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    siteOrigin: string;
  }
}

export default async function setup(project: TestProject) {
  // DIST_DIR, as for the check scripts, tests a build made elsewhere (astro build --outDir …).
  const root = process.env.DIST_DIR ?? 'dist';
  if (!existsSync(`${root}/index.html`)) throw new Error(`${root}/ is missing: run \`npm run build\` before the browser tests.`);
  const server = (await startStaticServer({ root, port: 0 })) as { url: string; origin: string; close(): Promise<void> };
  project.provide('siteUrl', server.url);
  project.provide('siteOrigin', server.origin);
  return async () => server.close();
}
