/**
 * Puts an embed page's graphic into another of its story states, without
 * animation: the same class rules as the story's panel
 * (src/story/client/state-classes.ts), and the map's viewBox set at once.
 * tests/browser/embeds.test.ts checks, for every state of every embed, that
 * the page shows exactly what the state declares.
 */
import type { GraphicState } from '../../story/graphic-state';
import { applyStateClasses } from '../../story/client/state-classes';

export function applyEmbedState(root: Element, state: GraphicState, stateName: string, viewBoxes: Record<string, string>) {
  applyStateClasses(root, state, stateName);
  if (state.kind !== 'map') return;
  const viewBox = viewBoxes[state.view];
  if (!viewBox) return;
  root.querySelectorAll('svg').forEach((svg) => {
    svg.setAttribute('viewBox', viewBox);
    svg.dataset.view = state.view;
  });
}
