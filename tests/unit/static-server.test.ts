// The preview/bench server must never serve a file outside the build
// directory, whatever encoding tricks the request uses. Requests are sent
// with node:http because fetch() normalises "/../" away before sending.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startStaticServer } from '../../scripts/lib/static-server.mjs';

const SECRET = 'TOP-SECRET-OUTSIDE-DIST';
let tmp = '';
let dist = '';

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

function raw(port: number, rawPath: string, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'static-server-'));
  dist = path.join(tmp, 'dist');
  fs.mkdirSync(path.join(dist, 'story'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'secret.txt'), SECRET);
  fs.writeFileSync(path.join(tmp, 'package.json'), `{"name":"${SECRET}"}`);
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>home</title>');
  fs.writeFileSync(path.join(dist, 'story', 'index.html'), '<!doctype html><title>story</title>');
  fs.writeFileSync(path.join(dist, '404.html'), '<!doctype html><title>not found page</title>');
  fs.writeFileSync(path.join(dist, 'style.css'), 'body{color:red}');
  // A symlink inside dist pointing outside it must not be followed.
  fs.symlinkSync(path.join(tmp, 'secret.txt'), path.join(dist, 'link.txt'));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('static server', () => {
  it('rejects path traversal without leaking files', async () => {
    const server = await startStaticServer({ root: dist, base: '/', port: 0 });
    try {
      const attempts = [
        '/../package.json',
        '/../secret.txt',
        '/%2e%2e/secret.txt',
        '/%2E%2E/%2e%2e/etc/passwd',
        '/%2e%2e/etc/passwd',
        '/..%2fsecret.txt',
        '/story/..%2f..%2fsecret.txt',
        '/..%5csecret.txt',
        '/index.html%00.css',
        '/link.txt',
        '/%',
      ];
      for (const p of attempts) {
        const r = await raw(server.port, p);
        expect([400, 404], p).toContain(r.status);
        expect(r.body, p).not.toContain(SECRET);
        expect(r.body, p).not.toMatch(/root:.*:0:0:/);
      }
    } finally {
      await server.close();
    }
  });

  it('serves pages, types, HEAD and the 404 page', async () => {
    const server = await startStaticServer({ root: dist, base: '/', port: 0 });
    try {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
      const home = await raw(server.port, '/');
      expect(home.status).toBe(200);
      expect(home.headers['content-type']).toMatch(/^text\/html/);
      expect(home.headers['cache-control']).toBe('no-cache');
      expect(home.body).toContain('home');
      expect((await raw(server.port, '/story')).body).toContain('story');
      expect((await raw(server.port, '/story/')).body).toContain('story');
      expect((await raw(server.port, '/style.css')).headers['content-type']).toMatch(/^text\/css/);
      const head = await raw(server.port, '/style.css', 'HEAD');
      expect(head.status).toBe(200);
      expect(head.headers['content-length']).toBe(String('body{color:red}'.length));
      expect(head.body).toBe('');
      const missing = await raw(server.port, '/nope/');
      expect(missing.status).toBe(404);
      expect(missing.body).toContain('not found page');
    } finally {
      await server.close();
    }
  });

  it('serves under a base path only', async () => {
    const server = await startStaticServer({ root: dist, base: '/lifelines/', port: 0 });
    try {
      expect(server.url).toBe(`${server.origin}/lifelines/`);
      expect((await raw(server.port, '/lifelines/')).status).toBe(200);
      expect((await raw(server.port, '/lifelines/story/')).body).toContain('story');
      expect((await raw(server.port, '/')).status).toBe(404);
      const redirect = await raw(server.port, '/lifelines');
      expect(redirect.status).toBe(301);
      expect(redirect.headers.location).toBe('/lifelines/');
      const escape = await raw(server.port, '/lifelines/../secret.txt');
      expect([400, 404]).toContain(escape.status);
      expect(escape.body).not.toContain(SECRET);
    } finally {
      await server.close();
    }
  });
});
