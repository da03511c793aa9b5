import { describe, it, expect } from 'vitest';
import { loadSiteData } from '../../../src/data/load';
import { EVEN_SPLIT, adjustEstimate, compareWithArticle, topScenarios, type AssessmentLike } from '../../../src/scenarios/estimate';
import { SCENARIO_IDS } from '../../../src/scenarios/model';
import { isValidEstimate, type Estimate } from '../../../src/scenarios/url-state';
import { REAL_DATA_DIR } from '../helpers/broken-data';
import { rng } from './prng';

const ASSESSMENT = loadSiteData(REAL_DATA_DIR).scenarioAssessment;

describe('adjusting the 100-point split', () => {
  it('keeps the total at 100 and every value a whole number from 0 to 100, over 20,000 random moves', () => {
    const r = rng(7);
    let estimate: Estimate = EVEN_SPLIT;
    for (let n = 0; n < 20_000; n++) {
      const scenario = r.pick(SCENARIO_IDS);
      const value = r.next() < 0.1 ? r.pick([-50, 150, 33.7, Number.NaN, Infinity, -Infinity]) : r.int(0, 100);
      const next = adjustEstimate(estimate, scenario, value);
      expect(isValidEstimate(next), `move ${n}: ${scenario} → ${value} from ${estimate.join(',')}`).toBe(true);
      if (Number.isFinite(value)) {
        const expected = Math.min(100, Math.max(0, Math.round(value)));
        expect(next[SCENARIO_IDS.indexOf(scenario)]).toBe(expected);
      }
      estimate = next;
    }
  });

  it('takes points from the others in proportion to what they hold', () => {
    expect(adjustEstimate([25, 25, 25, 25], 'i', 55)).toEqual([55, 15, 15, 15]);
    expect(adjustEstimate([40, 40, 20, 0], 'iv', 20)).toEqual([32, 32, 16, 20]);
  });

  it('gives points back in proportion to what the others hold; a zero stays zero', () => {
    expect(adjustEstimate([70, 20, 10, 0], 'i', 40)).toEqual([40, 40, 20, 0]);
  });

  it('spreads points evenly when all the others hold none, remainder to the earlier scenarios', () => {
    expect(adjustEstimate([100, 0, 0, 0], 'i', 90)).toEqual([90, 4, 3, 3]);
    expect(adjustEstimate([100, 0, 0, 0], 'i', 0)).toEqual([0, 34, 33, 33]);
  });

  it('is deterministic and does not change its input', () => {
    const start: Estimate = [13, 29, 41, 17];
    const copy = [...start];
    expect(adjustEstimate(start, 'iii', 2)).toEqual(adjustEstimate(start, 'iii', 2));
    expect([...start]).toEqual(copy);
  });

  it('starts from the even split when there is no valid estimate yet', () => {
    expect(adjustEstimate(null, 'ii', 40)).toEqual([20, 40, 20, 20]);
    expect(adjustEstimate([90, 90, 0, 0] as unknown as Estimate, 'ii', 40)).toEqual([20, 40, 20, 20]);
  });

  it('finds the top scenario, or all the tied ones', () => {
    expect(topScenarios([10, 60, 20, 10])).toEqual(['ii']);
    expect(topScenarios([40, 10, 10, 40])).toEqual(['i', 'iv']);
  });
});

/** Numbers in the sentences may only be the reader's own points or "100": none is claimed for the article. */
function numbersIn(text: string): number[] {
  return [...text.matchAll(/\d+/g)].map((m) => Number(m[0]));
}

describe('comparing the reader’s split with the article’s assessment', () => {
  it('says nothing before the reader has a split', () => {
    expect(compareWithArticle(null, ASSESSMENT)).toEqual([]);
  });

  it('agrees when the reader’s top scenario is the one the article calls most likely, and IV beats II and III', () => {
    const s = compareWithArticle([50, 10, 10, 30], ASSESSMENT);
    expect(s.map((x) => x.id)).toEqual(['top', 'iv-versus-others', 'collapse', 'no-numbers']);
    expect(s[0]!.agrees).toBe(true);
    expect(s[0]!.text).toContain('Scenario I the most points (50 points of 100)');
    expect(s[1]!.agrees).toBe(true);
    expect(s[1]!.text).toContain('more points than Scenario II and Scenario III');
    expect(s[2]!.text).toMatch(/improbable/);
  });

  it('differs when the reader puts another scenario first, and says the article gives it no likelihood', () => {
    const s = compareWithArticle([10, 60, 20, 10], ASSESSMENT);
    expect(s[0]!.agrees).toBe(false);
    expect(s[0]!.text).toContain('You give the most points to Scenario II (60 points)');
    expect(s[0]!.text).toContain('calls Scenario I the most likely');
    expect(s[0]!.text).toContain('without saying how likely it is');
    expect(s[1]!.agrees).toBe(false);
    expect(s[1]!.text).toContain('Scenario II and Scenario III each get at least as many points as Scenario IV');
  });

  it('treats a tie that includes the article’s most likely scenario as neither agreement nor disagreement', () => {
    const s = compareWithArticle([40, 10, 10, 40], ASSESSMENT);
    expect(s[0]!.agrees).toBeNull();
    expect(s[0]!.text).toContain('40 points each');
  });

  it('never puts a number in the article’s mouth, over 2,000 random splits', () => {
    const r = rng(99);
    for (let n = 0; n < 2000; n++) {
      const cuts = [r.int(0, 100), r.int(0, 100), r.int(0, 100)].sort((a, b) => a - b) as [number, number, number];
      const estimate: Estimate = [cuts[0], cuts[1] - cuts[0], cuts[2] - cuts[1], 100 - cuts[2]];
      for (const sentence of compareWithArticle(estimate, ASSESSMENT)) {
        for (const number of numbersIn(sentence.text)) expect([...estimate, 100], sentence.text).toContain(number);
        expect(sentence.text).not.toMatch(/%|per ?cent|probabilit/i);
        expect(sentence.sourceIds.length).toBeGreaterThan(0);
      }
    }
  });

  it('is built from the assessment rows: change the row, and the sentence follows', () => {
    const moved: AssessmentLike[] = ASSESSMENT.map((a) =>
      a.standing === 'most-likely-now' ? { ...a, scenario: 'iii' } : a.scenario === 'iii' ? { ...a, scenario: 'i' } : a,
    );
    const s = compareWithArticle([50, 10, 10, 30], moved);
    expect(s[0]!.agrees).toBe(false);
    expect(s[0]!.text).toContain('calls Scenario III the most likely');
  });
});
