/**
 * The sentences the scenario explorer composes from a reader's choices, in each
 * language: lists of scenarios, where the reasoning points, the phone
 * comparison's buttons, the estimate's comparison with the article. Fixed
 * interface words live in src/i18n/strings/scenarios.ts; these are here because
 * they are built, and French builds them differently (articles that change with
 * the number and the preposition: « au scénario I », « aux scénarios I et IV »,
 * « des scénarios II et III »), not by filling one template.
 *
 * No imports but the model, the rules and the French typography, so the browser script
 * uses this file too: it takes the page's language from <html lang>.
 */
import { ASSUMPTION_IDS, scenarioNumeral, type AssumptionId, type Condition, type RuleEffect, type ScenarioId } from './model';
import { describeCondition, type RuleLike } from './rules';
import { frenchTypography } from '../i18n/typography';
import type { Locale } from '../i18n/locale';

/** What the estimate's comparison sentences need to know, beyond the words. */
export interface TopFacts {
  readonly top: readonly ScenarioId[];
  readonly likely: readonly ScenarioId[];
  /** The points each top scenario holds. */
  readonly points: number;
  /** Top scenarios for which the article gives no likelihood. */
  readonly unranked: readonly ScenarioId[];
}

export interface ScenarioWords {
  /** A list of scenarios as a sentence names them: "Scenario I and Scenario IV", « le scénario I ». */
  names(ids: readonly ScenarioId[]): string;
  /** Numerals only: "III and IV". */
  numerals(ids: readonly ScenarioId[]): string;
  /** The summary as the page starts, with the conditions as the article saw them. */
  reasoningAtWriting(ids: readonly ScenarioId[]): string;
  /** The summary once the reader has switched conditions; `ids` may be empty. */
  reasoningUnder(ids: readonly ScenarioId[]): string;
  /** A rule's effect, in the rule table. */
  ruleEffect(effect: RuleEffect, ids: readonly ScenarioId[]): string;
  /** How a rule's condition reads: "escorts: yes; reforms: no". */
  condition(rule: RuleLike): string;
  /** A condition cell of the rule table. */
  conditionCell(condition: Condition): string;
  /** What a signpost would show: "Points to Scenario I; weighs against Scenario IV." */
  signpostLeaning(pointsTo: readonly ScenarioId[], weighsAgainst: readonly ScenarioId[]): string;
  comparing(ids: readonly ScenarioId[]): string;
  keepTwo: string;
  showingAll: string;
  showOthers(ids: readonly ScenarioId[]): string;
  hideOthers(ids: readonly ScenarioId[]): string;
  /** The slider's spoken value. */
  sliderValue(points: number): string;
  noEstimateYet: string;
  estimatePrompt: string;
  linkCopied: string;
  copyFailed: string;
  /** The estimate's first sentence: the reader's top scenario beside the one the article calls most likely. */
  topAgrees(facts: TopFacts): string;
  topShared(facts: TopFacts): string;
  topDiffers(facts: TopFacts): string;
  /** The second: the scenario that gains ground without reforms, beside those given no likelihood. */
  conditionalAbove(conditional: ScenarioId, unranked: readonly ScenarioId[]): string;
  conditionalNotAbove(conditional: ScenarioId, unranked: readonly ScenarioId[], atOrAbove: readonly ScenarioId[]): string;
  noNumbers: string;
  /** Text from the data, as the page shows it in this language. */
  dataText(text: string): string;
}

