// `npm run preview`: serve the built site locally, under BASE_PATH, the way
// it will be deployed. Only a thin CLI around lib/static-server.mjs.
import fs from 'node:fs';
import { basePath, displayPath, distDir } from './lib/dist.mjs';
import { startStaticServer } from './lib/static-server.mjs';

const root = distDir();
if (!fs.existsSync(root) || fs.readdirSync(root).length === 0) {
  console.error(`No built site at ${displayPath(root)}/: run npm run build first.`);
  process.exit(1);
}

const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '127.0.0.1';
try {
  const server = await startStaticServer({ root, base: basePath(), port, host });
  console.log(`Serving ${displayPath(root)}/ at ${server.url}`);
  // Close cleanly on Ctrl-C / kill so the port is released at once.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => server.close().then(() => process.exit(0)));
  }
} catch (err) {
  const hint = err.code === 'EADDRINUSE' ? ` (port ${port} is in use; set PORT=…)` : '';
  console.error(`Could not start the server: ${err.message}${hint}`);
  process.exit(1);
}
