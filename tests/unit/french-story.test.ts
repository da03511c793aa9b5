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

/** A chapter's words as a reader gets them: frontmatter values and prose, with component tags cut out (their alt is kept). */
function prose(text: string): string {
  const alts = [...text.matchAll(/\balt="([^"]*)"/g)].map((m) => m[1]);
  return [text.replace(/<[A-Z][^>]*?(?:"[^"]*"[^>]*?)*>|<\/[A-Z]\w*>/g, ' '), ...alts].join('\n');
}

/** Words that only English uses; none of them is a French word (unlike "on", "a", "as", "en"). */
const ENGLISH_WORDS = /\b(the|and|of|with|from|which|that|this|were|was|is|are|after|between|their|would|could|has|have|been|into|our|its)\b/giu;
/** English proper names the French text keeps: organisations and outlets. */
const ENGLISH_NAMES = /\b(?:Human Rights Watch|Africa Corps|PRIF Blog|The New Humanitarian|Crisis Group)\b/gu;

describe('the French story in French', () => {
  for (const file of chapters) {
    it(`${file}: no English words outside proper names`, () => {
      const text = prose(readFileSync(join(FR, file), 'utf8')).replace(ENGLISH_NAMES, ' ');
      const found = [...text.matchAll(ENGLISH_WORDS)].map((m) => text.slice(Math.max(0, m.index - 30), m.index + 30));
      expect(found, `${file}: English left in the French text`).toEqual([]);
    });
  }
});

const sourceLanguage = new Map(
  readFileSync(join(process.cwd(), 'data/sources.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => {
      const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));
      return [cells[0]!, cells[6]!] as const;
    }),
);

interface Quotation { quote: string; cite: string; ids: string[]; translated: boolean }

/** Each quotation and the citation that follows it (the first <Cite> after the closing mark). */
function quotations(text: string, open: string, close: string): Quotation[] {
  // Component tags become stand-ins, so that their quoted attribute values are never read as quotations.
  const tags: string[] = [];
  const body = text.replace(/^---\n[\s\S]*?\n---/, '').replace(/<\/?[A-Z](?:[^>"{]|"[^"]*"|\{[^}]*\})*>/g, (tag) => `\u0000${tags.push(tag) - 1}\u0001`);
  const pattern = new RegExp(`${open}([^${close}\u0000\n]{2,}?)${close}`, 'gu');
  return [...body.matchAll(pattern)].flatMap((m) => {
    const after = body.slice(m.index + m[0].length);
    const cite = [...after.matchAll(/\u0000(\d+)\u0001/g)].map((x) => tags[Number(x[1])]!).find((tag) => tag.startsWith('<Cite '));
    if (!cite) return [];
    const ids = [...(/ids=\{\[([^\]]*)\]\}/.exec(cite)?.[1] ?? '').matchAll(/"([^"]+)"/g)].map((x) => x[1]!);
    return [{ quote: m[1]!, cite, ids, translated: /\stranslated\b/.test(cite) }];
  });
}

describe('quotations: the original words, or a translation marked as ours', () => {
  it('sources.csv gives every cited source a language', () => {
    expect(sourceLanguage.get('prif-2025-12-09-schaaf')).toBe('en');
    expect(sourceLanguage.get('lacroix-2012-07-12-mnla-north')).toBe('fr');
  });

  for (const file of chapters) {
    it(`${file}: a French quotation of an English-only source says « notre traduction »; one of a French source does not`, () => {
      // A quotation in the same words in both editions (a name: « Amadou Barry ») was not translated.
      const sameInEnglish = new Set(quotations(readFileSync(join(EN, file), 'utf8'), '"', '"').map((q) => q.quote));
      for (const q of quotations(readFileSync(join(FR, file), 'utf8'), '«', '»')) {
        if (sameInEnglish.has(q.quote.trim())) {
          expect(q.translated, `« ${q.quote} » is not a translation`).toBe(false);
          continue;
        }
        const languages = new Set(q.ids.map((id) => sourceLanguage.get(id)));
        if (!languages.has('fr')) expect(q.translated, `« ${q.quote} » ${q.cite}`).toBe(true);
        else if (!languages.has('en')) expect(q.translated, `« ${q.quote} » ${q.cite}`).toBe(false);
      }
    });

    it(`${file}: an English quotation of a French-only source says "our translation"`, () => {
      for (const q of quotations(readFileSync(join(EN, file), 'utf8'), '"', '"')) {
        const languages = new Set(q.ids.map((id) => sourceLanguage.get(id)));
        if (!languages.has('en')) expect(q.translated, `"${q.quote}" ${q.cite}`).toBe(true);
        else if (!languages.has('fr')) expect(q.translated, `"${q.quote}" ${q.cite}`).toBe(false);
      }
    });
  }

  it('La Croix is quoted in its own words in French, and in our translation in English', () => {
    const fr = readFileSync(join(FR, '07-junta.mdx'), 'utf8');
    const en = readFileSync(join(EN, '07-junta.mdx'), 'utf8');
    expect(fr).toContain('« semble signer la quasi-disparition »');
    expect(en).toMatch(/"seems to seal the near-disappearance"[^<]*<Cite ids=\{\["lacroix-2012-07-12-mnla-north"[^>]*translated \/>/);
  });
});
