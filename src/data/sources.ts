/** Looks up cited sources and words them the same way everywhere they appear. */
import type { Source, SiteData } from './schema';
import { formatDate } from './dates';

export function citedSources(data: Pick<SiteData, 'sources'>, ids: readonly string[]): Source[] {
  const byId = new Map(data.sources.map((s) => [s.id, s]));
  return [...new Set(ids)].map((id) => {
    const source = byId.get(id);
    if (!source) throw new Error(`unknown source id "${id}"`);
    return source;
  });
}

/** "RFI, 15 Sep 2025": the short form shown under a figure. */
export function shortCitation(source: Source): string {
  return `${source.outlet}, ${formatDate(source.date)}`;
}
