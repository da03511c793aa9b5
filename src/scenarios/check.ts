/**
 * Checks that the scenario files in data/ fit together, beyond what each
 * row's schema can see: every scenario has a cell for every dimension, every
 * observation names a real signpost, every timeline link exists, the
 * assumption defaults in the data match the URL codec's, the "after the
 * article" labels agree with the dates, a cell's basis agrees with the dates
 * of its sources ("updated from later reporting" only when one of them was
 * published after the article, "corrected from other reporting" only when
 * none was), and the rule table gives at least one conclusion for each of
 * the 16 combinations of assumptions.
 *
 * Pure (type-only imports from the schema), so it runs in a unit test and at
 * build time. Returns messages in the loader's style; an empty list means
 * the data is consistent.
 */
import type { SiteData } from '../data/schema';
import {
  ARTICLE_DATE,
  ARTICLE_SECTION_IDS,
  ASSUMPTION_IDS,
  DIMENSION_IDS,
  SCENARIO_IDS,
  allAssumptionCombinations,
  scenarioNumeral,
  type Assumptions,
} from './model';
import { evaluateRules } from './rules';
import { DEFAULT_ASSUMPTIONS } from './url-state';

export type ScenarioData = Pick<
  SiteData,
  | 'articleSections'
  | 'scenarios'
  | 'scenarioDimensions'
  | 'scenarioAssessment'
  | 'scenarioAssumptions'
  | 'scenarioRules'
  | 'signposts'
  | 'signpostObservations'
  | 'timeline'
  | 'sources'
>;

/** "escorts yes, reforms no, dialogue no, uncoordinated no" */
export function describeAssumptions(a: Assumptions): string {
  return ASSUMPTION_IDS.map((k) => `${k} ${a[k] ? 'yes' : 'no'}`).join(', ');
}

/** First and last day a partial date (YYYY, YYYY-MM or YYYY-MM-DD) can mean, as ISO strings. */
function period(date: string): [string, string] {
  if (date.length === 4) return [`${date}-01-01`, `${date}-12-31`];
  if (date.length === 7) return [`${date}-01`, `${date}-31`];
  return [date, date];
}

export function checkScenarioData(data: ScenarioData): string[] {
  const issues: string[] = [];

  for (const id of SCENARIO_IDS) {
    const row = data.scenarios.find((s) => s.id === id);
    if (!row) issues.push(`scenarios.csv: scenario "${id}" is missing`);
    else if (row.numeral !== scenarioNumeral(id)) issues.push(`scenarios.csv, id "${id}", field "numeral": must be ${scenarioNumeral(id)}`);
  }

  for (const id of ARTICLE_SECTION_IDS) {
    if (!data.articleSections.some((s) => s.id === id)) issues.push(`article-sections.csv: section "${id}" is missing`);
  }

  for (const scenario of SCENARIO_IDS) {
    for (const dimension of DIMENSION_IDS) {
      if (!data.scenarioDimensions.some((c) => c.scenario === scenario && c.dimension === dimension)) {
        issues.push(`scenario-dimensions.csv: no cell for scenario "${scenario}", dimension "${dimension}"`);
      }
    }
  }

  const timelineIds = new Set(data.timeline.map((t) => t.id));
  for (const cell of data.scenarioDimensions) {
    for (const t of cell.timeline_ids) {
      if (!timelineIds.has(t)) issues.push(`scenario-dimensions.csv, id "${cell.id}", field "timeline_ids": unknown timeline id "${t}"`);
    }
  }

  // "Corrected from other reporting" and "updated from later reporting" are
  // told apart by the dates of the sources a cell cites.
  const sourceDates = new Map(data.sources.map((s) => [s.id, s.date]));
  const laterSources = (ids: readonly string[]) =>
    ids.filter((id) => {
      const date = sourceDates.get(id);
      return date !== undefined && date !== '' && period(date)[0] > ARTICLE_DATE;
    });
  for (const cell of data.scenarioDimensions) {
    const where = `scenario-dimensions.csv, id "${cell.id}", field "basis"`;
    const later = laterSources(cell.source_ids);
    if (cell.basis === 'updated') {
      if (later.length === 0) issues.push(`${where}: "updated" needs a source published after ${ARTICLE_DATE}; use "corrected" when the correcting reports came before`);
      if (!cell.note) issues.push(`scenario-dimensions.csv, id "${cell.id}", field "note": must say what the later reporting shows when basis is "updated"`);
    }
    if (cell.basis === 'corrected' && later.length > 0) {
      issues.push(`${where}: cites ${later.map((id) => `"${id}"`).join(', ')}, published after ${ARTICLE_DATE}; use "updated"`);
    }
  }

  for (const scenario of SCENARIO_IDS) {
    const rows = data.scenarioAssessment.filter((a) => a.scenario === scenario);
    if (rows.length !== 1) issues.push(`scenario-assessment.csv: scenario "${scenario}" needs exactly one row, found ${rows.length}`);
  }
  const mostLikely = data.scenarioAssessment.filter((a) => a.standing === 'most-likely-now');
  if (mostLikely.length !== 1) issues.push(`scenario-assessment.csv: exactly one row must be "most-likely-now", found ${mostLikely.length}`);

  for (const key of ASSUMPTION_IDS) {
    const row = data.scenarioAssumptions.find((a) => a.id === key);
    if (!row) issues.push(`scenario-assumptions.csv: assumption "${key}" is missing`);
    else if (row.at_writing !== DEFAULT_ASSUMPTIONS[key]) {
      issues.push(`scenario-assumptions.csv, id "${key}", field "at_writing": disagrees with DEFAULT_ASSUMPTIONS in src/scenarios/url-state.ts`);
    }
  }

  for (const combination of allAssumptionCombinations()) {
    const result = evaluateRules(data.scenarioRules, combination);
    if (result.pointedTo.length === 0) {
      issues.push(`scenario-rules.csv: no rule points to any scenario when ${describeAssumptions(combination)}`);
    }
    for (const outcome of result.outcomes) {
      if (outcome.verdict === 'mixed') {
        issues.push(
          `scenario-rules.csv: rules ${[...outcome.for, ...outcome.against].map((r) => `"${r.id}"`).join(', ')} both point to and against scenario "${outcome.scenario}" when ${describeAssumptions(combination)}`,
        );
      }
    }
  }

  const signpostIds = new Set(data.signposts.map((s) => s.id));
  for (const scenario of SCENARIO_IDS) {
    if (!data.signposts.some((s) => s.points_to.includes(scenario))) issues.push(`signposts.csv: no signpost points to scenario "${scenario}"`);
  }
  for (const obs of data.signpostObservations) {
    const where = `signpost-observations.csv, id "${obs.id}"`;
    if (!signpostIds.has(obs.signpost)) issues.push(`${where}, field "signpost": unknown signpost id "${obs.signpost}"`);
    if (obs.timeline_id !== undefined && !timelineIds.has(obs.timeline_id)) {
      issues.push(`${where}, field "timeline_id": unknown timeline id "${obs.timeline_id}"`);
    }
    const [first, last] = period(obs.date);
    if (first > ARTICLE_DATE && !obs.after_article) issues.push(`${where}, field "after_article": must be "yes", ${obs.date} is after ${ARTICLE_DATE}`);
    if (last <= ARTICLE_DATE && obs.after_article) issues.push(`${where}, field "after_article": must be "no", ${obs.date} is not after ${ARTICLE_DATE}`);
  }

  return issues;
}
