import { describe, it, expect } from 'vitest';
import { loadSiteData } from '../../../src/data/load';
import type { ScenarioRule } from '../../../src/data/schema';
import { checkScenarioData, describeAssumptions } from '../../../src/scenarios/check';
import {
  ASSUMPTION_IDS,
  SCENARIO_IDS,
  allAssumptionCombinations,
  type Assumptions,
  type ScenarioId,
} from '../../../src/scenarios/model';
import { conditionHolds, describeCondition, evaluateRules, ruleMatches, type RuleLike } from '../../../src/scenarios/rules';
import { DEFAULT_ASSUMPTIONS } from '../../../src/scenarios/url-state';
import { REAL_DATA_DIR } from '../helpers/broken-data';

const data = loadSiteData(REAL_DATA_DIR);
const RULES = data.scenarioRules;

const yn = (v: string): boolean => v === 'yes';

/**
 * The whole rule table, written out by hand: for each of the 16 combinations
 * (escorts, reforms, dialogue, uncoordinated), the scenarios the article's
 * reasoning points to. If someone edits data/scenario-rules.csv, this table
 * must be updated on purpose.
 */
const EXPECTED: readonly [string, string, string, string, string][] = [
  // escorts reforms dialogue uncoordinated -> pointed to
  ['yes', 'no', 'no', 'no', 'i,iv'], // the situation at the time of writing: the article's closing paragraph
  ['yes', 'yes', 'no', 'no', 'i'],
  ['yes', 'no', 'yes', 'no', 'i,ii,iv'],
  ['yes', 'yes', 'yes', 'no', 'i,ii'],
  ['yes', 'no', 'no', 'yes', 'i,iii,iv'],
  ['yes', 'yes', 'no', 'yes', 'i,iii'],
  ['yes', 'no', 'yes', 'yes', 'i,ii,iii,iv'],
  ['yes', 'yes', 'yes', 'yes', 'i,ii,iii'],
  ['no', 'no', 'no', 'no', 'iv'],
  ['no', 'yes', 'no', 'no', 'iv'],
  ['no', 'no', 'yes', 'no', 'ii,iv'],
  ['no', 'yes', 'yes', 'no', 'ii,iv'],
  ['no', 'no', 'no', 'yes', 'iii,iv'],
  ['no', 'yes', 'no', 'yes', 'iii,iv'],
  ['no', 'no', 'yes', 'yes', 'ii,iii,iv'],
  ['no', 'yes', 'yes', 'yes', 'ii,iii,iv'],
];

function assumptionsOf(row: readonly string[]): Assumptions {
  return { escorts: yn(row[0]!), reforms: yn(row[1]!), dialogue: yn(row[2]!), uncoordinated: yn(row[3]!) };
}

describe('the rule table in data/scenario-rules.csv', () => {
  it('the expected table covers all 16 combinations exactly once', () => {
    const keys = new Set(EXPECTED.map((r) => r.slice(0, 4).join(',')));
    expect(keys.size).toBe(16);
    expect(allAssumptionCombinations()).toHaveLength(16);
    for (const a of allAssumptionCombinations()) {
      expect(keys.has(ASSUMPTION_IDS.map((k) => (a[k] ? 'yes' : 'no')).join(','))).toBe(true);
    }
  });

  it.each(EXPECTED)('escorts %s, reforms %s, dialogue %s, uncoordinated %s → %s', (e, r, d, u, expected) => {
    const result = evaluateRules(RULES, assumptionsOf([e, r, d, u]));
    expect(result.pointedTo.join(',')).toBe(expected);
  });

  it('every one of the 16 combinations gives at least one conclusion, each with an explanation and a section', () => {
    const sections = new Set(data.articleSections.map((s) => s.id));
    for (const a of allAssumptionCombinations()) {
      const result = evaluateRules(RULES, a);
      expect(result.pointedTo.length, describeAssumptions(a)).toBeGreaterThan(0);
      for (const rule of result.matched) {
        expect(rule.explanation.length).toBeGreaterThan(20);
        expect(sections.has(rule.article_section)).toBe(true);
      }
    }
  });

  it('no combination makes a scenario both pointed to and not, and every scenario gets a verdict', () => {
    for (const a of allAssumptionCombinations()) {
      for (const outcome of evaluateRules(RULES, a).outcomes) {
        expect(['pointed-to', 'conditions-not-met'], `${outcome.scenario} when ${describeAssumptions(a)}`).toContain(outcome.verdict);
      }
    }
  });

  it('every rule fires in at least one combination (no dead rows)', () => {
    for (const rule of RULES) {
      expect(allAssumptionCombinations().some((a) => ruleMatches(rule, a)), rule.id).toBe(true);
    }
  });

  it('under the defaults (the situation when the article was written) it points to I and IV, as the article concludes', () => {
    const result = evaluateRules(RULES, DEFAULT_ASSUMPTIONS);
    expect(result.pointedTo).toEqual(['i', 'iv']);
    expect(result.outcomes.find((o) => o.scenario === 'iv')!.for.map((r) => r.id)).toContain('gains-without-reforms');
  });

  it('follows the article: escorts → I; dialogue → II; uncoordinated units → III; insecure routes → IV; split plus dialogue → III and II', () => {
    const base: Assumptions = { escorts: false, reforms: false, dialogue: false, uncoordinated: false };
    const forIds = (a: Assumptions, s: ScenarioId): string[] => evaluateRules(RULES, a).outcomes.find((o) => o.scenario === s)!.for.map((r) => r.id);
    expect(forIds({ ...base, escorts: true }, 'i')).toContain('escorts-keep-fuel-flowing');
    expect(forIds({ ...base, dialogue: true }, 'ii')).toContain('channels-reopen');
    expect(forIds({ ...base, uncoordinated: true }, 'iii')).toContain('units-act-alone');
    expect(forIds(base, 'iv')).toContain('routes-stay-insecure');
    const both = { ...base, dialogue: true, uncoordinated: true };
    expect(forIds(both, 'iii')).toContain('split-with-open-channels');
    expect(forIds(both, 'ii')).toContain('split-with-open-channels');
  });

  it('the whole scenario data set is consistent (checkScenarioData finds nothing)', () => {
    expect(checkScenarioData(data)).toEqual([]);
  });
});

