/**
 * The story's chapters and steps, read from content/story/*.mdx at build
 * time: which step shows which graphic state, in which chapter. Embed pages,
 * downloads and social images use it to link a graphic back to "its" step
 * and to pick each chapter's picture. The MDX stays the one place where steps
 * are written; this only reads the <Step id state alt> attributes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../i18n/locale';

export interface StoryStep {
  /** The step's id: the story's URL hash (#id). */
  id: string;
  /** The graphic state it shows (src/story/graphic-states.ts). */
  state: string;
  /** What the graphic shows at this step, in words. */
  alt: string;
  chapter: string;
}

export interface StoryChapter {
  chapter: string;
  title: string;
  summary: string;
  order: number;
  steps: StoryStep[];
}

const STEP = /<Step\s+id="([^"]+)"\s+state="([^"]+)"\s+alt="([^"]+)"/g;

function frontmatterField(text: string, key: string): string | undefined {
  const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const line = new RegExp(`^${key}:\\s*(.*)$`, 'm').exec(block)?.[1]?.trim();
  if (line === undefined) return undefined;
  // Plain or quoted YAML scalars are all the chapters use.
  const quoted = /^(["'])(.*)\1$/.exec(line);
  return quoted ? quoted[2] : line;
}

/** One chapter's frontmatter and steps, from its MDX source. */
export function parseChapter(text: string, file = 'chapter'): StoryChapter {
  const chapter = frontmatterField(text, 'chapter');
  const title = frontmatterField(text, 'title');
  const order = Number(frontmatterField(text, 'order'));
  if (!chapter || !title || !Number.isInteger(order)) throw new Error(`${file}: frontmatter needs chapter, title and order`);
  const steps = [...text.matchAll(STEP)].map((m) => ({ id: m[1]!, state: m[2]!, alt: decodeEntities(m[3]!), chapter }));
  return { chapter, title, summary: frontmatterField(text, 'summary') ?? '', order, steps };
}

function decodeEntities(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const cache = new Map<string, StoryChapter[]>();

/** Every chapter, in story order (read once per build). */
export function storyChapters(dir = join(process.cwd(), 'content', 'story')): StoryChapter[] {
  let chapters = cache.get(dir);
  if (!chapters) {
    chapters = readdirSync(dir)
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => parseChapter(readFileSync(join(dir, f), 'utf8'), f))
      .sort((a, b) => a.order - b.order);
    cache.set(dir, chapters);
  }
  return chapters;
}

/**
 * Every chapter of one language's story: content/story in English, content/fr/story in French.
 * Step ids and states are the same in both (tests/unit/french-story.test.ts); titles, summaries
 * and alt texts are in the language asked for.
 */
export function storyChaptersIn(locale: Locale): StoryChapter[] {
  return storyChapters(join(process.cwd(), 'content', ...(locale === 'en' ? [] : [locale]), 'story'));
}

/** Every step, in story order, with its alt text in the language asked for. */
export function storySteps(locale: Locale = 'en'): StoryStep[] {
  return storyChaptersIn(locale).flatMap((c) => c.steps);
}

/** The first step that shows a state. */
export function stepForState(state: string, locale: Locale = 'en'): StoryStep | undefined {
  return storySteps(locale).find((s) => s.state === state);
}
