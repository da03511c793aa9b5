/**
 * How current the site's facts are, and which facts came after the article.
 * The article is dated 9 Dec 2025; rows dated later are ours, not the
 * article's, and every place that shows one flags it. "Facts as of" is the
 * newest dated event row, so it moves by itself when a row is added.
 */
import type { Locale } from '../i18n/locale';
import type { SiteData } from './schema';
import { formatDate, parsePartialDate, startOfDate } from './dates';

/** The day the article was published (blog.prif.org, 9 Dec 2025). */
export const ARTICLE_DATE = '2025-12-09';

const DAY_MS = 86_400_000;

/** Whether a dated row lies wholly after the article: its period starts after the article's day. */
export function isAfterArticle(date: string): boolean {
  const parsed = parsePartialDate(date);
  if (!parsed) return false;
  return startOfDate(date).getTime() >= startOfDate(ARTICLE_DATE).getTime() + DAY_MS;
}

/** The rows that record what happened (not sources, not glossary or changelog): their dates say how current the facts are. */
function eventDates(data: Pick<SiteData, 'timeline' | 'fuelPrices' | 'electricity' | 'tankers' | 'convoys' | 'signpostObservations'>): string[] {
  return [
    ...data.timeline.flatMap((e) => [e.date, e.end_date]),
    ...data.fuelPrices.map((p) => p.date),
    ...data.electricity.map((e) => e.date),
    ...data.tankers.map((t) => t.date),
    ...data.convoys.map((c) => c.date),
    ...data.signpostObservations.map((o) => o.date),
  ].filter((d): d is string => typeof d === 'string' && parsePartialDate(d) !== null);
}

/** The newest date among the rows of events, as written in data/ ("2026-02-08"). */
export function factsAsOfDate(data: Parameters<typeof eventDates>[0]): string {
  const dates = eventDates(data);
  if (dates.length === 0) throw new Error('data/ has no dated event rows: the site cannot say how current it is');
  return dates.reduce((newest, d) => (startOfDate(d).getTime() > startOfDate(newest).getTime() ? d : newest));
}

/** "Facts as of 8 Feb 2026": the line shown at the top of the story, on each embed and in each download. */
export function factsAsOfText(data: Parameters<typeof eventDates>[0], locale: Locale = 'en'): string {
  return locale === 'fr' ? `Informations à jour au ${formatDate(factsAsOfDate(data), 'full', 'fr')}` : `Facts as of ${formatDate(factsAsOfDate(data))}`;
}

/** "(after the article)": the flag on a row dated after 9 Dec 2025. */
export const AFTER_ARTICLE_FLAG = 'after the article';

/** The flag in each language: French says "après l’article". */
export const AFTER_ARTICLE_FLAGS: Record<Locale, string> = { en: AFTER_ARTICLE_FLAG, fr: 'après l’article' };

/** " (after the article)" after a label of something dated after the article, or nothing. */
export function afterArticleSuffix(date: string, locale: Locale = 'en'): string {
  return isAfterArticle(date) ? ` (${AFTER_ARTICLE_FLAGS[locale]})` : '';
}

/** The "After the article" cell of a data table. */
export function afterArticleCell(date: string, locale: Locale = 'en'): string {
  if (!isAfterArticle(date)) return '';
  return locale === 'fr' ? 'Oui\u202f: rapporté après l’article' : 'Yes: reported after the article';
}
