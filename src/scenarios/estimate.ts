/**
 * The reader's own estimate: 100 points split across the four scenarios, and
 * sentences that set that split beside the article's assessment.
 *
 * The article's assessment is qualitative (data/scenario-assessment.csv): I is
 * the most likely outcome at the time of writing, IV becomes more likely if
 * political reforms do not accompany military gains, II and III come with
 * conditions but no likelihood, and state collapse is improbable. The
 * comparison therefore never gives the article a number: it asks whether the
 * reader's highest scenario is the one the article calls most likely, and
 * whether the reader puts IV above II and III, and words the answer from the
 * data rows.
 */
import { SCENARIO_IDS, type ArticleSectionId, type ScenarioId, type Standing } from './model';
import { isValidEstimate, type Estimate } from './url-state';
import { ENGLISH, type ScenarioWords } from './words';

export const TOTAL_POINTS = 100;

/** Where the sliders start when a reader opens the estimate: an even split, which is no one's claim. */
export const EVEN_SPLIT: Estimate = [25, 25, 25, 25];

function clampPoints(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(TOTAL_POINTS, Math.max(0, Math.round(value)));
}

/**
 * Splits `amount` whole points in proportion to `weights` (largest remainder;
 * ties go to the earlier scenario, so the result is deterministic). With all
 * weights zero, the points are split evenly.
 */
function apportion(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const w = total > 0 ? weights : weights.map(() => 1);
  const wTotal = total > 0 ? total : weights.length;
  const exact = w.map((x) => (amount * x) / wTotal);
  const shares = exact.map(Math.floor);
  let left = amount - shares.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left--;
  }
  return shares;
}

/**
 * Moves one scenario's slider to `value` (rounded and clamped to 0..100) and
 * keeps the total at 100: the points it gains are taken from the others in
 * proportion to what they hold, and the points it gives up are handed to the
 * others in proportion to what they hold (evenly if they all hold none). A
 * scenario at zero stays at zero unless every other one is at zero too.
 * An invalid starting split is replaced by the even split first.
 */
export function adjustEstimate(estimate: Estimate | null, scenario: ScenarioId, value: number): Estimate {
  const start = estimate !== null && isValidEstimate(estimate) ? estimate : EVEN_SPLIT;
  const index = SCENARIO_IDS.indexOf(scenario);
  if (index < 0) return [...start] as unknown as Estimate;
  const target = clampPoints(value);
  const current = start[index] ?? 0;
  const delta = target - current;
  const next = [...start];
  if (delta !== 0) {
    const others = SCENARIO_IDS.map((_, i) => i).filter((i) => i !== index);
    const held = others.map((i) => start[i] ?? 0);
    const moved = apportion(Math.abs(delta), held);
    others.forEach((i, k) => {
      next[i] = (next[i] ?? 0) + (delta > 0 ? -(moved[k] ?? 0) : moved[k] ?? 0);
    });
    next[index] = target;
  }
  const [a = 0, b = 0, c = 0, d = 0] = next;
  return [a, b, c, d];
}

/** The scenarios holding the most points (more than one when tied), in the order I to IV. */
export function topScenarios(estimate: Estimate): ScenarioId[] {
  const max = Math.max(...estimate);
  return SCENARIO_IDS.filter((_, i) => estimate[i] === max);
}

// ---------------------------------------------------------------------------
// Comparison with the article

/** The fields of a row of data/scenario-assessment.csv that the comparison needs. */
export interface AssessmentLike {
  readonly id: string;
  readonly scenario?: ScenarioId | undefined;
  readonly standing: Standing;
  readonly statement: string;
  readonly article_section: ArticleSectionId;
  readonly source_ids: readonly string[];
}

