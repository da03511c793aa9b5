// Weight budgets per page. The numbers live in budgets.json (repo root) so
// they can be tuned without touching code; these defaults apply when the
// file is absent. KB means KiB: 120 KB = 122880 bytes of gzip.
import fs from 'node:fs';
import path from 'node:path';
import { EDITIONS, editionOf, repoRoot } from './dist.mjs';

export const DEFAULT_BUDGETS = {
  default: { totalKB: 120, jsKB: 40 },
  overrides: [{ match: '^embed/', totalKB: 40, jsKB: 40 }],
  // What the service worker saves for offline reading (gzip, as downloaded).
  offline: { totalKB: 600 },
};

export function loadBudgets(file = path.join(repoRoot, 'budgets.json')) {
  if (!fs.existsSync(file)) return DEFAULT_BUDGETS;
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  return {
    default: { ...DEFAULT_BUDGETS.default, ...data.default },
    overrides: data.overrides ?? [],
    offline: { ...DEFAULT_BUDGETS.offline, ...data.offline },
  };
}

// The site's editions other than English, by the folder they live in: a French
// page has the budget of its English twin ("fr/embed/map/index.html" is held to
// the embeds' 40 KB, "fr/index.html" to the story's 120 KB).
export const EDITION_PREFIXES = EDITIONS.filter((e) => e.prefix).map((e) => e.prefix);

/** The path of a page's English twin: "fr/embed/map/index.html" -> "embed/map/index.html". */
export function englishTwin(page) {
  return page.slice(editionOf(page).prefix.length);
}

// `match` is a regular expression tested against the page path relative to
// dist ("embed/map/index.html"), so "^embed/" is every page under /embed/
// whatever BASE_PATH is, in every language (it is tested against the path of
// the page's English twin). The first matching override wins; fields it leaves
// out fall back to the default.
export function budgetFor(page, budgets = DEFAULT_BUDGETS) {
  const override = (budgets.overrides ?? []).find((o) => new RegExp(o.match).test(englishTwin(page)));
  const { match: _match, ...limits } = override ?? {};
  return { ...budgets.default, ...limits };
}

// Human-readable reasons why a first-view result breaks its budget
// (empty when it is within budget and references nothing external/missing).
export function checkBudget(result, budget) {
  const problems = [...result.errors];
  const kb = (n) => (n / 1024).toFixed(1);
  if (budget.totalKB != null && result.totals.total > budget.totalKB * 1024) {
    problems.push(`total ${kb(result.totals.total)} KB > ${budget.totalKB} KB`);
  }
  if (budget.jsKB != null && result.totals.js > budget.jsKB * 1024) {
    problems.push(`JavaScript ${kb(result.totals.js)} KB > ${budget.jsKB} KB`);
  }
  return problems;
}

/**
 * The pages of every edition that must exist to be measured: each English page's
 * twin in every other edition ("index.html" -> "fr/index.html"). Returns the
 * missing ones as problems, so a French story or embed that was never built
 * fails the budget check (and HTML validation) instead of passing unchecked.
 */
export function missingTwins(pages) {
  const present = new Set(pages);
  const english = pages.filter((p) => englishTwin(p) === p);
  return EDITION_PREFIXES.flatMap((prefix) =>
    english.filter((p) => !present.has(prefix + p)).map((p) => `${prefix}${p}: missing (the ${prefix.slice(0, -1)} twin of ${p})`),
  );
}
