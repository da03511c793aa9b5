/** What a graphic cites, in the words and the order its embed page, image and CSV use. */
import type { SiteData, Source } from '../data/schema';
import { citedSources, shortCitation } from '../data/sources';
import { parsePartialDate, startOfDate } from '../data/dates';
import { getGraphicState } from '../story/graphic-states';
import { sourceIdsForState } from '../story/state-sources';
import type { Embed } from './embeds';

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

/**
 * "Last updated": the date of the newest dated source behind the graphic. The map
 * geometry's package releases ("background" sources) are left out: they date
 * the software that carried the data, not the facts shown.
 */
export function lastUpdated(data: SiteData, sourceIds: readonly string[]): string | undefined {
  const cited = citedSources(data, sourceIds).filter((s) => s.chapter !== 'background');
  // A page dated only by its year (an encyclopaedia entry, say) does not say when it last changed: prefer real dates.
  const precise = cited.filter((s) => parsePartialDate(s.date)?.precision !== 'year');
  const dated = precise.length > 0 ? precise : cited;
  const newest = dated.reduce<Source | undefined>(
    (best, s) => (!best || startOfDate(s.date).getTime() > startOfDate(best.date).getTime() ? s : best),
    undefined,
  );
  return newest?.date;
}

/** "RFI, 15 Sep 2025; Reuters, 16 Sep 2025": the short source line. */
export function sourceLineText(data: SiteData, sourceIds: readonly string[]): string {
  return citedSources(data, sourceIds).map(shortCitation).join('; ');
}
