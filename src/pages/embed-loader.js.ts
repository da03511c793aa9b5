/**
 * /embed-loader.js: the script in the embed code. On the journalist's page it
 * finds the site's iframes (marked data-lifelines-embed) and sets each one's
 * height whenever its page reports one. The work is done by @newswire/frames
 * (MIT), bundled here from the installed package so the loader is served from
 * this site and nothing else: a classic script, no globals but one function
 * that lets several embed codes on one page share the loader.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { APIRoute } from 'astro';
import { EMBED_ATTRIBUTE } from '../embeds/snippet';

function framesSource(): { code: string; licence: string; version: string } {
  const require = createRequire(join(process.cwd(), 'package.json'));
  const dir = dirname(require.resolve('@newswire/frames'));
  const pkg = JSON.parse(readFileSync(join(dir, '..', 'package.json'), 'utf8')) as { version: string };
  const code = readFileSync(join(dir, 'frames.umd.js'), 'utf8').replace(/\n?\/\/# sourceMappingURL=.*$/m, '');
  const licence = readFileSync(join(dir, '..', 'LICENSE'), 'utf8').trim();
  return { code, licence, version: pkg.version };
}

export function loaderSource(): string {
  const frames = framesSource();
  const marker = JSON.stringify(`iframe[${EMBED_ATTRIBUTE}]`);
  return `/*! Lifelines embed loader: sizes Lifelines iframes to their content.
 * Includes @newswire/frames ${frames.version} (https://github.com/rdmurphy/frames):
${frames.licence.split('\n').map((l) => ` * ${l}`.trimEnd()).join('\n')}
 */
(function () {
  'use strict';
  if (typeof window.__lifelinesEmbeds === 'function') {
    window.__lifelinesEmbeds();
    return;
  }
  var exports = {};
  var module = { exports: exports };
  ${frames.code}
  var frames = module.exports;
  function init() {
    var list = document.querySelectorAll(${marker});
    for (var i = 0; i < list.length; i++) {
      if (list[i].hasAttribute('data-lifelines-sized')) continue;
      list[i].setAttribute('data-lifelines-sized', '');
      frames.observeIframe(list[i]);
    }
  }
  window.__lifelinesEmbeds = init;
  init();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
})();
`;
}

export const GET: APIRoute = () => new Response(loaderSource(), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
