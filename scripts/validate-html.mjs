// `npm run test:html`: validate every built page with the Nu HTML Checker
// (vnu-jar, runs offline on Java). All pages go to ONE java invocation:
// the JVM start-up (~2 s) dominates, the per-page cost is small.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { displayPath, distDir, listHtmlPages } from './lib/dist.mjs';
import { missingTwins } from './lib/budgets.mjs';

// Messages that are known vnu false positives for this project, matched
// exactly (never by pattern), each with the reason it is wrong. (Astro 7's
// <meta http-equiv="content-security-policy"> validates cleanly with vnu 26.9,
// checked on a real Astro 7.3 build.)
const KNOWN_FALSE_POSITIVES = new Set([
  // vnu checks the CSS of <style> elements (not of CSS files) and does not know the SVG properties that CSS
  // also styles (SVG 2, CSS Masking; every browser applies them). Only the single-file edition of the
  // story carries the site's CSS in a <style>, the graphics' rules included.
  'CSS: “vector-effect”: Property “vector-effect” doesn\'t exist.',
  'CSS: “paint-order”: Property “paint-order” doesn\'t exist.',
  'CSS: “r”: Property “r” doesn\'t exist.',
]);

function fail(message) {
  console.error(message);
  process.exit(1);
}

const root = distDir();
const pages = listHtmlPages(root).map((rel) => path.join(root, rel));
if (pages.length === 0) {
  fail(`No HTML pages found in ${root}: run npm run build first.`);
}

const java = spawnSync('java', ['-version'], { stdio: 'ignore' });
if (java.error) {
  fail('java was not found on PATH: the Nu HTML Checker (vnu-jar) needs a Java runtime (e.g. apt-get install default-jre-headless).');
}

const require = createRequire(import.meta.url);
// vnu-jar's main export is a String object holding the absolute path of vnu.jar.
const vnuJar = String(require('vnu-jar'));

const started = Date.now();
// vnu writes its JSON report to stderr and exits 1 when it found errors, so
// the exit code alone cannot tell "invalid HTML" from "vnu crashed".
const { stderr, code } = await new Promise((resolve, reject) => {
  const child = spawn('java', ['-jar', vnuJar, '--errors-only', '--skip-non-html', '--format', 'json', ...pages], {
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
  child.on('error', reject);
  child.on('close', (c) => resolve({ stderr: err, code: c }));
});

let report;
try {
  report = JSON.parse(stderr);
} catch {
  fail(`vnu did not produce a JSON report (exit code ${code}):\n${stderr}`);
}

const shown = (url) => {
  const file = url?.startsWith('file:') ? new URL(url).pathname : url ?? '(unknown file)';
  return displayPath(decodeURIComponent(file));
};

// With --errors-only, everything left is an error; "non-document-error"
// (unreadable file, I/O problem) must fail the check too.
const errors = report.messages.filter(
  (m) => m.type !== 'info' && !KNOWN_FALSE_POSITIVES.has(m.message.trim()),
);
for (const m of errors) {
  const line = m.lastLine ?? m.firstLine ?? 0;
  const col = m.firstColumn ?? m.lastColumn ?? 0;
  console.error(`${shown(m.url)}:${line}:${col}: ${m.message.trim()}`);
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (errors.length > 0) {
  const files = new Set(errors.map((m) => m.url)).size;
  fail(`HTML invalid: ${errors.length} error(s) in ${files} of ${pages.length} pages (vnu, ${seconds} s)`);
}
// vnu exits 1 for the known false positives too; any other non-zero exit with nothing reported is a crash.
const knownOnly = report.messages.some((m) => m.type !== 'info' && KNOWN_FALSE_POSITIVES.has(m.message.trim()));
if (code !== 0 && !(code === 1 && knownOnly)) fail(`vnu exited with code ${code} but reported no errors:\n${stderr}`);
// Both editions are validated: an English page whose French twin was not built is not "valid" by default.
const missing = missingTwins(listHtmlPages(root));
if (missing.length > 0) fail(`HTML not validated, pages missing:\n  ${missing.join('\n  ')}`);
console.log(`HTML valid: ${pages.length} pages (vnu, ${seconds} s)`);
