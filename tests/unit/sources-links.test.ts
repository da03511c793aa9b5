import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSiteData } from '../../src/data/load';
import { DATASETS, type DatasetName } from '../../src/data/schema';
import { FRENCH_NAMES } from '../../src/data/sources';
import { chapterSourceIds, componentRefs, isRowReference, sourceIdsForRef } from '../../src/story/story-citations';

const data = loadSiteData();
const sourceIds = new Set(data.sources.map((s) => s.id));

function mdxFiles(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return mdxFiles(full);
    return entry.name.endsWith('.mdx') ? [{ file: full, text: readFileSync(full, 'utf8') }] : [];
  });
}

const content = mdxFiles(join(process.cwd(), 'content'));
const story = content.filter((f) => f.file.includes(`${join('content', 'story')}`)).sort((a, b) => a.file.localeCompare(b.file));
const chapterOf = (text: string) => /^chapter:\s*([a-z0-9-]+)/m.exec(text)?.[1] ?? '';

describe('every citation in the content resolves', () => {
  it('finds the story and its citations', () => {
    expect(story.length).toBe(8);
    const cites = story.flatMap((f) => componentRefs(f.text)).filter((r) => r.component === 'Cite');
    expect(cites.length).toBeGreaterThan(10);
  });

  it('every <Cite> id in content/ is a row of data/sources.csv', () => {
    for (const { file, text } of content) {
      for (const ref of componentRefs(text).filter((r) => r.component === 'Cite')) {
        expect(sourceIds.has(ref.value), `${file}: <Cite> "${ref.value}"`).toBe(true);
      }
    }
  });

  it('every component that shows a figure names a row that exists, and that row cites existing sources', () => {
    for (const { file, text } of content) {
      for (const ref of componentRefs(text).filter(isRowReference)) {
        const ids = sourceIdsForRef(data, ref);
        expect(ids.length, `${file}: <${ref.component} ${ref.attribute}="${ref.value}">`).toBeGreaterThan(0);
        for (const id of ids) expect(sourceIds.has(id), `${file}: ${ref.component} ${ref.value} cites ${id}`).toBe(true);
      }
    }
  });

  it('a reference to a missing row is reported with the component and the file it should be in', () => {
    expect(() => sourceIdsForRef(data, { component: 'Num', attribute: 'id', value: 'no-such-figure' })).toThrow(
      '<Num id="no-such-figure">: no such row in data/figures.csv',
    );
    expect(() => sourceIdsForRef(data, { component: 'Cite', attribute: 'ids', value: 'no-such-source' })).toThrow('data/sources.csv');
  });

  it('reads ids from quoted attributes and array expressions, and skips other attributes', () => {
    const refs = componentRefs('<Step id="a" state="b" alt="x > y">text <Cite ids={["s1", "s2"]} /> <Num id="n" cite={false} /></Step>');
    expect(refs.filter(isRowReference)).toEqual([
      { component: 'Step', attribute: 'state', value: 'b' },
      { component: 'Cite', attribute: 'ids', value: 's1' },
      { component: 'Cite', attribute: 'ids', value: 's2' },
      { component: 'Num', attribute: 'id', value: 'n' },
    ]);
  });
});

describe('every source is used', () => {
  it('each source in data/sources.csv is cited by a row of data/ or by the content, or is marked as background', () => {
    const used = new Set<string>();
    for (const name of Object.keys(DATASETS) as DatasetName[]) {
      if (name === 'sources') continue;
      for (const row of data[name] as { source_ids?: string[] }[]) for (const id of row.source_ids ?? []) used.add(id);
    }
    for (const { text } of content) {
      for (const ref of componentRefs(text).filter((r) => r.component === 'Cite')) used.add(ref.value);
    }
    const unused = data.sources.filter((s) => !used.has(s.id) && s.chapter !== 'background').map((s) => `${s.id} (${s.chapter})`);
    expect(unused).toEqual([]);
  });

  it('the story cites, chapter by chapter, most of the sources filed under that chapter', () => {
    // The print endnotes are built from these lists; an empty chapter would print an empty heading.
    for (const { file, text } of story) {
      expect(chapterSourceIds(data, text).length, file).toBeGreaterThan(0);
    }
  });
});

describe('glossary terms in the story', () => {
  const terms = new Map(data.glossary.map((t) => [t.id, t]));
  const uses = story.flatMap(({ file, text }) =>
    componentRefs(text)
      .filter((r) => r.component === 'Term')
      .map((r) => ({ file, chapter: chapterOf(text), id: r.value })),
  );

  it('every <Term> names a glossary entry', () => {
    expect(uses.length).toBeGreaterThan(10);
    for (const use of uses) expect(terms.has(use.id), `${use.file}: <Term id="${use.id}">`).toBe(true);
  });

  it('each term is defined in place once, in the chapter the glossary names; background terms only on the glossary page', () => {
    for (const term of data.glossary) {
      const places = uses.filter((u) => u.id === term.id);
      if (term.chapter === 'background') expect(places, term.id).toEqual([]);
      else expect(places.map((p) => p.chapter), term.id).toEqual([term.chapter]);
    }
  });

  it('every term the issue lists for students is in the glossary', () => {
    const names = data.glossary.flatMap((t) => [t.term, ...t.also_known_as].map((n) => n.toLowerCase()));
    for (const wanted of [
      'jnim', 'katiba macina', 'katiba serma', 'fama', 'wagner', 'africa corps', 'dozo', 'aes', 'ecowas', 'cnt',
      'high islamic council', 'edm', 'zakat', 'sotrama', 'cfa franc', 'minusma', 'serval', 'barkhane',
    ]) {
      expect(names, wanted).toContain(wanted);
    }
  });
});

describe('sources in the French edition', () => {
  it('every institution given a French name is an outlet of data/sources.csv, so a renamed outlet cannot lose it unnoticed', () => {
    const outlets = new Set(data.sources.map((s) => s.outlet));
    for (const outlet of Object.keys(FRENCH_NAMES)) expect(outlets.has(outlet), outlet).toBe(true);
  });

  it('a title is either the source’s own, or our English description in square brackets, never a bracket left open', () => {
    for (const s of data.sources) expect(s.title.startsWith('[') === s.title.endsWith(']'), s.id).toBe(true);
  });
});
