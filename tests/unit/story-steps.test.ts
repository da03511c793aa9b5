import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GRAPHIC_STATES } from '../../src/story/graphic-states';
import { activeStepFromGeometry } from '../../src/story/client/scroller';
import { stepIndexFromHash } from '../../src/story/client/story-hash';
import { loadSiteData } from '../../src/data/load';
import { CHART_GROUPS } from '../../src/charts/chart-state';
import { stepForState, storySteps } from '../../src/story/story-steps';

const storyDir = join(process.cwd(), 'content', 'story');
const mdx = readdirSync(storyDir)
  .filter((f) => f.endsWith('.mdx'))
  .sort()
  .map((f) => readFileSync(join(storyDir, f), 'utf8'))
  .join('\n');
const steps = [...mdx.matchAll(/<Step\s+id="([^"]+)"\s+state="([^"]+)"\s+alt="([^"]+)"/g)].map((m) => ({ id: m[1]!, state: m[2]!, alt: m[3]! }));

describe('story steps', () => {
  it('every step names a declared graphic state, has a unique id and an alt text', () => {
    expect(steps.length).toBeGreaterThan(15);
    expect(steps.length).toBe((mdx.match(/<Step\b/g) ?? []).length);
    expect(new Set(steps.map((s) => s.id)).size).toBe(steps.length);
    for (const step of steps) {
      expect(Object.keys(GRAPHIC_STATES), step.id).toContain(step.state);
      expect(step.alt.length, step.id).toBeGreaterThan(30);
    }
  });

  it('every declared state is used by a step, in the order the registry lists them', () => {
    const firstUse = [...new Set(steps.map((s) => s.state))];
    expect(firstUse).toEqual(Object.keys(GRAPHIC_STATES));
  });

  it('every id a state refers to exists in data/', () => {
    const data = loadSiteData();
    const ids = {
      corridors: new Set(data.corridors.map((c) => c.id)),
      places: new Set(data.places.map((p) => p.id)),
      timeline: new Set(data.timeline.map((e) => e.id)),
      tankers: new Set(data.tankers.map((t) => t.id)),
      convoys: new Set(data.convoys.map((c) => c.id)),
    };
    const rowIds = new Set([
      ...data.fuelPrices, ...data.electricity, ...data.timeline, ...data.figures, ...data.schoolClosures,
    ].map((r) => r.id));
    for (const [name, state] of Object.entries(GRAPHIC_STATES)) {
      if (state.kind === 'map') {
        for (const c of state.corridors) expect(ids.corridors.has(c), `${name}: corridor ${c}`).toBe(true);
        for (const p of state.labels) expect(ids.places.has(p), `${name}: place ${p}`).toBe(true);
        for (const a of state.annotations) {
          if (a.type === 'event') expect(ids.timeline.has(a.event), `${name}: ${a.event}`).toBe(true);
          if (a.type === 'tankers') expect(ids.tankers.has(a.claim), `${name}: ${a.claim}`).toBe(true);
          if (a.type === 'convoy') expect(ids.convoys.has(a.convoy), `${name}: ${a.convoy}`).toBe(true);
        }
      } else {
        for (const h of state.highlight) expect(rowIds.has(h), `${name}: ${h}`).toBe(true);
        for (const g of state.groups) expect(CHART_GROUPS[state.kind], `${name}: group ${g}`).toContain(g);
      }
    }
  });

  it('where the article and the sources differ, the step named in data/article-corrections.csv says so and cites the article', () => {
    // The sources page promises readers that the story itself flags each disagreement: this keeps the promise checkable.
    const data = loadSiteData();
    const stepText = new Map(
      [...mdx.matchAll(/<Step\s+id="([^"]+)"[^>]*>([\s\S]*?)<\/Step>/g)].map((m) => [m[1]!, m[2]!]),
    );
    expect(data.articleCorrections.length).toBeGreaterThan(10);
    for (const c of data.articleCorrections) {
      const text = stepText.get(c.step);
      expect(text, `${c.id}: step "${c.step}"`).toBeDefined();
      expect(text, `${c.id}: step "${c.step}" names the article`).toMatch(/\bthe article\b/i);
      expect(text, `${c.id}: step "${c.step}" cites the article`).toContain('"prif-2025-12-09-schaaf"');
    }
  });

  it('every paragraph of the story cites: each carries a component that shows a source', () => {
    const citing = /<(?:Cite|When|Num|Price|Tankers|Power|Converted)\b(?![^>]*cite=\{false\})/;
    const paragraphs = [...mdx.matchAll(/<Step\s+id="([^"]+)"[^>]*>([\s\S]*?)<\/Step>/g)].flatMap((m) =>
      m[2]!
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter((p) => p && !/^\[[^\]]*\]\([^)]*\)\.?$/.test(p)) // a bare link to another page states no fact
        .map((p) => ({ step: m[1]!, p })),
    );
    expect(paragraphs.length).toBeGreaterThan(40);
    for (const { step, p } of paragraphs) expect(p, `a paragraph of step "${step}" cites nothing`).toMatch(citing);
  });

  it('no digits are typed into the story prose: figures come from data/ through components', () => {
    // Strip frontmatter, component tags and their attributes; what is left is the prose a reader sees.
    // Short quotations of the article or a study are exempt: their wording is the point, and
    // data/article-corrections.csv documents each one.
    const prose = mdx
      .replace(/^---[\s\S]*?---/gm, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/"[^"\n]{1,120}"/g, ' ');
    const digits = prose.match(/[^\s]*\d[^\s]*/g) ?? [];
    expect(digits).toEqual([]);
  });
});

