/**
 * Small pure lookups the explorer page needs: the comparison grid for the
 * scenarios a reader set side by side, the signposts of a scenario, and the
 * dated observations of a signpost, split at the article's publication date.
 * Type-only imports, so this runs at build time and in the browser.
 */
import type { ScenarioDimension, Signpost, SignpostObservation } from '../data/schema';
import { DIMENSION_IDS, sortScenarioIds, type DimensionId, type ScenarioId } from './model';

export interface ComparisonRow {
  readonly dimension: DimensionId;
  /** One cell per compared scenario, in the order I to IV; undefined where the data has no cell. */
  readonly cells: readonly { readonly scenario: ScenarioId; readonly cell: ScenarioDimension | undefined }[];
}

/** The grid of dimensions × compared scenarios, in the fixed dimension order. */
export function comparisonGrid(compare: readonly ScenarioId[], cells: readonly ScenarioDimension[]): ComparisonRow[] {
  const scenarios = sortScenarioIds(compare);
  return DIMENSION_IDS.map((dimension) => ({
    dimension,
    cells: scenarios.map((scenario) => ({
      scenario,
      cell: cells.find((c) => c.scenario === scenario && c.dimension === dimension),
    })),
  }));
}

/** Signposts that would show a scenario unfolding, and those that would weigh against it, in data order. */
export function signpostsFor(scenario: ScenarioId, signposts: readonly Signpost[]): { pointsTo: Signpost[]; weighsAgainst: Signpost[] } {
  return {
    pointsTo: signposts.filter((s) => s.points_to.includes(scenario)),
    weighsAgainst: signposts.filter((s) => s.weighs_against.includes(scenario)),
  };
}

/** A signpost's observations, oldest first, split into before and after the article. */
export function observationsFor(
  signpostId: string,
  observations: readonly SignpostObservation[],
): { before: SignpostObservation[]; after: SignpostObservation[] } {
  const mine = observations
    .filter((o) => o.signpost === signpostId)
    .slice()
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  return { before: mine.filter((o) => !o.after_article), after: mine.filter((o) => o.after_article) };
}
