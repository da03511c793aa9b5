/**
 * The story's chapters live in content/story as MDX. Their frontmatter is
 * checked here at build time; a bad field stops the build.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const story = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/story' }),
  schema: z.object({
    title: z.string().min(1),
    /** Stable id used in URLs (#chapter-id) and short links. */
    chapter: z.string().regex(/^[a-z0-9-]+$/),
    order: z.number().int().positive(),
    summary: z.string().min(1),
  }),
});

/**
 * Words for pages that are not chapters of the story (the scenario explorer):
 * the intro in MDX, short interface labels in the frontmatter.
 */
const pages = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/pages' }),
  schema: z.object({
    title: z.string().min(1),
    description: z.string().min(1),
    labels: z.record(z.string(), z.string().min(1)).default({}),
  }),
});

export const collections = { story, pages };
