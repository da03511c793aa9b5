/**
 * What the scenario explorer (src/pages/scenarios.astro) and its embed
 * (src/pages/embed/scenarios.astro) both read at build time, in the page's
 * language: the page's words from content/pages/scenarios.mdx (or
 * content/fr/pages/scenarios.mdx), the four scenarios once their files are
 * checked against each other, and each scenario's corridor sketch.
 */
import { getEntry } from 'astro:content';
import type { Locale } from '../i18n/locale';
import { pagesCollection } from '../i18n/collections';
import { textOf } from '../i18n/data-text';
import { scenarioWords } from './words';
import type { SiteData } from '../data/schema';
import { SCENARIO_IDS, type ScenarioId } from './model';
import { checkScenarioData } from './check';
import { mapDataFor } from '../map/map-data';
import { renderCorridorSketch, type CorridorStatus } from '../map/corridor-sketch';

/** The explorer page's entry and a reader for its labels that fails the build on a missing one. */
export async function scenarioPageText(locale: Locale = 'en') {
  const file = locale === 'fr' ? 'content/fr/pages/scenarios.mdx' : 'content/pages/scenarios.mdx';
  const page = await getEntry(pagesCollection(locale), 'scenarios');
  if (!page) throw new Error(`${file} is missing`);
  const words = scenarioWords(locale);
  const label = (key: string) => {
    const text = page.data.labels[key];
    if (!text) throw new Error(`${file}: no label "${key}"`);
    return words.dataText(text);
  };
  return { page, label };
}

/**
 * A data row's words as the page shows them in one language: the `<field>_fr`
 * column for French, with French spacing and apostrophes (the data files are
 * typed with plain ones).
 */
export function shownText<R extends object, F extends keyof R & string>(row: R, field: F, locale: Locale): string {
  const text = textOf(row, field, locale);
  return typeof text === 'string' ? scenarioWords(locale).dataText(text) : '';
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
  options: { title: (id: ScenarioId, status: CorridorStatus) => string; idPrefix: string; locale?: Locale },
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
        locale: options.locale,
      });
      return [id, { svg, status, row }] as const;
    }),
  );
}
