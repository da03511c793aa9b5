/**
 * What the scenario explorer (src/pages/scenarios.astro) and its embed
 * (src/pages/embed/scenarios.astro) both read at build time: the page's
 * words from content/pages/scenarios.mdx, the four scenarios once their
 * files are checked against each other, and each scenario's corridor sketch.
 */
import { getEntry } from 'astro:content';
import type { SiteData } from '../data/schema';
import { SCENARIO_IDS, type ScenarioId } from './model';
import { checkScenarioData } from './check';
import { mapDataFor } from '../map/map-data';
import { renderCorridorSketch, type CorridorStatus } from '../map/corridor-sketch';

/** The explorer page's entry and a reader for its labels that fails the build on a missing one. */
export async function scenarioPageText() {
  const page = await getEntry('pages', 'scenarios');
  if (!page) throw new Error('content/pages/scenarios.mdx is missing');
  const label = (key: string) => {
    const text = page.data.labels[key];
    if (!text) throw new Error(`content/pages/scenarios.mdx: no label "${key}"`);
    return text;
  };
  return { page, label };
}

/** The four scenarios in order; stops the build if the scenario files disagree. */
export function checkedScenarios(data: SiteData) {
  const problems = checkScenarioData(data);
  if (problems.length > 0) throw new Error(`Scenario data does not hang together:\n  ${problems.join('\n  ')}`);
  return SCENARIO_IDS.map((id) => {
    const row = data.scenarios.find((s) => s.id === id);
    if (!row) throw new Error(`data/scenarios.csv: no scenario "${id}"`);
    return row;
  });
}

export function scenarioCell(data: SiteData, scenario: ScenarioId, dimension: string) {
  return data.scenarioDimensions.find((c) => c.scenario === scenario && c.dimension === dimension);
}

/** Each scenario's schematic sketch of the main corridors, titled by the caller. */
export function corridorSketches(
  data: SiteData,
  options: { title: (id: ScenarioId, status: CorridorStatus) => string; idPrefix: string },
) {
  const mapData = mapDataFor(data);
  return new Map(
    SCENARIO_IDS.map((id) => {
      const row = data.scenarioCorridors.find((r) => r.scenario === id);
      const status: CorridorStatus = row?.status ?? 'not-covered';
      const statuses = new Map<string, CorridorStatus>((row?.corridors ?? []).map((c) => [c, status]));
      const svg = renderCorridorSketch(mapData, statuses, { width: 240, height: 220 }, {
        title: options.title(id, status),
        idPrefix: `${options.idPrefix}-${id}`,
      });
      return [id, { svg, status, row }] as const;
    }),
  );
}
