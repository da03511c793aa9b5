import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSiteData } from '../../../src/data/load';
import { checkScenarioData } from '../../../src/scenarios/check';
import { ARTICLE_DATE, DIMENSION_IDS, SCENARIO_IDS } from '../../../src/scenarios/model';
import { DEFAULT_ASSUMPTIONS } from '../../../src/scenarios/url-state';
import { comparisonGrid, observationsFor, signpostsFor } from '../../../src/scenarios/views';
import { copyData, errorOf, readRows, REAL_DATA_DIR, setCell } from '../helpers/broken-data';

const data = loadSiteData(REAL_DATA_DIR);
const ARTICLE = 'prif-2025-12-09-schaaf';

describe('the scenario data as committed', () => {
  it('loads and fits together', () => {
    expect(data.scenarios.map((s) => s.id)).toEqual([...SCENARIO_IDS]);
    expect(data.scenarioDimensions).toHaveLength(SCENARIO_IDS.length * DIMENSION_IDS.length);
    expect(checkScenarioData(data)).toEqual([]);
  });

  it('the assumption defaults in the data are those of the URL codec', () => {
    for (const row of data.scenarioAssumptions) expect(row.at_writing, row.id).toBe(DEFAULT_ASSUMPTIONS[row.id]);
  });

  it('every scenario row, cell, rule, signpost and assessment cites the article', () => {
    const rows = [
      ...data.scenarios,
      ...data.scenarioDimensions,
      ...data.scenarioAssessment,
      ...data.scenarioAssumptions,
      ...data.scenarioRules,
      ...data.signposts,
      ...data.articleSections,
    ];
    for (const row of rows) expect(row.source_ids, row.id).toContain(ARTICLE);
  });

  it('the article’s assessment is words, not numbers: I most likely now, IV if reforms lag, nothing for II and III', () => {
    const standing = Object.fromEntries(data.scenarioAssessment.map((a) => [a.scenario ?? 'none', a.standing]));
    expect(standing).toEqual({
      i: 'most-likely-now',
      ii: 'no-likelihood-given',
      iii: 'no-likelihood-given',
      iv: 'more-likely-without-reforms',
      none: 'improbable',
    });
    // Years may appear ("the factions of 2013"); no other number may.
    for (const a of data.scenarioAssessment) {
      expect(a.statement.replace(/\b(?:19|20)\d\d\b/g, '')).not.toMatch(/\d|%|per ?cent/);
      expect(a.statement_fr.replace(/\b(?:19|20)\d\d\b/g, ''), a.id).not.toMatch(/\d|%|pour ?cent/);
    }
    for (const r of data.scenarioRules) {
      expect(r.explanation).not.toMatch(/%|per ?cent|probabilit/i);
      expect(r.explanation_fr, r.id).not.toMatch(/%|pour ?cent|probabilit/i);
    }
  });

  it('observations after the article are labelled so, and none cites a bare-IP mirror (the 29 January 2026 attack cites AFP and HRW copies)', () => {
    const urls = new Map(data.sources.map((s) => [s.id, s.url ?? '']));
    for (const o of data.signpostObservations) {
      if (o.date > ARTICLE_DATE && o.date.length === 10) expect(o.after_article, o.id).toBe(true);
      for (const id of o.source_ids) expect(urls.get(id), `${o.id}: ${id}`).not.toMatch(/^https?:\/\/\d+\.\d+\.\d+\.\d+/);
    }
    expect(data.signpostObservations.filter((o) => o.after_article).map((o) => o.id)).toEqual(
      expect.arrayContaining(['2025-12-11-mopti-convoy', '2026-01-imports', '2025-12-20-aes-flag', '2026-01-29-diboli-kayes-attack']),
    );
    const bougouni = data.signpostObservations.find((o) => o.id === '2025-12-06-bougouni-ambush');
    expect(bougouni?.after_article).toBe(false);
    expect(data.signpostObservations.find((o) => o.id === '2025-11-dirpa-triangle')?.confidence).toBe('party-claim');
  });

  it('the dialogue precedent uses the corrected chronology, linked to the timeline', () => {
    const cell = data.scenarioDimensions.find((c) => c.id === 'ii-precedent')!;
    expect(cell.basis).toBe('corrected');
    expect(cell.timeline_ids).toEqual(expect.arrayContaining(['2020-ibk-dialogue', '2020-ouane-dialogue', '2021-hcim-mandate']));
    expect(cell.text).toContain('Choguel Maïga');
    const fracture = data.scenarioDimensions.find((c) => c.id === 'iii-precedent')!;
    expect(fracture.timeline_ids).toEqual(expect.arrayContaining(['2013-konna-offensive', '2013-serval']));
  });

  it('tells "corrected from other reporting" from "updated from later reporting" by the dates of the sources', () => {
    const cell = (id: string) => data.scenarioDimensions.find((c) => c.id === id)!;
    // The Mopti convoy of 3 December was reported by RFI on 13 December, after the article.
    expect(cell('i-fuel').basis).toBe('updated');
    // Reported before the article: the customs communiqué (30 Oct 2025), Haïdara's term (2024), the 2021 mandate.
    for (const id of ['iv-trigger', 'ii-actors', 'ii-precedent']) expect(cell(id).basis, id).toBe('corrected');

    const asCorrected = data.scenarioDimensions.map((c) => (c.id === 'i-fuel' ? { ...c, basis: 'corrected' as const } : c));
    expect(checkScenarioData({ ...data, scenarioDimensions: asCorrected })).toEqual([
      expect.stringMatching(/id "i-fuel", field "basis": cites "rfi-2025-12-13-mopti-convoys", published after 2025-12-09; use "updated"/),
    ]);
    const asUpdated = data.scenarioDimensions.map((c) => (c.id === 'iv-trigger' ? { ...c, basis: 'updated' as const } : c));
    expect(checkScenarioData({ ...data, scenarioDimensions: asUpdated })).toEqual([
      expect.stringMatching(/id "iv-trigger", field "basis": "updated" needs a source published after 2025-12-09/),
    ]);
    const noNote = data.scenarioDimensions.map((c) => (c.id === 'i-fuel' ? { ...c, note: undefined } : c));
    expect(checkScenarioData({ ...data, scenarioDimensions: noNote })).toEqual([expect.stringMatching(/id "i-fuel", field "note"/)]);
  });

  it('views: the grid follows the compare list, signposts and observations split by scenario and date', () => {
    const grid = comparisonGrid(['iv', 'i'], data.scenarioDimensions);
    expect(grid.map((r) => r.dimension)).toEqual([...DIMENSION_IDS]);
    for (const row of grid) {
      expect(row.cells.map((c) => c.scenario)).toEqual(['i', 'iv']);
      for (const c of row.cells) expect(c.cell?.id).toBe(`${c.scenario}-${row.dimension}`);
    }
    expect(signpostsFor('iii', data.signposts).pointsTo.map((s) => s.id)).toEqual(['jnim-splits']);
    expect(signpostsFor('i', data.signposts).weighsAgainst.map((s) => s.id)).toEqual(['convoy-attacks']);
    const convoys = observationsFor('convoys-arrive', data.signpostObservations);
    expect(convoys.after.map((o) => o.id)).toEqual(['2025-12-11-mopti-convoy', '2025-12-18-convoys-resume', '2026-01-27-labbezanga-convoy']);
    expect(convoys.before.map((o) => o.date)).toEqual([...convoys.before.map((o) => o.date)].sort());
  });
});

