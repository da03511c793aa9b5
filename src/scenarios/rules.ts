/**
 * The visible rule table: which scenarios the article's reasoning points to
 * under a set of assumptions. Each rule in data/scenario-rules.csv names a
 * condition on the four assumptions (yes, no or any), the scenarios it
 * concerns, whether it points to them (`for`) or says the article's
 * conditions for them are not met (`against`), and one sentence that explains
 * it with a link to the part of the article behind it.
 *
 * Evaluation is a plain filter: no weights, no scores, no probabilities. A
 * scenario is "pointed to" when at least one matching rule points to it. The
 * number of matching rules is not a likelihood, and the page must not
 * present it as one.
 */
import {
  ASSUMPTION_IDS,
  SCENARIO_IDS,
  type Assumptions,
  type Condition,
  type RuleEffect,
  type ScenarioId,
} from './model';

/** The fields of a rule that evaluation needs; rows from data/scenario-rules.csv have these and more. */
export interface RuleLike {
  readonly id: string;
  readonly escorts: Condition;
  readonly reforms: Condition;
  readonly dialogue: Condition;
  readonly uncoordinated: Condition;
  readonly effect: RuleEffect;
  readonly scenarios: readonly ScenarioId[];
}

export type ScenarioVerdict = 'pointed-to' | 'conditions-not-met' | 'mixed' | 'no-rule';

export interface ScenarioOutcome<R extends RuleLike> {
  readonly scenario: ScenarioId;
  /** Matching rules that point to this scenario, in table order. */
  readonly for: readonly R[];
  /** Matching rules that say the article's conditions for this scenario are not met, in table order. */
  readonly against: readonly R[];
  readonly verdict: ScenarioVerdict;
}

export interface Evaluation<R extends RuleLike> {
  readonly assumptions: Assumptions;
  /** Every rule whose condition holds, in table order. */
  readonly matched: readonly R[];
  /** One outcome per scenario, in the order I, II, III, IV. */
  readonly outcomes: readonly ScenarioOutcome<R>[];
  /** Scenarios that at least one matching rule points to, in the order I, II, III, IV. */
  readonly pointedTo: readonly ScenarioId[];
}

export function conditionHolds(condition: Condition, value: boolean): boolean {
  return condition === 'any' || (condition === 'yes') === value;
}

export function ruleMatches(rule: RuleLike, assumptions: Assumptions): boolean {
  return ASSUMPTION_IDS.every((key) => conditionHolds(rule[key], assumptions[key]));
}

function verdictOf(forCount: number, againstCount: number): ScenarioVerdict {
  if (forCount > 0 && againstCount > 0) return 'mixed';
  if (forCount > 0) return 'pointed-to';
  if (againstCount > 0) return 'conditions-not-met';
  return 'no-rule';
}

/** Applies the rule table to one set of assumptions. Pure and deterministic: same input, same output. */
export function evaluateRules<R extends RuleLike>(rules: readonly R[], assumptions: Assumptions): Evaluation<R> {
  const matched = rules.filter((rule) => ruleMatches(rule, assumptions));
  const outcomes = SCENARIO_IDS.map((scenario): ScenarioOutcome<R> => {
    const pro = matched.filter((r) => r.effect === 'for' && r.scenarios.includes(scenario));
    const con = matched.filter((r) => r.effect === 'against' && r.scenarios.includes(scenario));
    return { scenario, for: pro, against: con, verdict: verdictOf(pro.length, con.length) };
  });
  const pointedTo = outcomes.filter((o) => o.for.length > 0).map((o) => o.scenario);
  return { assumptions: { ...assumptions }, matched, outcomes, pointedTo };
}

/** How a rule's condition reads in a table cell or a sentence: "escorts: yes; reforms: no". */
export function describeCondition(rule: RuleLike): string {
  const parts = ASSUMPTION_IDS.filter((key) => rule[key] !== 'any').map((key) => `${key}: ${rule[key]}`);
  return parts.length > 0 ? parts.join('; ') : 'always';
}
