/**
 * French typography for rendered HTML: frenchTypography (src/i18n/typography.ts) works on plain
 * text only, but a paragraph of the story is HTML, built from the MDX words and the components'
 * output (citations, dates, figures). Its punctuation often sits on a tag's edge ("</a>; ",
 * "« <span>"), so the text is not run piece by piece: each tag is swapped for a stand-in
 * character, the whole text is set, and the tags are put back. Attributes are never touched.
 */
import { frenchTypography } from '../i18n/typography';
import type { Locale } from '../i18n/locale';

/** A tag, or a whole script or style element: their content is code, never text (Astro inlines small scripts where a component first renders). */
const TAG = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<[^>]*>/giu;
const HOLD = /\ue002(\d+)\ue003/gu;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&nbsp;': '\u00a0' };
const ENTITY = /&(?:amp|lt|gt|quot|nbsp|#39|#x27);/gu;

export function frenchHtmlTypography(html: string): string {
  const tags: string[] = [];
  const text = html.replace(TAG, (tag) => `\ue002${tags.push(tag) - 1}\ue003`).replace(ENTITY, (entity) => ENTITIES[entity] ?? entity);
  const set = frenchTypography(text).replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
  return set.replace(HOLD, (_, index: string) => tags[Number(index)]!);
}

/** What separates two citations in a list: "; " in English, " ; " (narrow no-break space) in French. */
export function citationSeparator(locale: Locale): string {
  return locale === 'fr' ? '\u202f; ' : '; ';
}
