/** The map's data as tables: the corridors it draws and the convoys and attacks it marks, in the reader's language. */
import type { SiteData } from '../data/schema';
import type { ChartTable } from '../charts/chart-state';
import { formatDate } from '../data/dates';
import { formatConvoyCount } from '../data/format';
import { ARTICLE_DATE, afterArticleCell } from '../data/currency';
import { dataText } from '../charts/common';
import type { Locale } from '../i18n/locale';
import { t } from '../i18n/strings';

function placeNames(data: SiteData, locale: Locale): Map<string, string> {
  return new Map(data.places.map((p) => [p.id, dataText(p, 'name', locale)]));
}

export function corridorsTable(data: SiteData, locale: Locale = 'en'): ChartTable {
  const placeName = placeNames(data, locale);
  return {
    caption: t(locale, 'graphics.map.corridors.caption'),
    columns: [
      t(locale, 'graphics.map.corridors.col.corridor'),
      t(locale, 'graphics.map.corridors.col.road'),
      t(locale, 'graphics.map.corridors.col.toward'),
      t(locale, 'graphics.map.corridors.col.through'),
    ],
    rows: data.corridors.map((c) => [
      dataText(c, 'name', locale),
      c.road ? dataText(c, 'road', locale) : '',
      c.toward ? dataText(c, 'toward', locale) : '',
      c.places.map((id) => placeName.get(id) ?? id).join(' – '),
    ]),
    sourceIds: [...new Set(data.corridors.flatMap((c) => c.source_ids))],
    rowSourceIds: data.corridors.map((c) => c.source_ids),
  };
}

export function convoysTable(data: SiteData, locale: Locale = 'en'): ChartTable {
  const placeName = placeNames(data, locale);
  const rows = [...data.convoys].sort((a, b) => a.date.localeCompare(b.date));
  return {
    caption: t(locale, 'graphics.map.convoys.caption', { date: formatDate(ARTICLE_DATE, 'short', locale) }),
    columns: [
      t(locale, 'graphics.col.date'),
      t(locale, 'graphics.col.place'),
      t(locale, 'graphics.map.convoys.col.what'),
      t(locale, 'graphics.map.convoys.col.tankers'),
      t(locale, 'graphics.map.convoys.col.escort'),
      t(locale, 'graphics.col.confidence'),
      t(locale, 'graphics.col.afterArticle'),
    ],
    rows: rows.map((c) => [
      formatDate(c.date, 'short', locale),
      placeName.get(c.to_place) ?? c.to_place,
      t(locale, c.outcome === 'arrived' ? 'graphics.map.convoys.arrived' : 'graphics.map.convoys.attacked'),
      formatConvoyCount(c, locale) || t(locale, 'graphics.map.convoys.notReported'),
      t(locale, `graphics.map.escort.${c.escort}`),
      t(locale, `graphics.confidence.${c.confidence}`),
      afterArticleCell(c.date, locale),
    ]),
    sourceIds: [...new Set(rows.flatMap((c) => c.source_ids))],
    rowSourceIds: rows.map((c) => c.source_ids),
  };
}
