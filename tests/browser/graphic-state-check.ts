/**
 * Compares one drawn graphic (an <svg> in the page) with the state it
 * should show: regions, layers, labels, corridors, annotations and viewBox
 * for the map; highlights, groups and conditional labels for a chart.
 * Returns the differences. The story's panel and the embed pages use it.
 *
 * It runs in the page (Playwright sends its source), so it must not use
 * anything from this module's scope.
 */
export interface StateCheck {
  // The page's own state object, as its island holds it.
  state: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The viewBox the map's view should have. */
  viewBox?: string;
}

export function graphicStateMismatches(svg: Element, { state, viewBox }: StateCheck): string[] {
  const problems: string[] = [];
  const sorted = (a: Iterable<string>) => [...a].sort().join(',');
  // Shown: neither the element nor a group around it is switched off (map names sit in one group per state).
  const on = (sel: string, attr: string) =>
    sorted([...svg.querySelectorAll(sel)].filter((el) => !el.closest('.is-off')).map((el) => el.getAttribute(attr) ?? ''));
  if (state.kind === 'map') {
    const highlighted = sorted([...svg.querySelectorAll('[data-region].is-highlighted')].map((el) => el.getAttribute('data-region')!));
    if (highlighted !== sorted(state.highlight)) problems.push(`regions ${highlighted} != ${sorted(state.highlight)}`);
    const layers = on('[data-layer]', 'data-layer');
    if (layers !== sorted(state.layers)) problems.push(`layers ${layers} != ${sorted(state.layers)}`);
    const labels = on('[data-label]', 'data-label');
    if (labels !== sorted(state.labels)) problems.push(`labels ${labels} != ${sorted(state.labels)}`);
    if (state.corridors.length > 0) {
      const corridors = on('[data-corridor]', 'data-corridor');
      if (corridors !== sorted(state.corridors)) problems.push(`corridors ${corridors} != ${sorted(state.corridors)}`);
    }
    const keys = state.annotations.map((a: Record<string, string>) => `${a.type}:${a.claim ?? a.convoy ?? a.event}`);
    const annotations = on('[data-annotation]', 'data-annotation');
    if (annotations !== sorted(keys)) problems.push(`annotations ${annotations} != ${sorted(keys)}`);
    if ((svg as HTMLElement).dataset.view !== state.view) problems.push(`view ${(svg as HTMLElement).dataset.view} != ${state.view}`);
    if (svg.getAttribute('viewBox') !== viewBox) problems.push(`viewBox ${svg.getAttribute('viewBox')} != ${viewBox}`);
  } else {
    const highlighted = sorted(new Set([...svg.querySelectorAll('[data-mark].is-highlighted')].map((el) => el.getAttribute('data-mark')!)));
    const expected = sorted(new Set(state.highlight.filter((id: string) => svg.querySelector(`[data-mark="${id}"]`))));
    if (highlighted !== expected) problems.push(`highlight ${highlighted} != ${expected}`);
    const off = [...svg.querySelectorAll('[data-group]')].filter(
      (el) => (state.groups.length === 0 || state.groups.includes(el.getAttribute('data-group'))) === el.classList.contains('is-off'),
    );
    if (off.length > 0) problems.push(`${off.length} marks in the wrong on/off state`);
    const labels = [...svg.querySelectorAll('.chart-label--conditional[data-label-for]')].filter(
      (el) => state.highlight.includes(el.getAttribute('data-label-for')) === el.classList.contains('is-off'),
    );
    if (labels.length > 0) problems.push(`${labels.length} labels in the wrong on/off state`);
  }
  return problems;
}
