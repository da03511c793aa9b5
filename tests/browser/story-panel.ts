/**
 * What the story's panel shows, against the state its active step declares:
 * shared by the story tests and the language tests (the switch lands on the
 * same step, drawn in the same state).
 */
import type { Page } from 'playwright-core';
import { graphicStateMismatches } from './graphic-state-check';

/**
 * Compares what the panel shows with the state the step declares, read from
 * the page's own states island: the active graphic is the only one visible,
 * one layout of it is drawn, and that drawing shows the state
 * (graphicStateMismatches). Returns the differences.
 */
export async function panelMismatches(page: Page, stateName: string): Promise<string[]> {
  const found = await page.evaluateHandle((name) => {
    const island = JSON.parse(document.getElementById('story-states')!.textContent!);
    const state = island.states[name];
    const panel = document.querySelector<HTMLElement>('[data-story-panel]')!;
    const problems: string[] = [];
    const active = panel.querySelector<HTMLElement>('.story-panel__graphic.is-active');
    if (active?.dataset.graphic !== state.kind) problems.push(`graphic ${active?.dataset.graphic} != ${state.kind}`);
    // Waiting graphics stay in the page, transparent: the reader must see the active one and only it.
    const shown = (el: Element) => getComputedStyle(el).visibility === 'visible' && getComputedStyle(el).opacity === '1';
    if (!shown(active!)) problems.push('active graphic is not visible');
    const alsoShown = [...panel.querySelectorAll('.story-panel__graphic')].filter((g) => g !== active && getComputedStyle(g).opacity !== '0');
    if (alsoShown.length > 0) problems.push(`${alsoShown.length} other graphics visible`);
    // A chart has a wide and a narrow layout, the phone timeline one per state, and the map one drawing per
    // view; check the one the reader sees.
    const drawn = (s: SVGSVGElement) => s.getBoundingClientRect().width > 0 && shown(s) && shown(s.closest('.graphic-layout') ?? s);
    const visibleLayouts = [...active!.querySelectorAll('svg')].filter(drawn);
    if (visibleLayouts.length > 1) problems.push(`${visibleLayouts.length} layouts visible at once`);
    return { svg: visibleLayouts[0], problems, state, viewBox: state.kind === 'map' ? island.mapViewBoxes[state.view] : undefined };
  }, stateName);
  const { problems, state, viewBox } = await found.evaluate(({ problems, state, viewBox }) => ({ problems, state, viewBox }));
  const svg = await found.evaluateHandle((f) => f.svg ?? null);
  const element = svg.asElement();
  if (!element) return [...problems, 'no visible graphic'];
  return [...problems, ...(await element.evaluate(graphicStateMismatches, { state, viewBox }))];
}