describe('active step from geometry', () => {
  it('is the last step whose top has passed the trigger line', () => {
    expect(activeStepFromGeometry([100, 700, 1300], 480)).toBe(0);
    expect(activeStepFromGeometry([-800, -100, 400], 480)).toBe(2);
    expect(activeStepFromGeometry([-800, 200, 900], 480)).toBe(1);
  });
  it('is the first step before the reader reaches any', () => {
    expect(activeStepFromGeometry([900, 1500], 480)).toBe(0);
  });
});

describe('step from the URL hash', () => {
  const ids = ['landlocked', 'two-ports'];
  it('finds a real step', () => {
    expect(stepIndexFromHash('#two-ports', ids)).toBe(1);
  });
  it('ignores unknown, garbled and hostile hashes without throwing', () => {
    for (const hash of ['', '#', '#nope', '#%E0%A4%A', '#%', '#<script>alert(1)</script>', '#__proto__', '#constructor', '#two-ports%00', '#' + 'x'.repeat(10000)]) {
      expect(stepIndexFromHash(hash, ids)).toBe(-1);
    }
  });
});

describe('the French story keeps the same rules', () => {
  const frenchDir = join(process.cwd(), 'content', 'fr', 'story');
  const french = readdirSync(frenchDir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => readFileSync(join(frenchDir, f), 'utf8'))
    .join('\n');

  it('its steps are the English steps, with French alt texts (storySteps("fr"))', () => {
    const en = storySteps('en');
    const fr = storySteps('fr');
    expect(fr.map((s) => `${s.id}:${s.state}`)).toEqual(en.map((s) => `${s.id}:${s.state}`));
    expect(fr.every((s, i) => s.alt !== en[i]!.alt)).toBe(true);
    expect(stepForState(en[1]!.state, 'fr')?.alt).toBe(fr[1]!.alt);
  });

  it('every paragraph cites: each carries a component that shows a source', () => {
    const citing = /<(?:Cite|When|Num|Price|Tankers|Power|Converted)\b(?![^>]*cite=\{false\})/;
    const paragraphs = [...french.matchAll(/<Step\s+id="([^"]+)"[^>]*>([\s\S]*?)<\/Step>/g)].flatMap((m) =>
      m[2]!
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter((p) => p && !/^\[[^\]]*\]\([^)]*\)\.?$/.test(p))
        .map((p) => ({ step: m[1]!, p })),
    );
    expect(paragraphs.length).toBeGreaterThan(40);
    for (const { step, p } of paragraphs) expect(p, `a paragraph of French step "${step}" cites nothing`).toMatch(citing);
  });

  it('no digits are typed into the French prose, outside « quotations »', () => {
    const prose = french
      .replace(/^---[\s\S]*?---/gm, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/«[^»\n]{1,120}»/g, ' ');
    expect(prose.match(/[^\s]*\d[^\s]*/g) ?? []).toEqual([]);
  });

  it('where the article and the sources differ, the French step says so too and cites the article', () => {
    const data = loadSiteData();
    const stepText = new Map([...french.matchAll(/<Step\s+id="([^"]+)"[^>]*>([\s\S]*?)<\/Step>/g)].map((m) => [m[1]!, m[2]!]));
    for (const c of data.articleCorrections) {
      const text = stepText.get(c.step);
      expect(text, `${c.id}: French step "${c.step}" names the article`).toMatch(/\bl[’']article\b/iu);
      expect(text, `${c.id}: French step "${c.step}" cites the article`).toContain('"prif-2025-12-09-schaaf"');
    }
  });
});
