// A tiny static server for the built site, used by `npm run preview`, the
// browser tests and the benchmark. It is dependency-free on purpose: it must
// behave the same on every machine and serve the site under BASE_PATH exactly
// as a sub-path deployment (e.g. GitHub Pages at /lifelines/) would.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { distDir, normalizeBase } from './dist.mjs';
import { HEADERS_FILE, HOST_CONFIG_FILES, headersForPath, parseHeadersFile } from './headers.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
};

export function contentType(file) {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

// Returns the path relative to root that a request maps to, or an HTTP status
// when the request must be refused. Traversal is checked on both the raw and
// the decoded path because "%2e%2e" and "..%2f" only become ".." after
// decoding, and a NUL byte would truncate the path in some fs layers.
export function requestToRelPath(rawUrl, base) {
  const rawPath = String(rawUrl).split(/[?#]/, 1)[0];
  let decoded;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { status: 400 };
  if (decoded.split('/').some((seg) => seg === '..')) return { status: 400 };
  // "/lifelines" without its slash: redirect, as static hosts do, so that
  // relative URLs in the page resolve against the right directory.
  if (decoded + '/' === base) return { redirect: base };
  if (!decoded.startsWith(base)) return { status: 404 };
  return { rel: decoded.slice(base.length) };
}

// The decoded path of a request, as header rules match it.
function requestPath(req) {
  const raw = String(req.url ?? '/').split(/[?#]/, 1)[0];
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

async function isFile(p) {
  try {
    return (await fsp.stat(p)).isFile();
  } catch {
    return false;
  }
}

// Candidate files for a request, in the order static hosts try them:
// "/x/" -> x/index.html; "/x" -> x (file), x/index.html, x.html.
function candidates(rootDir, rel) {
  const full = path.join(rootDir, rel);
  if (rel === '' || rel.endsWith('/')) return [path.join(full, 'index.html')];
  return [full, path.join(full, 'index.html'), `${full}.html`];
}

export function startStaticServer({
  root = distDir(),
  base = process.env.BASE_PATH ?? '/',
  port = 0,
  host = '127.0.0.1',
} = {}) {
  const rootDir = path.resolve(root);
  const basePath = normalizeBase(base);
  // realpath of root, so a symlink inside dist cannot lead outside it.
  const realRoot = fs.realpathSync(rootDir);
  // The build's dist/_headers (Netlify and Cloudflare Pages syntax), applied as those hosts apply it, so
  // that local runs and tests get the headers production gets. A build without one (astro build alone)
  // gets the server's own defaults.
  const headersFile = path.join(rootDir, HEADERS_FILE);
  const headerRules = fs.existsSync(headersFile) ? parseHeadersFile(fs.readFileSync(headersFile, 'utf8')) : null;
  const DEFAULT_HEADERS = {
    // no-cache, not no-store: browsers may keep a copy but must revalidate,
    // so a rebuild is always picked up while benchmarks stay realistic.
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  };
  const hostHeaders = (urlPath) => (headerRules ? headersForPath(headerRules, urlPath) : DEFAULT_HEADERS);

  async function resolveFile(rel) {
    for (const candidate of candidates(rootDir, rel)) {
      if (!(await isFile(candidate))) continue;
      const real = await fsp.realpath(candidate);
      if (real === realRoot || real.startsWith(realRoot + path.sep)) return real;
      return null; // exists but escapes root (symlink): treat as not found
    }
    return null;
  }

  async function send(req, res, status, file, body, urlPath = requestPath(req)) {
    // Compress text as every real static host does, so the benchmark measures what readers download.
    const type = file ? contentType(file) : 'text/plain; charset=utf-8';
    const compressible = /^(text\/|application\/(json|xml|manifest|geo)|image\/svg)/.test(type);
    const gzip = compressible && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) body = zlib.gzipSync(body, { level: 9 });
    const headers = {
      'Content-Type': type,
      'Content-Length': body.length,
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      Vary: 'Accept-Encoding',
      ...hostHeaders(urlPath),
    };
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function notFound(req, res, status = 404) {
    const page404 = path.join(rootDir, '404.html');
    if (status === 404 && (await isFile(page404))) {
      return send(req, res, 404, page404, await fsp.readFile(page404));
    }
    return send(req, res, status, null, Buffer.from(status === 400 ? 'Bad request\n' : 'Not found\n'));
  }

  const server = http.createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' });
        return res.end();
      }
      const target = requestToRelPath(req.url ?? '/', basePath);
      if (target.redirect) {
        res.writeHead(301, { ...hostHeaders(requestPath(req)), Location: target.redirect, 'Cache-Control': 'no-cache' });
        return res.end();
      }
      if (target.status) return notFound(req, res, target.status);
      // Host configuration in dist/ is read by the host, never served.
      if (HOST_CONFIG_FILES.includes(target.rel)) return notFound(req, res);
      const file = await resolveFile(target.rel);
      if (!file) return notFound(req, res);
      return send(req, res, 200, file, await fsp.readFile(file));
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`Internal error: ${err.message}\n`);
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actualPort = server.address().port;
      const hostForUrl = host.includes(':') ? `[${host}]` : host;
      const origin = `http://${hostForUrl}:${actualPort}`;
      resolve({
        url: origin + basePath,
        origin,
        port: actualPort,
        // closeAllConnections: keep-alive sockets from browsers would
        // otherwise keep close() (and the process) waiting.
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