describe('the rule engine', () => {
  const rule = (id: string, over: Partial<RuleLike>): RuleLike => ({
    id,
    escorts: 'any',
    reforms: 'any',
    dialogue: 'any',
    uncoordinated: 'any',
    effect: 'for',
    scenarios: ['i'],
    ...over,
  });

  it('conditionHolds: any always, yes only for true, no only for false', () => {
    expect([conditionHolds('any', true), conditionHolds('any', false)]).toEqual([true, true]);
    expect([conditionHolds('yes', true), conditionHolds('yes', false)]).toEqual([true, false]);
    expect([conditionHolds('no', true), conditionHolds('no', false)]).toEqual([false, true]);
  });

  it('a rule matches only when all four conditions hold', () => {
    const r = rule('r', { escorts: 'yes', reforms: 'no' });
    expect(ruleMatches(r, { escorts: true, reforms: false, dialogue: true, uncoordinated: true })).toBe(true);
    expect(ruleMatches(r, { escorts: true, reforms: true, dialogue: true, uncoordinated: true })).toBe(false);
    expect(ruleMatches(r, { escorts: false, reforms: false, dialogue: true, uncoordinated: true })).toBe(false);
  });

  it('keeps table order, separates for and against, and flags mixed or missing verdicts', () => {
    const table = [
      rule('b', { scenarios: ['ii', 'i'] }),
      rule('a', { effect: 'against', scenarios: ['ii'] }),
      rule('c', { escorts: 'no', scenarios: ['iv'] }),
    ];
    const result = evaluateRules(table, DEFAULT_ASSUMPTIONS);
    expect(result.matched.map((r) => r.id)).toEqual(['b', 'a']);
    expect(result.pointedTo).toEqual(['i', 'ii']);
    const verdicts = Object.fromEntries(result.outcomes.map((o) => [o.scenario, o.verdict]));
    expect(verdicts).toEqual({ i: 'pointed-to', ii: 'mixed', iii: 'no-rule', iv: 'no-rule' });
  });

  it('is pure: same input, same output, and the inputs are not changed', () => {
    const table = structuredClone(RULES) as ScenarioRule[];
    const a = { ...DEFAULT_ASSUMPTIONS };
    const first = evaluateRules(table, a);
    const second = evaluateRules(table, a);
    expect(second).toEqual(first);
    expect(table).toEqual(RULES);
    expect(a).toEqual(DEFAULT_ASSUMPTIONS);
  });

  it('an empty table points nowhere, and the consistency check says so for all 16 combinations', () => {
    for (const a of allAssumptionCombinations()) expect(evaluateRules([], a).pointedTo).toEqual([]);
    const issues = checkScenarioData({ ...data, scenarioRules: [] });
    expect(issues.filter((i) => i.includes('no rule points to any scenario'))).toHaveLength(16);
  });

  it('removing the escorts rules leaves combinations without a conclusion, and the check catches it', () => {
    const thinned = RULES.filter((r) => r.escorts === 'any');
    const issues = checkScenarioData({ ...data, scenarioRules: thinned });
    expect(issues.some((i) => i.includes('escorts no, reforms no, dialogue no, uncoordinated no'))).toBe(true);
  });

  it('describes a condition in words', () => {
    expect(describeCondition(rule('x', { escorts: 'yes', reforms: 'no' }))).toBe('escorts: yes; reforms: no');
    expect(describeCondition(rule('x', {}))).toBe('always');
  });

  it('scenario ids are the four short ids, in order', () => {
    expect([...SCENARIO_IDS]).toEqual(['i', 'ii', 'iii', 'iv']);
  });
});
