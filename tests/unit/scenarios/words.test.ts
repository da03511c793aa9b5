import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { loadSiteData } from '../../../src/data/load';
import { formatDate } from '../../../src/data/dates';
import { ARTICLE_DATE } from '../../../src/data/currency';
import { textOf } from '../../../src/i18n/data-text';
import { t } from '../../../src/i18n/strings';
import { en as englishStrings, fr as frenchStrings } from '../../../src/i18n/strings/scenarios';
import { compareWithArticle } from '../../../src/scenarios/estimate';
import { SCENARIO_IDS, allAssumptionCombinations, type ScenarioId } from '../../../src/scenarios/model';
import { evaluateRules } from '../../../src/scenarios/rules';
import { ENGLISH, FRENCH, scenarioWords } from '../../../src/scenarios/words';
import type { Estimate } from '../../../src/scenarios/url-state';
import { REAL_DATA_DIR } from '../helpers/broken-data';

const data = loadSiteData(REAL_DATA_DIR);
const RULES = data.scenarioRules;
const ASSESSMENT = data.scenarioAssessment;
const FRENCH_ASSESSMENT = ASSESSMENT.map((a) => ({ ...a, statement: FRENCH.dataText(textOf(a, 'statement', 'fr')) }));

/** English words that never occur in French prose; one of them in a French sentence is a leftover. */
const ENGLISH_WORDS =
  /\b(the|and|of|with|which|that|this|from|scenarios?|comparing|show|showing|hide|none|under|gives?|than|each|without|saying|likely|outcome|your|you|link|copied|points to|weighs|against|yes|no|any|always|escorts|reforms|uncoordinated)\b/iu;

