/**
 * The explorer's only script. The page is complete without it; this reads
 * the state from the address (ignoring anything malformed), reflects it in
 * the controls, and writes every change back with replaceState. Text that
 * depends on the reader's numbers is set with textContent, never as HTML.
 * The words it writes are in the page's language, read from <html lang>.
 */
import { SCENARIO_IDS, ASSUMPTION_IDS, isScenarioId, type ScenarioId, type AssumptionId } from '../model';
import { evaluateRules, type RuleLike } from '../rules';
import { decode, defaultPair, toSearch, type ExplorerState, type Pair } from '../url-state';
import { adjustEstimate, compareWithArticle, type AssessmentLike } from '../estimate';
import { scenarioWords } from '../words';

interface ExplorerIsland {
  rules: RuleLike[];
  assessment: AssessmentLike[];
}

const words = scenarioWords(document.documentElement.lang === 'fr' ? 'fr' : 'en');

/** The pair as the page shows it: in the order I to IV, whichever select names which. */
function inOrder(pair: Pair): ScenarioId[] {
  return SCENARIO_IDS.filter((id) => pair.includes(id));
}

function init() {
  const islandNode = document.getElementById('explorer-data');
  const form = document.querySelector<HTMLFormElement>('[data-explorer-form]');
  if (!islandNode?.textContent || !form) return;
  const island = JSON.parse(islandNode.textContent) as ExplorerIsland;
  let state: ExplorerState = decode(location.search);

  const compareInputs = Array.from(document.querySelectorAll<HTMLInputElement>('[data-compare-input]'));
  const assumptionInputs = Array.from(document.querySelectorAll<HTMLInputElement>('[data-assumption-input]'));
  const estimateInputs = Array.from(document.querySelectorAll<HTMLInputElement>('[data-estimate-input]'));
  const compareStatus = document.querySelector<HTMLElement>('[data-compare-status]');
  const summary = document.querySelector<HTMLElement>('[data-reasoning-summary]');
  const comparison = document.querySelector<HTMLElement>('[data-estimate-comparison]');
  const compareTable = document.querySelector<HTMLElement>('[data-compare]');
  const shareUrl = document.querySelector<HTMLInputElement>('[data-share-url]');
  const copyStatus = document.querySelector<HTMLElement>('[data-copy-status]');
  // The phone comparison: two selects, "Show all four", and one "Show the other two" button per row.
  const pairSelects = Array.from(document.querySelectorAll<HTMLSelectElement>('[data-pair-select]'));
  const pairAll = document.querySelector<HTMLButtonElement>('[data-pair-all]');
  const pairStatus = document.querySelector<HTMLElement>('[data-pair-status]');
  const moreButtons = Array.from(document.querySelectorAll<HTMLButtonElement>('[data-more]'));
  let showAll = false;

  const render = (writeUrl: boolean) => {
    for (const input of compareInputs) input.checked = state.compare.includes(input.value as ScenarioId);
    for (const input of assumptionInputs) input.checked = state.assumptions[input.dataset.assumptionInput as AssumptionId];
    compareTable?.setAttribute('data-hide', SCENARIO_IDS.filter((id) => !state.compare.includes(id)).join(' '));
    compareTable?.setAttribute('data-pair', state.pair.join(' '));
    compareTable?.setAttribute('data-view', showAll ? 'all' : 'pair');
    pairSelects.forEach((select, i) => (select.value = state.pair[i] ?? ''));
    pairAll?.setAttribute('aria-pressed', String(showAll));
    const others = SCENARIO_IDS.filter((id) => !state.pair.includes(id));
    for (const button of moreButtons) {
      const open = button.getAttribute('aria-expanded') === 'true';
      const text = button.querySelector('[data-more-text]');
      if (text) text.textContent = open ? words.hideOthers(others) : words.showOthers(others);
    }

    const evaluation = evaluateRules(island.rules, state.assumptions);
    const matched = new Set(evaluation.matched.map((r) => r.id));
    document.querySelectorAll<HTMLElement>('[data-rule]').forEach((li) => (li.hidden = !matched.has(li.dataset.rule ?? '')));
    for (const outcome of evaluation.outcomes) {
      document.querySelectorAll<HTMLElement>(`[data-outcome="${outcome.scenario}"] [data-verdict]`).forEach((span) => {
        span.hidden = span.dataset.verdict !== outcome.verdict;
      });
    }
    if (summary) summary.textContent = words.reasoningUnder(evaluation.pointedTo);

    estimateInputs.forEach((input, i) => {
      const value = state.estimate ? state.estimate[i] ?? 0 : 25;
      input.value = String(value);
      const output = document.querySelector<HTMLOutputElement>(`[data-estimate-output="${input.dataset.estimateInput}"]`);
      if (output) output.value = state.estimate ? String(value) : '–';
      input.setAttribute('aria-valuetext', state.estimate ? words.sliderValue(value) : words.noEstimateYet);
    });
    if (comparison) {
      const sentences = compareWithArticle(state.estimate, island.assessment, words);
      comparison.replaceChildren(
        ...(sentences.length > 0 ? sentences : [{ text: words.estimatePrompt }]).map((s) => {
          const p = document.createElement('p');
          p.textContent = s.text;
          return p;
        }),
      );
    }

    const search = toSearch(state);
    if (writeUrl && location.search !== search) history.replaceState(null, '', `${location.pathname}${search}${location.hash}`);
    if (shareUrl) shareUrl.value = `${location.origin}${location.pathname}${search}`;
  };

  form.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement;
    if (target.matches('[data-compare-input]')) {
      const chosen = compareInputs.filter((i) => i.checked).map((i) => i.value).filter(isScenarioId);
      if (chosen.length < 2) {
        target.checked = true;
        if (compareStatus) compareStatus.textContent = words.keepTwo;
        return;
      }
      if (compareStatus) compareStatus.textContent = words.comparing(chosen);
      // A pair nobody chose follows the columns, so a link with two columns shows those two on a phone.
      const implied = defaultPair(state.compare);
      const pair = state.pair[0] === implied[0] && state.pair[1] === implied[1] ? defaultPair(chosen) : state.pair;
      state = { ...state, compare: chosen, pair };
    } else if (target.matches('[data-assumption-input]')) {
      const assumptions = Object.fromEntries(ASSUMPTION_IDS.map((id) => [id, assumptionInputs.find((i) => i.dataset.assumptionInput === id)?.checked ?? false]));
      state = { ...state, assumptions: assumptions as ExplorerState['assumptions'] };
    }
    render(true);
  });
  form.addEventListener('submit', (event) => event.preventDefault());

  for (const select of pairSelects) {
    select.addEventListener('change', () => {
      const chosen = select.value;
      if (!isScenarioId(chosen)) return;
      const slot = select.dataset.pairSelect === 'b' ? 1 : 0;
      const other = state.pair[1 - slot]!;
      // Choosing the scenario the other select shows swaps the two, so the pair stays two different scenarios.
      const kept = chosen === other ? state.pair[slot]! : other;
      const pair: Pair = slot === 0 ? [chosen, kept] : [kept, chosen];
      state = { ...state, pair };
      showAll = false;
      if (pairStatus) pairStatus.textContent = words.comparing(inOrder(pair));
      render(true);
    });
  }
  pairAll?.addEventListener('click', () => {
    showAll = !showAll;
    if (pairStatus) pairStatus.textContent = showAll ? words.showingAll : words.comparing(inOrder(state.pair));
    render(false);
  });
  for (const button of moreButtons) {
    button.addEventListener('click', () => {
      const open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      button.closest('tr')?.classList.toggle('is-open', open);
      render(false);
    });
  }

  for (const input of estimateInputs) {
    input.addEventListener('input', () => {
      const id = input.dataset.estimateInput;
      if (!isScenarioId(id)) return;
      state = { ...state, estimate: adjustEstimate(state.estimate, id, Number(input.value)) };
      render(true);
    });
  }
  document.querySelector('[data-estimate-reset]')?.addEventListener('click', () => {
    state = { ...state, estimate: null };
    render(true);
  });

  document.querySelector('[data-copy-link]')?.addEventListener('click', async () => {
    const url = shareUrl?.value ?? location.href;
    try {
      await navigator.clipboard.writeText(url);
      if (copyStatus) copyStatus.textContent = words.linkCopied;
    } catch {
      // Clipboard access can be refused (insecure origin, permissions): select the text so it can be copied by hand.
      shareUrl?.select();
      if (copyStatus) copyStatus.textContent = words.copyFailed;
    }
  });

  // A link that decoded to something other than what it said (bad values dropped) is rewritten in its clean form.
  render(true);
  document.documentElement.classList.add('explorer-ready');
}

init();
