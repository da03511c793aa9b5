/** The map's data as tables: the corridors it draws and the convoys and attacks it marks. */
import type { SiteData } from '../data/schema';
import type { ChartTable } from '../charts/chart-state';
import { formatDate } from '../data/dates';
import { formatConvoyCount } from '../data/format';
import { ARTICLE_DATE, afterArticleCell } from '../data/currency';

export function corridorsTable(data: SiteData): ChartTable {
  const placeName = new Map(data.places.map((p) => [p.id, p.name]));
  return {
    caption: 'Corridors drawn on the map (schematic)',
    columns: ['Corridor', 'Road', 'Toward', 'Through'],
    rows: data.corridors.map((c) => [c.name, c.road ?? '', c.toward ?? '', c.places.map((id) => placeName.get(id) ?? id).join(' – ')]),
    sourceIds: [...new Set(data.corridors.flatMap((c) => c.source_ids))],
    rowSourceIds: data.corridors.map((c) => c.source_ids),
  };
}

export function convoysTable(data: SiteData): ChartTable {
  const placeName = new Map(data.places.map((p) => [p.id, p.name]));
  const rows = [...data.convoys].sort((a, b) => a.date.localeCompare(b.date));
  return {
    caption: `Fuel convoys marked on the map: arrivals and attacks; those after the article (${formatDate(ARTICLE_DATE)}) are marked`,
    columns: ['Date', 'Place', 'What happened', 'Tankers', 'Escort', 'Confidence', 'After the article'],
    rows: rows.map((c) => [
      formatDate(c.date),
      placeName.get(c.to_place) ?? c.to_place,
      c.outcome === 'arrived' ? 'Convoy arrived' : 'Convoy attacked',
      formatConvoyCount(c) || 'not reported',
      { fama: 'Malian army', 'fama-africa-corps': 'Malian army and Africa Corps', none: 'none', unknown: 'not stated' }[c.escort],
      c.confidence,
      afterArticleCell(c.date),
    ]),
    sourceIds: [...new Set(rows.flatMap((c) => c.source_ids))],
    rowSourceIds: rows.map((c) => c.source_ids),
  };
}