/** What French typography requires of a sentence: no plain space before ; : ! ? or inside « », no straight apostrophe. */
function frenchTypographyProblems(text: string): string[] {
  const problems: string[] = [];
  if (/[ \u00a0][;:!?»]/u.test(text)) problems.push('a plain or wide space before ; : ! ? or »');
  if (/[^\s\u202f][;!?]/u.test(text) || /[^\s\u202f\d]:/u.test(text)) problems.push('no space before ; : ! ?');
  if (/«[ \u00a0]|«[^\u202f]/u.test(text)) problems.push('no narrow space after «');
  if (/'/u.test(text)) problems.push('a straight apostrophe');
  return problems;
}

/** Every split of 100 points in steps of 10: 286 estimates, ties and zeros included. */
function splits(): Estimate[] {
  const out: Estimate[] = [];
  for (let a = 0; a <= 100; a += 10)
    for (let b = 0; a + b <= 100; b += 10)
      for (let c = 0; a + b + c <= 100; c += 10) out.push([a, b, c, 100 - a - b - c]);
  return out;
}

const SOME_LISTS: ScenarioId[][] = [['i'], ['iv'], ['i', 'iv'], ['ii', 'iii'], ['i', 'ii', 'iv'], [...SCENARIO_IDS]];

describe('the French sentences the explorer composes', () => {
  it('names one scenario, or several, with the article that agrees and merges: « au scénario I », « aux scénarios I et IV »', () => {
    expect(FRENCH.reasoningUnder(['i'])).toBe('Dans ces conditions, le raisonnement de l’article conduit au scénario I.');
    expect(FRENCH.reasoningUnder(['i', 'iv'])).toBe('Dans ces conditions, le raisonnement de l’article conduit aux scénarios I et IV.');
    expect(FRENCH.reasoningAtWriting(['i', 'iv'])).toBe('Avec les conditions telles qu’elles étaient quand l’article a été écrit, son raisonnement conduit aux scénarios I et IV.');
    expect(FRENCH.comparing(['i', 'ii', 'iv'])).toBe('Comparaison des scénarios I, II et IV.');
    expect(FRENCH.ruleEffect('against', ['iv'])).toBe('Conditions non réunies pour le scénario IV');
    expect(FRENCH.signpostLeaning(['i'], ['iv'])).toBe('Va dans le sens du scénario I\u202f; pèse contre le scénario IV.');
    expect(FRENCH.signpostLeaning(['ii'], [])).toBe('Va dans le sens du scénario II.');
  });

  it('every list of scenarios reads in French and names each of them once', () => {
    for (const ids of SOME_LISTS) {
      const numerals = ids.map((id) => id.toUpperCase());
      for (const text of [FRENCH.names(ids), FRENCH.numerals(ids), FRENCH.comparing(ids), FRENCH.ruleEffect('for', ids), FRENCH.ruleEffect('against', ids), FRENCH.signpostLeaning(ids, [])]) {
        expect(text, text).not.toMatch(ENGLISH_WORDS);
        expect(text.match(/\b[IV]+\b/gu), text).toEqual(numerals);
        expect(text.includes(' et '), text).toBe(ids.length > 1);
      }
    }
  });

  it('the phone comparison: « Afficher III et IV », « Masquer I et II »', () => {
    expect(FRENCH.showOthers(['iii', 'iv'])).toBe('Afficher III et IV');
    expect(FRENCH.hideOthers(['i', 'ii'])).toBe('Masquer I et II');
    expect(t('fr', 'scenarios.pairCompare')).toBe('Comparer');
    expect(t('fr', 'scenarios.pairWith')).toBe('avec');
    expect(t('fr', 'scenarios.showAll')).toBe('Afficher les quatre');
  });

  it('for every one of the 16 combinations of conditions, the summary is French and names what the rules point to', () => {
    for (const combination of allAssumptionCombinations()) {
      const { pointedTo } = evaluateRules(RULES, combination);
      const sentence = FRENCH.reasoningUnder(pointedTo);
      expect(sentence, sentence).not.toMatch(ENGLISH_WORDS);
      expect(frenchTypographyProblems(sentence), sentence).toEqual([]);
      for (const id of SCENARIO_IDS) expect(new RegExp(`\\b${id.toUpperCase()}\\b`, 'u').test(sentence), `${sentence} / ${id}`).toBe(pointedTo.includes(id));
    }
    expect(FRENCH.reasoningUnder([])).toBe('Dans ces conditions, aucune des règles de l’article ne conduit à un scénario.');
  });

  it('every rule has a French explanation, effect and condition, with no English word and French spacing', () => {
    for (const rule of RULES) {
      const explanation = FRENCH.dataText(textOf(rule, 'explanation', 'fr'));
      for (const text of [explanation, FRENCH.ruleEffect(rule.effect, rule.scenarios), FRENCH.condition(rule)]) {
        // The explanations quote the article in French («\u202fdialogue sélectif\u202f»); none keeps an English word.
        expect(text, `${rule.id}: ${text}`).not.toMatch(ENGLISH_WORDS);
        expect(frenchTypographyProblems(text), `${rule.id}: ${text}`).toEqual([]);
      }
      for (const key of ['escorts', 'reforms', 'dialogue', 'uncoordinated'] as const) expect(['oui', 'non', 'indifférent']).toContain(FRENCH.conditionCell(rule[key]));
    }
    expect(FRENCH.condition({ id: 'x', escorts: 'yes', reforms: 'no', dialogue: 'any', uncoordinated: 'any', effect: 'for', scenarios: ['i'] })).toBe(
      'escortes\u202f: oui\u202f; réformes\u202f: non',
    );
  });

  it('compares every split of 100 points with the article in French, sentence for sentence with English, the same numbers and verdicts', () => {
    for (const estimate of splits()) {
      const english = compareWithArticle(estimate, ASSESSMENT, ENGLISH);
      const french = compareWithArticle(estimate, FRENCH_ASSESSMENT, FRENCH);
      expect(french.map((s) => [s.id, s.agrees])).toEqual(english.map((s) => [s.id, s.agrees]));
      for (const [i, sentence] of french.entries()) {
        const where = `${estimate.join(',')}: ${sentence.text}`;
        expect(sentence.text, where).not.toMatch(ENGLISH_WORDS);
        expect(frenchTypographyProblems(sentence.text), where).toEqual([]);
        const numbers = (text: string) => (text.match(/\d+/gu) ?? []).filter((n) => n !== '2013').sort();
        expect(numbers(sentence.text), where).toEqual(numbers(english[i]!.text));
      }
    }
  });

  it('counts points as French does: « 1 point », « 0 point », « 35 points »', () => {
    expect(FRENCH.sliderValue(0)).toBe('0 point');
    expect(FRENCH.sliderValue(1)).toBe('1 point');
    expect(FRENCH.sliderValue(35)).toBe('35 points');
    const [top] = compareWithArticle([70, 10, 10, 10], FRENCH_ASSESSMENT, FRENCH);
    expect(top!.text).toBe(
      'Vous donnez le plus de points au scénario I (70 points sur 100). L’article, lui aussi, y voit l’issue la plus probable au moment où il a été écrit.',
    );
  });

  it('every fixed sentence of the page is French, with French spacing', () => {
    const fixed = [FRENCH.keepTwo, FRENCH.showingAll, FRENCH.noEstimateYet, FRENCH.estimatePrompt, FRENCH.linkCopied, FRENCH.copyFailed, FRENCH.noNumbers];
    for (const key of Object.keys(frenchStrings) as (keyof typeof frenchStrings)[]) fixed.push(frenchStrings[key]);
    for (const text of fixed) {
      expect(text, text).not.toMatch(ENGLISH_WORDS);
      expect(frenchTypographyProblems(text.replace(/\{\w+\}/gu, 'x')), text).toEqual([]);
    }
  });

  it('dates the article in French: « postérieures au 9 décembre 2025 »', () => {
    expect(t('fr', 'scenarios.signpostsIntro', { date: formatDate(ARTICLE_DATE, 'full', 'fr') })).toContain('postérieures au 9 décembre 2025');
  });
});

describe('the English sentences are those the page always had', () => {
  it('word for word', () => {
    expect(ENGLISH.reasoningUnder(['i', 'iv'])).toBe('Under these conditions, the article’s reasoning points to Scenario I and Scenario IV.');
    expect(ENGLISH.reasoningAtWriting(['i', 'iv'])).toBe('With the conditions as they were when the article was written, its reasoning points to Scenario I and Scenario IV.');
    expect(ENGLISH.showOthers(['iii', 'iv'])).toBe('Show III and IV');
    expect(ENGLISH.comparing(['i', 'ii', 'iv'])).toBe('Comparing Scenario I, Scenario II and Scenario IV.');
    expect(ENGLISH.signpostLeaning(['i'], ['iv'])).toBe('Points to Scenario I; weighs against Scenario IV.');
    expect(ENGLISH.ruleEffect('against', ['iv'])).toBe('Conditions not met for Scenario IV');
    expect(compareWithArticle([70, 10, 10, 10], ASSESSMENT)[0]!.text).toBe(
      'You give Scenario I the most points (70 points of 100). The article, too, calls it the most likely outcome at the time of writing.',
    );
    expect(scenarioWords('en')).toBe(ENGLISH);
    expect(englishStrings['scenarios.showAll']).toBe('Show all four');
  });
});

describe('the French page text (content/fr/pages/scenarios.mdx)', () => {
  const frontmatter = (file: string) => parseYaml(readFileSync(file, 'utf8').split(/^---$/mu)[1]!) as { title: string; description: string; labels: Record<string, string> };
  const english = frontmatter('content/pages/scenarios.mdx');
  const french = frontmatter('content/fr/pages/scenarios.mdx');

  it('has a French value for every label of the English page, and no other', () => {
    expect(Object.keys(french.labels).sort()).toEqual(Object.keys(english.labels).sort());
  });

  it('is French, attributing the judgement of likelihood to the article and calling the page a reading aid, not a forecast', () => {
    for (const text of [french.title, french.description, ...Object.values(french.labels)]) expect(text, text).not.toMatch(ENGLISH_WORDS);
    expect(french.description).toContain('aide à la lecture');
    expect(french.labels['reasoning-article-view']).toMatch(/^L’article .* juge le scénario I l’issue la plus probable/u);
  });
});
