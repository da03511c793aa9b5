/**
 * Which content collection holds a page's words in one language (src/content.config.ts): the
 * English story is content/story, the French content/fr/story; likewise content/pages and
 * content/fr/pages. Pages call getCollection(storyCollection(locale)).
 */
import type { Locale } from './locale';

export function storyCollection(locale: Locale): 'story' | 'storyFr' {
  return locale === 'fr' ? 'storyFr' : 'story';
}

export function pagesCollection(locale: Locale): 'pages' | 'pagesFr' {
  return locale === 'fr' ? 'pagesFr' : 'pages';
}
