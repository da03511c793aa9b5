/** The sources behind what a graphic state shows, for the caption under it. */
import type { SiteData } from '../data/schema';
import type { GraphicState } from './graphic-state';
import { chartTable } from '../charts';
import { mapSourceIds } from '../map/map-data';

export function sourceIdsForState(data: SiteData, state: GraphicState): string[] {
  if (state.kind !== 'map') return chartTable(data, state.kind).sourceIds;
  const ids = [...mapSourceIds(data)];
  for (const a of state.annotations) {
    const row =
      a.type === 'tankers'
        ? data.tankers.find((t) => t.id === a.claim)
        : a.type === 'convoy'
          ? data.convoys.find((c) => c.id === a.convoy)
          : data.timeline.find((e) => e.id === a.event);
    if (row) ids.push(...row.source_ids);
  }
  if (state.layers.includes('tanker-attacks')) ids.push(...data.tankers.flatMap((t) => t.source_ids));
  if (state.layers.includes('convoys')) ids.push(...data.convoys.filter((c) => c.outcome === 'arrived').flatMap((c) => c.source_ids));
  return [...new Set(ids)];
}
