// The second half of `npm run build`, run on what `astro build` wrote
// (dist/, or DIST_DIR, under BASE_PATH):
//   1. the single-file edition of the story (lib/single-file.mjs);
//   2. offline reading: the size of what the service worker saves, written into
//      each page's "Save for offline reading" control, then the worker itself,
//      sw.js and fr/sw.js, each with its edition's file list (lib/offline.mjs, Workbox);
//   3. the HTTP headers for real hosts, dist/_headers and dist/_nginx.conf
//      (lib/headers.mjs), read from the finished pages.
// Safe to run again on the same build.
import fs from 'node:fs';
import { basePath, displayPath, distDir, editionOf, listHtmlPages } from './lib/dist.mjs';
import { writeSingleFile } from './lib/single-file.mjs';
import { buildServiceWorker, builtEditions, formatSize, offlineFiles, workerFile, writeOfflineSize } from './lib/offline.mjs';
import { HEADERS_FILE, NGINX_FILE, writeHostHeaders } from './lib/headers.mjs';

const root = distDir();
const base = basePath();
if (!fs.existsSync(`${root}/index.html`)) {
  console.error(`No built site at ${displayPath(root)}/: run astro build first.`);
  process.exit(1);
}

try {
  for (const story of ['index.html', 'fr/index.html']) {
    const single = writeSingleFile(root, base, story);
    console.log(`single-file edition: ${single.rel} (${formatSize(single.bytes)})`);
  }

  // Each edition has its own worker and list (English at the root, French under fr/). The size shown to a
  // reader is that of their edition's files, pages included with the size written in; writing it changes
  // each page by a few bytes, so measure again until the number stands.
  const pages = listHtmlPages(root);
  for (const { locale } of builtEditions(root)) {
    const editionPages = pages.filter((rel) => editionOf(rel).locale === locale);
    let offline = await offlineFiles(root, locale);
    for (let i = 0; i < 3; i++) {
      writeOfflineSize(root, editionPages, offline.bytes);
      const again = await offlineFiles(root, locale);
      if (again.bytes === offline.bytes) break;
      offline = again;
    }
    const worker = await buildServiceWorker(root, locale);
    console.log(
      `offline reading (${locale}): ${worker.count} files, ${formatSize(offline.bytes)} to download (${formatSize(offline.storedBytes)} stored); ${workerFile(locale)} ${formatSize(worker.workerBytes)}`,
    );
  }

  const rules = writeHostHeaders(root, base);
  console.log(`headers: ${HEADERS_FILE} and ${NGINX_FILE}, ${rules.length} rules`);
} catch (err) {
  console.error(`finish-build: ${err.message}`);
  process.exit(1);
}
