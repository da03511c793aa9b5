/**
 * Issue 13: the French story (content/fr/story/, not yet routed) is the
 * English story in French, step for step. Deep links share step ids across
 * languages, and every figure, date and citation comes from the same
 * components with the same props, so the two editions cannot say different
 * things; only the words around them are translated.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const EN = join(process.cwd(), 'content/story');
const FR = join(process.cwd(), 'content/fr/story');
const chapters = readdirSync(EN).filter((f) => f.endsWith('.mdx')).sort();

function frontmatter(text: string): Record<string, string> {
  const block = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  return Object.fromEntries(block.split('\n').map((line) => /^(\w+):\s*(.*)$/.exec(line)).filter((m): m is RegExpExecArray => !!m).map((m) => [m[1]!, m[2]!.replace(/^"(.*)"$/, '$1')]));
}

/**
 * Props that belong to one language's wording, not to the facts, may differ: a date's preposition
 * (`prep={false}`) and capital (`capital`), since French may need "au cours du week-end du 6 au 7
 * septembre" where English writes "over the weekend of 6–7 September"; and `translated`, which
 * marks a quotation as our translation, which depends on the language of the edition and of the
 * source. Every other prop must match.
 */
function grammarPropsRemoved(props: string): string {
  return props.replace(/\s(?:prep=\{false\}|capital|translated)(?=[\s/])/g, ' ');
}

interface StepParts { id: string; state: string; alt: string; components: string[] }

/** Each step's id, state and alt, and the components inside it with their props (alt and words left out). */
function steps(text: string): StepParts[] {
  return [...text.matchAll(/<Step\s+id="([^"]+)"\s+state="([^"]+)"\s+alt="([^"]*)"\s*>([\s\S]*?)<\/Step>/g)].map((m) => ({
    id: m[1]!,
    state: m[2]!,
    alt: m[3]!,
    components: [...m[4]!.matchAll(/<(Cite|Num|When|Price|Tankers|Power|FigureField|Converted|AfterArticle|Term)\b((?:[^>"]|"[^"]*")*)>/g)]
      .map((c) => `${c[1]} ${grammarPropsRemoved(c[2]!).replace(/\s+/g, ' ').replace(/\s*\/$/, '').trim()}`)
      .sort(),
  }));
}

describe('the French story', () => {
  it('has a French chapter for every English one', () => {
    expect(existsSync(FR)).toBe(true);
    expect(readdirSync(FR).filter((f) => f.endsWith('.mdx')).sort()).toEqual(chapters);
  });

  for (const file of chapters) {
    it(`${file}: same chapter, steps, states and components; its own words`, () => {
      const en = readFileSync(join(EN, file), 'utf8');
      const fr = readFileSync(join(FR, file), 'utf8');
      const [fmEn, fmFr] = [frontmatter(en), frontmatter(fr)];
      expect(fmFr.chapter).toBe(fmEn.chapter);
      expect(fmFr.order).toBe(fmEn.order);
      expect(fmFr.title, 'title translated').toBeTruthy();
      expect(fmFr.title).not.toBe(fmEn.title);
      expect(fmFr.summary).not.toBe(fmEn.summary);
      const [stepsEn, stepsFr] = [steps(en), steps(fr)];
      expect(stepsEn.length).toBeGreaterThan(0);
      expect(stepsFr.map((s) => `${s.id}:${s.state}`)).toEqual(stepsEn.map((s) => `${s.id}:${s.state}`));
      stepsFr.forEach((step, i) => {
        expect(step.components, `${file} #${step.id}: the same components with the same props`).toEqual(stepsEn[i]!.components);
        expect(step.alt, `${file} #${step.id}: alt translated`).not.toBe(stepsEn[i]!.alt);
        expect(step.alt.length).toBeGreaterThan(20);
      });
    });
  }
});