export interface ComparisonSentence {
  readonly id: 'top' | 'iv-versus-others' | 'collapse' | 'no-numbers';
  /** Plain text, built only from our templates, the reader's validated whole numbers and data rows. */
  readonly text: string;
  /** Where a "read the article" link should point. */
  readonly articleSection: ArticleSectionId;
  readonly sourceIds: readonly string[];
  /** True when the reader's view and the article's assessment point the same way; null when no match applies. */
  readonly agrees: boolean | null;
}

const ARTICLE_SOURCE = 'prif-2025-12-09-schaaf';

function byStanding(assessment: readonly AssessmentLike[], standing: Standing): AssessmentLike[] {
  return assessment.filter((a) => a.standing === standing);
}

function sourcesOf(rows: readonly AssessmentLike[]): string[] {
  return [...new Set(rows.flatMap((r) => r.source_ids))];
}

/**
 * Sentences that compare the reader's split with the article's assessment.
 * Returns an empty list when there is no (valid) estimate yet. The words are
 * the page's language (src/scenarios/words.ts); the assessment's statements
 * come in that language too.
 */
export function compareWithArticle(
  estimate: Estimate | null,
  assessment: readonly AssessmentLike[],
  words: ScenarioWords = ENGLISH,
): ComparisonSentence[] {
  if (estimate === null || !isValidEstimate(estimate)) return [];
  const sentences: ComparisonSentence[] = [];
  const pointsOf = (id: ScenarioId): number => estimate[SCENARIO_IDS.indexOf(id)] ?? 0;

  const likelyRows = byStanding(assessment, 'most-likely-now').filter((r) => r.scenario !== undefined);
  const likely = likelyRows.map((r) => r.scenario).filter((s): s is ScenarioId => s !== undefined);
  const top = topScenarios(estimate);

  if (likely.length > 0 && likelyRows[0]) {
    const likelyRow = likelyRows[0];
    const unranked = top.filter((id) => byStanding(assessment, 'no-likelihood-given').some((r) => r.scenario === id));
    const facts = { top, likely, points: pointsOf(top[0] ?? 'i'), unranked };
    let text: string;
    let agrees: boolean | null;
    if (top.length === 1 && likely.includes(top[0] as ScenarioId)) {
      agrees = true;
      text = words.topAgrees(facts);
    } else if (top.some((id) => likely.includes(id))) {
      agrees = null;
      text = words.topShared(facts);
    } else {
      agrees = false;
      text = words.topDiffers(facts);
    }
    sentences.push({ id: 'top', text, articleSection: likelyRow.article_section, sourceIds: sourcesOf([likelyRow]), agrees });
  }

  const conditionalRows = byStanding(assessment, 'more-likely-without-reforms').filter((r) => r.scenario !== undefined);
  const unrankedRows = byStanding(assessment, 'no-likelihood-given').filter((r) => r.scenario !== undefined);
  const conditionalRow = conditionalRows[0];
  if (conditionalRow?.scenario && unrankedRows.length > 0) {
    const conditional = conditionalRow.scenario;
    const unranked = unrankedRows.map((r) => r.scenario as ScenarioId);
    const c = pointsOf(conditional);
    const atOrAbove = unranked.filter((id) => pointsOf(id) >= c);
    const agrees = atOrAbove.length === 0;
    const text = agrees ? words.conditionalAbove(conditional, unranked) : words.conditionalNotAbove(conditional, unranked, atOrAbove);
    sentences.push({
      id: 'iv-versus-others',
      text,
      articleSection: conditionalRow.article_section,
      sourceIds: sourcesOf([conditionalRow, ...unrankedRows]),
      agrees,
    });
  }

  const collapse = byStanding(assessment, 'improbable')[0];
  if (collapse) {
    sentences.push({ id: 'collapse', text: words.dataText(collapse.statement), articleSection: collapse.article_section, sourceIds: sourcesOf([collapse]), agrees: null });
  }

  sentences.push({
    id: 'no-numbers',
    text: words.noNumbers,
    articleSection: 'conclusion',
    sourceIds: [ARTICLE_SOURCE],
    agrees: null,
  });
  return sentences;
}
