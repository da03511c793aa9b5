/** The site's changelog (data/changelog.csv): newest first, and the "last updated" date it implies. */
import type { ChangelogEntry, SiteData } from './schema';

export function changelogNewestFirst(data: Pick<SiteData, 'changelog'>): ChangelogEntry[] {
  // Stable: entries of the same day keep the file's order, newest last in the file shown first.
  return data.changelog
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.date.localeCompare(a.entry.date) || b.index - a.index)
    .map(({ entry }) => entry);
}

/** The newest date in the changelog (YYYY-MM-DD). */
export function lastUpdated(data: Pick<SiteData, 'changelog'>): string {
  const newest = changelogNewestFirst(data)[0];
  if (!newest) throw new Error('data/changelog.csv has no entries: the site needs a "last updated" date');
  return newest.date;
}
