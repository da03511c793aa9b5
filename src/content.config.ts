/**
 * The story's chapters live in content/story as MDX. Their frontmatter is
 * checked here at build time; a bad field stops the build.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const storySchema = z.object({
    title: z.string().min(1),
    /** Stable id used in URLs (#chapter-id) and short links. */
    chapter: z.string().regex(/^[a-z0-9-]+$/),
    order: z.number().int().positive(),
    summary: z.string().min(1),
});

const story = defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './content/story' }), schema: storySchema });

/** The French story: content/fr/story, step for step the English one (tests/unit/french-story.test.ts). */
const storyFr = defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './content/fr/story' }), schema: storySchema });

/**
 * Words for pages that are not chapters of the story (the scenario explorer):
 * the intro in MDX, short interface labels in the frontmatter.
 */
const pageSchema = z.object({
  title: z.string().min(1),
  description: z.string().min(1),
  labels: z.record(z.string(), z.string().min(1)).default({}),
});

const pages = defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './content/pages' }), schema: pageSchema });

/** The French pages: content/fr/pages, one file for each English one, with the same label keys. */
const pagesFr = defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './content/fr/pages' }), schema: pageSchema });

export const collections = { story, storyFr, pages, pagesFr };