describe('broken scenario data is caught', () => {
  it('by the loader: an unknown scenario id in a rule, with file, row and field', () => {
    const dir = copyData();
    const row = setCell(dir, 'scenario-rules.csv', 0, 'scenarios', 'i;v');
    expect(errorOf(dir).message).toMatch(new RegExp(`scenario-rules\\.csv, row ${row} \\(id "[^"]+"\\), field "scenarios"`));
  });

  it('by the loader: a condition that is not yes, no or any', () => {
    const dir = copyData();
    const row = setCell(dir, 'scenario-rules.csv', 1, 'reforms', 'maybe');
    expect(errorOf(dir).message).toMatch(new RegExp(`scenario-rules\\.csv, row ${row} \\(id "[^"]+"\\), field "reforms"`));
  });

  it('by the loader: an observation citing a source that does not exist', () => {
    const dir = copyData();
    const row = setCell(dir, 'signpost-observations.csv', 0, 'source_ids', 'no-such-source');
    expect(errorOf(dir).message).toContain(`signpost-observations.csv, row ${row}`);
    expect(errorOf(dir).message).toContain('unknown source id "no-such-source"');
  });

  it('by the loader: a dimension cell whose id does not match its scenario and dimension', () => {
    const dir = copyData();
    setCell(dir, 'scenario-dimensions.csv', 0, 'dimension', 'actors');
    expect(errorOf(dir).message).toMatch(/scenario-dimensions\.csv, row 2 \(id "i-trigger"\), field "id": must be "i-actors"/);
  });

  it('by the consistency check: a missing cell, an unknown signpost, a wrong "after the article" label, a mismatched default', () => {
    const dir = copyData();
    const dims = readFileSync(join(dir, 'scenario-dimensions.csv'), 'utf8').split('\n');
    writeFileSync(join(dir, 'scenario-dimensions.csv'), dims.filter((l) => !l.startsWith('iii-fuel,')).join('\n'));
    const obs = readRows(dir, 'signpost-observations.csv');
    setCell(dir, 'signpost-observations.csv', 0, 'signpost', 'no-such-signpost');
    const mopti = obs.findIndex((o) => o.id === '2025-12-11-mopti-convoy');
    setCell(dir, 'signpost-observations.csv', mopti, 'after_article', 'no');
    setCell(dir, 'scenario-assumptions.csv', 1, 'at_writing', 'yes');
    const issues = checkScenarioData(loadSiteData(dir));
    expect(issues).toEqual(
      expect.arrayContaining([
        'scenario-dimensions.csv: no cell for scenario "iii", dimension "fuel"',
        expect.stringContaining('field "signpost": unknown signpost id "no-such-signpost"'),
        expect.stringContaining('id "2025-12-11-mopti-convoy", field "after_article": must be "yes"'),
        expect.stringContaining('scenario-assumptions.csv, id "reforms", field "at_writing"'),
      ]),
    );
  });
});
