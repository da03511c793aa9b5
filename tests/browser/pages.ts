/**
 * The built pages the browser tests visit: every HTML file in dist/ but the
 * single-file edition of the story, a download with no script and its own CSP
 * (tests/browser/single-file.test.ts checks it).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function builtPages(dir = process.env.DIST_DIR ?? 'dist'): string[] {
  const pages: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html') && name !== 'lifelines-story.html') pages.push(relative(dir, full).replace(/\\/g, '/'));
    }
  };
  walk(dir);
  return pages
    .map((p) => (p === 'index.html' ? '' : p.endsWith('/index.html') ? p.slice(0, -'index.html'.length) : p))
    .sort();
}
