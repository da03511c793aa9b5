/**
 * The words of the story's inline components, as plain functions of (row, locale), so that the
 * .astro components stay thin and the unit tests can hold both languages to their wording.
 */
import { datePhrase, formatDateRange } from '../data/dates';
import type { Locale } from '../i18n/locale';

export interface WhenOptions {
  /** false gives the bare date, for a sentence that supplies its own words ("la nuit du …" needs none). */
  prep?: boolean;
  /** Starts a sentence. */
  capital?: boolean;
}

/**
 * A timeline event's date as it sits in a sentence: "on 3 September 2025", "from 6 to 7 September
 * 2025"; French "le 3 septembre 2025", "du 6 au 7 septembre 2025". Bare ("3 September 2025",
 * "29–30 octobre 2025") with `prep: false`; capitalised with `capital`.
 */
export function whenText(event: { date: string; end_date?: string | undefined }, options: WhenOptions, locale: Locale): string {
  const { prep = true, capital = false } = options;
  if (!prep) return formatDateRange(event.date, event.end_date, 'full', locale);
  const phrase = datePhrase(event.date, event.end_date, locale);
  return capital ? phrase[0]!.toUpperCase() + phrase.slice(1) : phrase;
}
