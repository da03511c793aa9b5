/** What a graphic cites, in the words and the order its embed page, image and CSV use. */
import type { SiteData } from '../data/schema';
import { citedSources, shortCitation } from '../data/sources';
import { getGraphicState } from '../story/graphic-states';
import { sourceIdsForState } from '../story/state-sources';
import type { Embed } from './embeds';
import type { Locale } from '../i18n/locale';

/** Every source behind an embed: the union over the states it can show (for the scenarios, their data). */
export function embedSourceIds(data: SiteData, embed: Embed): string[] {
  if (embed.type === 'scenarios') {
    return [
      ...new Set([
        ...data.scenarios.flatMap((s) => s.source_ids),
        ...data.scenarioDimensions.flatMap((d) => d.source_ids),
        ...data.scenarioCorridors.flatMap((c) => c.source_ids),
        'natural-earth',
      ]),
    ];
  }
  return [...new Set(embed.states.flatMap((name) => sourceIdsForState(data, getGraphicState(name))))];
}

/** "RFI, 15 Sep 2025; Reuters, 16 Sep 2025": the short source line. */
export function sourceLineText(data: SiteData, sourceIds: readonly string[], locale: Locale = 'en'): string {
  return citedSources(data, sourceIds).map((s) => shortCitation(s, locale)).join('; ');
}