function list(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

// ---------------------------------------------------------------------------
// English

const name = (id: ScenarioId) => `Scenario ${scenarioNumeral(id)}`;
const enNames = (ids: readonly ScenarioId[]) => list(ids.map(name), 'and');
const enPoints = (n: number) => (n === 1 ? '1 point' : `${n} points`);

export const ENGLISH: ScenarioWords = {
  names: enNames,
  numerals: (ids) => list(ids.map(scenarioNumeral), 'and'),
  reasoningAtWriting: (ids) => `With the conditions as they were when the article was written, its reasoning points to ${enNames(ids)}.`,
  reasoningUnder: (ids) =>
    ids.length > 0
      ? `Under these conditions, the article’s reasoning points to ${enNames(ids)}.`
      : 'Under these conditions, none of the article’s rules points to a scenario.',
  ruleEffect: (effect, ids) => `${effect === 'for' ? 'Points to' : 'Conditions not met for'} ${enNames(ids)}`,
  condition: describeCondition,
  conditionCell: (condition) => condition,
  signpostLeaning: (pointsTo, against) => `Points to ${enNames(pointsTo)}${against.length > 0 ? `; weighs against ${enNames(against)}` : ''}.`,
  comparing: (ids) => `Comparing ${enNames(ids)}.`,
  keepTwo: 'Keep at least two scenarios to compare.',
  showingAll: 'Showing all four scenarios.',
  showOthers: (ids) => `Show ${list(ids.map(scenarioNumeral), 'and')}`,
  hideOthers: (ids) => `Hide ${list(ids.map(scenarioNumeral), 'and')}`,
  sliderValue: (n) => `${n} points`,
  noEstimateYet: 'no estimate yet',
  estimatePrompt: 'Move a slider to make your estimate; it will be compared with the article’s assessment here.',
  linkCopied: 'Link copied.',
  copyFailed: 'Could not copy automatically: the link is selected, copy it with your keyboard.',
  topAgrees: ({ top, points }) =>
    `You give ${name(top[0]!)} the most points (${enPoints(points)} of 100). The article, too, calls it the most likely outcome at the time of writing.`,
  topShared: ({ top, likely, points }) =>
    `You give the most points (${enPoints(points)} each) to ${enNames(top)} together. The article singles out ${enNames(likely)} as the most likely outcome at the time of writing.`,
  topDiffers: ({ top, likely, points, unranked }) => {
    const rest = unranked.length > 0 ? ` It describes the conditions for ${enNames(unranked)} without saying how likely ${unranked.length > 1 ? 'they are' : 'it is'}.` : '';
    return `You give the most points to ${enNames(top)} (${enPoints(points)}${top.length > 1 ? ' each' : ''}). The article calls ${enNames(likely)} the most likely outcome at the time of writing.${rest}`;
  },
  conditionalAbove: (conditional, unranked) =>
    `You give ${name(conditional)} more points than ${enNames(unranked)}. The article, too, names ${name(conditional)}, not ${enNames(unranked)}, as the outcome that gains ground if political reforms do not follow the military gains.`,
  conditionalNotAbove: (conditional, unranked, atOrAbove) =>
    `${enNames(atOrAbove)} ${atOrAbove.length > 1 ? 'each get' : 'gets'} at least as many points as ${name(conditional)} in your split. The article names ${name(conditional)} as the outcome that gains ground if political reforms do not follow the military gains, and sets out the conditions for ${enNames(unranked)} without saying how likely they are.`,
  noNumbers:
    'The article puts no numbers on its scenarios; it judges the first the most likely. Your points sit beside that judgement in words, not beside figures of its own.',
  dataText: (text) => text,
};

// ---------------------------------------------------------------------------
// French: the article before "scénario" agrees with the number, and merges with « à » and « de ».

const frNumerals = (ids: readonly ScenarioId[]) => list(ids.map(scenarioNumeral), 'et');
const many = (ids: readonly ScenarioId[]) => ids.length > 1;
/** « le scénario I », « les scénarios I et IV » */
const le = (ids: readonly ScenarioId[]) => `${many(ids) ? 'les scénarios' : 'le scénario'} ${frNumerals(ids)}`;
/** « au scénario I », « aux scénarios I et IV » */
const au = (ids: readonly ScenarioId[]) => `${many(ids) ? 'aux scénarios' : 'au scénario'} ${frNumerals(ids)}`;
/** « du scénario I », « des scénarios I et IV » */
const du = (ids: readonly ScenarioId[]) => `${many(ids) ? 'des scénarios' : 'du scénario'} ${frNumerals(ids)}`;
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** French counts 0 and 1 in the singular. */
const frPoints = (n: number) => (n < 2 ? `${n} point` : `${n} points`);
const fr = frenchTypography;

const FR_ASSUMPTIONS: Record<AssumptionId, string> = {
  escorts: 'escortes',
  reforms: 'réformes',
  dialogue: 'dialogue',
  uncoordinated: 'unités non coordonnées',
};
const FR_CONDITIONS: Record<Condition, string> = { yes: 'oui', no: 'non', any: 'indifférent' };

export const FRENCH: ScenarioWords = {
  names: le,
  numerals: frNumerals,
  reasoningAtWriting: (ids) =>
    fr(`Avec les conditions telles qu’elles étaient quand l’article a été écrit, son raisonnement conduit ${au(ids)}.`),
  reasoningUnder: (ids) =>
    ids.length > 0
      ? fr(`Dans ces conditions, le raisonnement de l’article conduit ${au(ids)}.`)
      : fr('Dans ces conditions, aucune des règles de l’article ne conduit à un scénario.'),
  ruleEffect: (effect, ids) => (effect === 'for' ? `Conduit ${au(ids)}` : `Conditions non réunies pour ${le(ids)}`),
  condition: (rule) => {
    const parts = ASSUMPTION_IDS.filter((key) => rule[key] !== 'any').map((key) => `${FR_ASSUMPTIONS[key]} : ${FR_CONDITIONS[rule[key]]}`);
    return fr(parts.length > 0 ? parts.join(' ; ') : 'toujours');
  },
  conditionCell: (condition) => FR_CONDITIONS[condition],
  signpostLeaning: (pointsTo, against) =>
    fr(`Va dans le sens ${du(pointsTo)}${against.length > 0 ? ` ; pèse contre ${le(against)}` : ''}.`),
  comparing: (ids) => `Comparaison ${du(ids)}.`,
  keepTwo: 'Gardez au moins deux scénarios à comparer.',
  showingAll: 'Les quatre scénarios sont affichés.',
  showOthers: (ids) => `Afficher ${frNumerals(ids)}`,
  hideOthers: (ids) => `Masquer ${frNumerals(ids)}`,
  sliderValue: frPoints,
  noEstimateYet: 'pas encore d’estimation',
  estimatePrompt: fr('Déplacez un curseur pour faire votre estimation ; elle sera comparée ici à l’appréciation de l’article.'),
  linkCopied: 'Lien copié.',
  copyFailed: fr('Copie automatique impossible : le lien est sélectionné, copiez-le avec le clavier.'),
  topAgrees: ({ top, points }) =>
    fr(`Vous donnez le plus de points ${au(top.slice(0, 1))} (${frPoints(points)} sur 100). L’article, lui aussi, y voit l’issue la plus probable au moment où il a été écrit.`),
  topShared: ({ top, likely, points }) =>
    fr(`Vous donnez le plus de points (${frPoints(points)} chacun) ${au(top)}, à égalité. L’article distingue ${le(likely)} comme l’issue la plus probable au moment où il a été écrit.`),
  topDiffers: ({ top, likely, points, unranked }) => {
    const rest = unranked.length > 0 ? ` Il décrit les conditions ${du(unranked)} sans se prononcer sur ${many(unranked) ? 'leur' : 'sa'} probabilité.` : '';
    return fr(`Vous donnez le plus de points ${au(top)} (${frPoints(points)}${many(top) ? ' chacun' : ''}). L’article juge ${le(likely)} l’issue la plus probable au moment où il a été écrit.${rest}`);
  },
  conditionalAbove: (conditional, unranked) =>
    fr(`Vous donnez plus de points ${au([conditional])} qu’${au(unranked)}. L’article, lui aussi, désigne ${le([conditional])}, et non ${le(unranked)}, comme l’issue qui gagne du terrain si les réformes politiques ne suivent pas les acquis militaires.`),
  conditionalNotAbove: (conditional, unranked, atOrAbove) =>
    fr(`${capital(le(atOrAbove))} ${many(atOrAbove) ? 'obtiennent chacun' : 'obtient'} au moins autant de points que ${le([conditional])} dans votre répartition. L’article désigne ${le([conditional])} comme l’issue qui gagne du terrain si les réformes politiques ne suivent pas les acquis militaires, et expose les conditions ${du(unranked)} sans se prononcer sur ${many(unranked) ? 'leur' : 'sa'} probabilité.`),
  noNumbers: fr(
    'L’article ne chiffre pas ses scénarios ; il juge le premier le plus probable. Vos points se placent à côté de ce jugement formulé en mots, et non à côté de chiffres qui seraient les siens.',
  ),
  dataText: fr,
};

export const SCENARIO_WORDS: Record<Locale, ScenarioWords> = { en: ENGLISH, fr: FRENCH };

export function scenarioWords(locale: Locale): ScenarioWords {
  return SCENARIO_WORDS[locale];
}
