/**
 * The story's chapters and steps in one language, for the words embeds and
 * link previews borrow from it (a step's description of its graphic, a
 * chapter's title and summary). The French chapters (content/fr/story) have
 * the same steps, ids and states as the English (tests/unit/french-story.test.ts),
 * so only their words differ.
 */
import { join } from 'node:path';
import type { Locale } from '../i18n/locale';
import { storyChapters, type StoryChapter, type StoryStep } from '../story/story-steps';

export function storyChaptersIn(locale: Locale): StoryChapter[] {
  return locale === 'fr' ? storyChapters(join(process.cwd(), 'content', 'fr', 'story')) : storyChapters();
}

export function storyStepsIn(locale: Locale): StoryStep[] {
  return storyChaptersIn(locale).flatMap((c) => c.steps);
}
