/**
 * The vocabulary of the scenario explorer: the article's four scenarios, the
 * four assumptions a reader can switch, the dimensions the scenarios are
 * compared on, and the parts of the article the explorer links to.
 *
 * Pure TypeScript with no imports, so it runs at build time (the zod schemas
 * in src/data/schema.ts take their enums from here) and in the browser.
 *
 * The explorer is a reading aid built from Jonas Schaaf's analysis (PRIF Blog,
 * 9 December 2025). Nothing here is a forecast: the words live in data/, and
 * this file only names things.
 */

/** Short ids, also used in links (`c=i,iv`): the article numbers its scenarios I to IV. */
export const SCENARIO_IDS = ['i', 'ii', 'iii', 'iv'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

/** The article's conditions that the reader can switch on and off. */
export const ASSUMPTION_IDS = ['escorts', 'reforms', 'dialogue', 'uncoordinated'] as const;
export type AssumptionId = (typeof ASSUMPTION_IDS)[number];
export type Assumptions = { readonly [K in AssumptionId]: boolean };

/** The dimensions every scenario is compared on (one cell each in data/scenario-dimensions.csv). */
export const DIMENSION_IDS = [
  'trigger',
  'actors',
  'fuel',
  'electricity',
  'corridors',
  'junta',
  'jnim',
  'outside-actors',
  'precedent',
  'risks',
] as const;
export type DimensionId = (typeof DIMENSION_IDS)[number];

/**
 * Parts of the article, so that every conclusion can link to the reasoning
 * behind it. Titles and the link live in data/article-sections.csv.
 */
export const ARTICLE_SECTION_IDS = [
  'introduction',
  'blockades',
  'everyday-life',
  'junta-under-pressure',
  'scenario-1',
  'scenario-2',
  'scenario-3',
  'scenario-4',
  'conclusion',
] as const;
export type ArticleSectionId = (typeof ARTICLE_SECTION_IDS)[number];

/** A rule's condition on one assumption. */
export const CONDITIONS = ['yes', 'no', 'any'] as const;
export type Condition = (typeof CONDITIONS)[number];

/** Whether a rule points to its scenarios or says the article's conditions for them are not met. */
export const RULE_EFFECTS = ['for', 'against'] as const;
export type RuleEffect = (typeof RULE_EFFECTS)[number];

/**
 * How a statement relates to the article: it says so (`article`), it says so
 * but reporting from before or on the article's date corrects a detail
 * (`corrected`), it says so but reporting published after the article adds
 * to it or shows it out of date (`updated`), it is our reading of the
 * article's reasoning (`reading`), or the article does not address it
 * (`not-covered`). The page shows every basis but `article` beside the
 * statement. Which of `corrected` and `updated` applies follows from the
 * dates of the sources a cell cites; src/scenarios/check.ts enforces it.
 */
export const BASES = ['article', 'corrected', 'updated', 'reading', 'not-covered'] as const;
export type Basis = (typeof BASES)[number];

/**
 * The article's own assessment, as words rather than numbers: it calls I the
 * most likely outcome at the time of writing, says IV becomes more likely if
 * political reforms do not accompany military gains, gives no likelihood for
 * II or III, and calls state collapse or the capture of Bamako improbable.
 */
export const STANDINGS = ['most-likely-now', 'more-likely-without-reforms', 'no-likelihood-given', 'improbable'] as const;
export type Standing = (typeof STANDINGS)[number];

/** What a dated observation shows about its signpost: that it is happening (`for`), the opposite (`against`), or a step that shows neither yet (`unclear`). */
export const SIGNALS = ['for', 'against', 'unclear'] as const;
export type Signal = (typeof SIGNALS)[number];

/** Publication date of the article: observations after it are labelled "after the article". */
export { ARTICLE_DATE } from '../data/currency';

export function isScenarioId(value: unknown): value is ScenarioId {
  return typeof value === 'string' && (SCENARIO_IDS as readonly string[]).includes(value);
}

export function isAssumptionId(value: unknown): value is AssumptionId {
  return typeof value === 'string' && (ASSUMPTION_IDS as readonly string[]).includes(value);
}

/** Position of a scenario in the canonical order I, II, III, IV. */
export function scenarioIndex(id: ScenarioId): number {
  return SCENARIO_IDS.indexOf(id);
}

/** Scenario ids in the canonical order I, II, III, IV, without repeats. */
export function sortScenarioIds(ids: Iterable<ScenarioId>): ScenarioId[] {
  const set = new Set(ids);
  return SCENARIO_IDS.filter((id) => set.has(id));
}

/** The roman numeral the article uses for a scenario. */
export function scenarioNumeral(id: ScenarioId): string {
  return id.toUpperCase();
}

/** Every one of the 16 combinations of the four assumptions, in a fixed order. */
export function allAssumptionCombinations(): Assumptions[] {
  const out: Assumptions[] = [];
  for (let mask = 0; mask < 1 << ASSUMPTION_IDS.length; mask++) {
    out.push({
      escorts: (mask & 1) !== 0,
      reforms: (mask & 2) !== 0,
      dialogue: (mask & 4) !== 0,
      uncoordinated: (mask & 8) !== 0,
    });
  }
  return out;
}
