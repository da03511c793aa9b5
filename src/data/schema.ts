/**
 * One zod schema per file in data/. Every CSV cell arrives as a string, so
 * the schemas coerce (numbers, yes/no, ;-lists) and say in plain words what
 * a good value looks like: these messages are what an editor sees when the
 * build stops.
 */
import { z } from 'astro/zod';
import { parsePartialDate } from './dates';
import { isInsideFrame, MAP_FRAME } from '../map/frame';
import {
  ARTICLE_SECTION_IDS,
  ASSUMPTION_IDS,
  BASES,
  CONDITIONS,
  DIMENSION_IDS,
  RULE_EFFECTS,
  SCENARIO_IDS,
  SIGNALS,
  STANDINGS,
} from '../scenarios/model';

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase kebab-case id such as "bamako-2025-11-11"');

const text = z.string().trim().min(1, 'must not be empty');
const optionalText = z.string().trim().optional().transform((v) => (v ? v : undefined));

const partialDate = z
  .string()
  .trim()
  .refine((v) => parsePartialDate(v) !== null, {
    message: 'must be a real date written YYYY-MM-DD, YYYY-MM or YYYY',
  });
const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || parsePartialDate(v) !== null, {
    message: 'must be empty or a real date written YYYY-MM-DD, YYYY-MM or YYYY',
  });

interface NumberRules {
  min?: number;
  integer?: boolean;
}

function numberCell(opts: NumberRules & { optional?: false }): z.ZodType<number, string | undefined>;
function numberCell(opts: NumberRules & { optional: true }): z.ZodType<number | undefined, string | undefined>;
function numberCell(opts: NumberRules & { optional?: boolean }): z.ZodType<number | undefined, string | undefined> {
  return z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') {
        if (opts.optional) return undefined;
        ctx.addIssue({ code: 'custom', message: 'must be a number, not empty' });
        return z.NEVER;
      }
      const n = Number(v);
      if (!Number.isFinite(n)) {
        ctx.addIssue({ code: 'custom', message: `must be a number, got "${v}"` });
        return z.NEVER;
      }
      if (opts.integer && !Number.isInteger(n)) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number, got "${v}"` });
        return z.NEVER;
      }
      if (opts.min !== undefined && n < opts.min) {
        ctx.addIssue({
          code: 'custom',
          message: opts.min === 0 ? `must not be negative, got ${v}` : `must be at least ${opts.min}, got ${v}`,
        });
        return z.NEVER;
      }
      return n;
    });
}

const cellList = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v.split(';').map((s) => s.trim()).filter(Boolean) : []));

const idList = cellList.pipe(z.array(id));

const sourceIds = idList.refine((ids) => ids.length > 0, { message: 'must cite at least one source id' });

const yesNo = z.enum(['yes', 'no']).transform((v) => v === 'yes');

const confidence = z.enum(['confirmed', 'uncertain', 'article-only', 'party-claim']);
const regionId = z.enum(['ML-1', 'ML-2', 'ML-3', 'ML-4', 'ML-5', 'ML-6', 'ML-7', 'ML-8', 'ML-BKO']);

/** The story's chapters (their `chapter` ids in content/story), plus `background` for what no chapter cites directly. */
export const CHAPTER_IDS = ['lifelines', 'blockade', 'actors', 'roads', 'daily-life', 'rural', 'junta', 'scenarios', 'background'] as const;
const chapterId = z.enum(CHAPTER_IDS);

export const sourceRow = z.object({
  id,
  outlet: text,
  title: text,
  /** When the source was published; empty when it gives no date (the note must then say so). */
  date: optionalDate,
  /** When the project read it: kept apart so an access year is never shown as the publication date. */
  accessed: optionalDate,
  url: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^https?:\/\/[^\s/]+\.[^\s]+$/.test(v), {
      message: 'must be empty or an absolute http(s) URL',
    })
    .refine((v) => v === undefined || !/^https?:\/\/\d+\.\d+\.\d+\.\d+/.test(v), {
      message: 'must not be a bare IP address: cite the original outlet, not a mirror',
    }),
  language: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code'),
  reliability: z.enum(['original', 'syndicated', 'party-claim']),
  copy_host: optionalText,
  url_checked: yesNo,
  chapter: chapterId,
  note: optionalText,
  /** The note in French; required wherever `note` is filled (TRANSLATED_FIELDS), so an empty date or url is explained in both languages. */
  note_fr: optionalText,
}).superRefine((row, ctx) => {
  if (!row.date && !row.note) {
    ctx.addIssue({ code: 'custom', path: ['date'], message: 'is empty: give the publication date, or say in "note" why the source has none' });
  }
  if (!row.url && !row.note) {
    ctx.addIssue({ code: 'custom', path: ['url'], message: 'is empty: give the address, or say in "note" why there is none' });
  }
  if (row.note_fr && !row.note) {
    ctx.addIssue({ code: 'custom', path: ['note_fr'], message: 'is filled but "note" is empty: the French note follows the English one' });
  }
});

export const placeRow = z
  .object({
    id,
    name: text,
    name_fr: text,
    kind: z.enum(['capital', 'town', 'port', 'border-town']),
    country: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code'),
    region: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined))
      .pipe(regionId.optional()),
    lon: numberCell({}),
    lat: numberCell({}),
    geonames_id: optionalText,
    coordinates_from: z.enum(['geonames', 'manual']),
    source_ids: sourceIds,
  })
  .superRefine((row, ctx) => {
    if (!isInsideFrame(row.lon, row.lat)) {
      ctx.addIssue({
        code: 'custom',
        path: ['lon'],
        message: `(${row.lon}, ${row.lat}) is outside the map frame (lon ${MAP_FRAME.west}…${MAP_FRAME.east}, lat ${MAP_FRAME.south}…${MAP_FRAME.north})`,
      });
    }
  });

export const timelineRow = z.object({
  id,
  date: partialDate,
  end_date: optionalDate,
  title: text,
  title_fr: text,
  category: z.enum(['politics', 'security', 'blockade', 'energy', 'international', 'governance']),
  regions: cellList.pipe(z.array(regionId)),
  places: idList,
  confidence,
  source_ids: sourceIds,
  note: optionalText,
  note_fr: optionalText,
  /** The event as a map note beside its date: a few words, since it must fit a phone's map. */
  map_note: optionalText,
  map_note_fr: optionalText,
});

export const fuelPriceRow = z
  .object({
    id,
    place: optionalText,
    date: partialDate,
    price_cfa_min: numberCell({ min: 0, integer: true }),
    price_cfa_max: numberCell({ min: 0, integer: true }),
    market: z.enum(['official', 'informal']),
    fuel: z.enum(['petrol', 'diesel', 'unknown']),
    confidence,
    source_ids: sourceIds,
    note: optionalText,
    note_fr: optionalText,
  })
  .superRefine((row, ctx) => {
    if (row.price_cfa_max < row.price_cfa_min) {
      ctx.addIssue({ code: 'custom', path: ['price_cfa_max'], message: 'must not be below price_cfa_min' });
    }
  });

export const exchangeRateRow = z.object({
  id,
  /** When the source states the rate; for a fixed parity, the date of the statement that confirms it. */
  date: partialDate,
  currency: z.enum(['EUR', 'USD']),
  cfa_per_unit: numberCell({ min: 1 }),
  method: z.enum(['fixed-parity', 'published-rate']),
  source_ids: sourceIds,
  note: optionalText,
  note_fr: optionalText,
});

export const electricityRow = z.object({
  id,
  place: id,
  date: partialDate,
  measure: z.enum(['supply_hours_per_day', 'outage_hours_per_day', 'days_without_power']),
  value_min: numberCell({ min: 0, optional: true }),
  value_max: numberCell({ min: 0, optional: true }),
  /**
   * How the source qualifies the figure, when it does: "about 6 hours", or "fewer than 6 hours"
   * (then only value_max is given). Empty when the source gives the figure plainly.
   */
  qualifier: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.enum(['about', 'fewer-than']).optional()),
  confidence,
  source_ids: sourceIds,
  note: optionalText,
  note_fr: optionalText,
}).superRefine((row, ctx) => {
  if (row.qualifier === 'fewer-than' && (row.value_max === undefined || row.value_min !== undefined)) {
    ctx.addIssue({ code: 'custom', path: ['qualifier'], message: 'fewer-than needs value_max (the figure the source gives) and an empty value_min' });
  }
});

export const tankerClaimRow = z.object({
  id,
  date: partialDate,
  place: optionalText,
  axis: optionalText,
  count_min: numberCell({ min: 0, integer: true }),
  count_max: numberCell({ min: 0, integer: true, optional: true }),
  count_qualifier: z.enum(['exact', 'at-least', 'more-than', 'about']),
  claimant: text,
  /** Written to follow "selon" on the French map ("le JNIM", "des témoins…"), as the English follows "per". */
  claimant_fr: text,
  claimant_type: z.enum(['independent-media', 'industry', 'party-to-conflict', 'security-source', 'witnesses']),
  cumulative: yesNo,
  confidence,
  source_ids: sourceIds,
  note: optionalText,
});

export const convoyRow = z
  .object({
  id,
  date: partialDate,
  from_place: optionalText,
  to_place: id,
  tankers_min: numberCell({ min: 0, integer: true, optional: true }),
  tankers_max: numberCell({ min: 0, integer: true, optional: true }),
  /** How the source qualifies the count ("about 40", "more than 100"); empty when no count is reported. */
  tankers_qualifier: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.enum(['exact', 'about', 'at-least', 'more-than']).optional()),
  escort: z.enum(['fama', 'fama-africa-corps', 'none', 'unknown']),
  outcome: z.enum(['arrived', 'attacked']),
  confidence,
  source_ids: sourceIds,
  note: optionalText,
  note_fr: optionalText,
  })
  .superRefine((row, ctx) => {
    if (row.tankers_min !== undefined && !row.tankers_qualifier) {
      ctx.addIssue({ code: 'custom', path: ['tankers_qualifier'], message: 'must say how the source qualifies the count: exact, about, at-least or more-than' });
    }
  });

export const schoolClosureRow = z.object({
  id,
  start_date: partialDate,
  end_date: partialDate,
  reopen_date: optionalDate,
  scope: text,
  scope_fr: text,
  announced: optionalDate,
  source_ids: sourceIds,
  note: optionalText,
});

export const corridorRow = z.object({
  id,
  name: text,
  name_fr: text,
  road: optionalText,
  road_fr: optionalText,
  toward: optionalText,
  toward_fr: optionalText,
  places: idList.refine((ids) => ids.length >= 2, { message: 'must list at least two place ids, separated by ";"' }),
  schematic: yesNo.refine((v) => v, { message: 'must be "yes": corridors are drawn schematically' }),
  source_ids: sourceIds,
  note: optionalText,
  note_fr: optionalText,
});

export const figureRow = z.object({
  id,
  label: text,
  label_fr: text,
  value: numberCell({}),
  value_max: numberCell({ optional: true }),
  unit: text,
  unit_fr: text,
  qualifier: z.enum(['exact', 'about', 'more-than', 'at-least', 'range']),
  period: optionalText,
  period_fr: optionalText,
  /** Whether the figure describes a time after the article (9 Dec 2025); `period` is free text, so this is said outright. */
  after_article: yesNo,
  scope: optionalText,
  scope_fr: optionalText,
  confidence,
  source_ids: sourceIds,
  note: optionalText,
});

export const articleCorrectionRow = z.object({
  id,
  topic: text,
  topic_fr: text,
  /** The story step whose text tells the reader where the article and the sources differ. */
  step: id,
  article_says: text,
  article_says_fr: text,
  sources_say: text,
  sources_say_fr: text,
  source_ids: sourceIds,
  note: optionalText,
  note_fr: optionalText,
});

/** A glossary definition, in either language: one or two sentences, at most 400 characters. */
const definitionText = text
  .refine((v) => v.length <= 400, { message: 'must be short: one or two sentences, at most 400 characters' })
  .refine((v) => (v.match(/[.!?](?:[”"’)]*)(?=\s|$)/g) ?? []).length <= 2, { message: 'must be one or two sentences' });

/**
 * A term a reader meets in the story, defined in our own words with sources.
 * `chapter` is the chapter whose text first uses it (and wraps it in <Term>),
 * or `background` for a term listed only on the glossary page.
 */
export const glossaryRow = z.object({
  id,
  term: text,
  term_fr: text,
  also_known_as: cellList,
  also_known_as_fr: cellList,
  definition: definitionText,
  definition_fr: definitionText,
  source_ids: sourceIds,
  chapter: chapterId,
});

/** What changed on the site and when; the newest date is the site's "last updated" date. */
export const changelogRow = z.object({
  id,
  date: z
    .string()
    .trim()
    .refine((v) => parsePartialDate(v)?.precision === 'day', { message: 'must be a full date written YYYY-MM-DD' }),
  change: text,
  change_fr: text,
});

// The scenario explorer: the article's four scenarios, compared on the same
// dimensions, its own assessment, the assumption switches, the visible rule
// table, signposts and dated observations. Vocabularies come from
// src/scenarios/model.ts; links between these files (signpost and timeline
// ids, one cell per scenario and dimension) are checked by
// src/scenarios/check.ts.

const scenarioId = z.enum(SCENARIO_IDS);
const scenarioList = cellList.pipe(z.array(scenarioId));
const nonEmptyScenarioList = scenarioList.refine((ids) => ids.length > 0, {
  message: 'must name at least one scenario (i, ii, iii or iv), separated by ";"',
});
const articleSection = z.enum(ARTICLE_SECTION_IDS);
const basis = z.enum(BASES);
const condition = z.enum(CONDITIONS);
const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(id.optional());

export const articleSectionRow = z.object({
  id: articleSection,
  title: text,
  title_fr: text,
  heading: yesNo,
  url: z
    .string()
    .trim()
    .refine((v) => /^https?:\/\/[^\s/]+\.[^\s]+$/.test(v), { message: 'must be an absolute http(s) URL' }),
  source_ids: sourceIds,
  note: optionalText,
});

export const scenarioRow = z.object({
  id: scenarioId,
  numeral: z.enum(['I', 'II', 'III', 'IV']),
  title: text,
  title_fr: text,
  summary: text,
  summary_fr: text,
  article_section: articleSection,
  source_ids: sourceIds,
  note: optionalText,
  note_fr: optionalText,
});

export const scenarioDimensionRow = z
  .object({
    id,
    scenario: scenarioId,
    dimension: z.enum(DIMENSION_IDS),
    text,
    text_fr: text,
    basis,
    timeline_ids: idList,
    source_ids: sourceIds,
    note: optionalText,
    note_fr: optionalText,
  })
  .superRefine((row, ctx) => {
    if (row.id !== `${row.scenario}-${row.dimension}`) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `must be "${row.scenario}-${row.dimension}" (scenario-dimension)` });
    }
    if (row.basis === 'corrected' && !row.note) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'must say what the sources correct when basis is "corrected"' });
    }
  });

export const scenarioAssessmentRow = z
  .object({
    id,
    scenario: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined))
      .pipe(scenarioId.optional()),
    standing: z.enum(STANDINGS),
    statement: text,
    statement_fr: text,
    article_section: articleSection,
    source_ids: sourceIds,
    note: optionalText,
  })
  .superRefine((row, ctx) => {
    if (row.standing === 'improbable' && row.scenario !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['scenario'], message: 'must be empty for "improbable": it describes outcomes outside the four scenarios' });
    }
    if (row.standing !== 'improbable' && row.scenario === undefined) {
      ctx.addIssue({ code: 'custom', path: ['scenario'], message: 'must name a scenario (i, ii, iii or iv)' });
    }
  });

export const scenarioAssumptionRow = z.object({
  id: z.enum(ASSUMPTION_IDS),
  label: text,
  label_fr: text,
  question: text,
  question_fr: text,
  at_writing: yesNo,
  at_writing_reason: text,
  article_section: articleSection,
  source_ids: sourceIds,
});

export const scenarioRuleRow = z.object({
  id,
  escorts: condition,
  reforms: condition,
  dialogue: condition,
  uncoordinated: condition,
  effect: z.enum(RULE_EFFECTS),
  scenarios: nonEmptyScenarioList,
  explanation: text,
  explanation_fr: text,
  article_section: articleSection,
  basis: z.enum(['article', 'corrected', 'reading']),
  source_ids: sourceIds,
});

export const signpostRow = z
  .object({
    id,
    label: text,
    label_fr: text,
    points_to: nonEmptyScenarioList,
    weighs_against: scenarioList,
    meaning: text,
    meaning_fr: text,
    observe: text,
    observe_fr: text,
    article_section: articleSection,
    basis: z.enum(['article', 'corrected', 'reading']),
    source_ids: sourceIds,
  })
  .superRefine((row, ctx) => {
    const both = row.points_to.filter((s) => row.weighs_against.includes(s));
    if (both.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['weighs_against'], message: `must not repeat a scenario from points_to (${both.join(', ')})` });
    }
  });

export const signpostObservationRow = z.object({
  id,
  signpost: id,
  date: partialDate,
  observation: text,
  observation_fr: text,
  signal: z.enum(SIGNALS),
  after_article: yesNo,
  confidence,
  timeline_id: optionalId,
  source_ids: sourceIds,
  note: optionalText,
});

export const scenarioCorridorRow = z.object({
  id,
  scenario: z.enum(['i', 'ii', 'iii', 'iv']),
  /** What the scenario implies for the corridors: under escort, contested, or not covered by the article. */
  status: z.enum(['escorted', 'contested', 'not-covered']),
  corridors: idList.refine((ids) => ids.length > 0, { message: 'must list at least one corridor id' }),
  dimension_cell: id,
  source_ids: sourceIds,
  note: optionalText,
});

/** The files in data/ and the schema each row must pass. */
export const DATASETS = {
  sources: { file: 'sources.csv', row: sourceRow },
  places: { file: 'places.csv', row: placeRow },
  timeline: { file: 'timeline.csv', row: timelineRow },
  fuelPrices: { file: 'fuel-prices.csv', row: fuelPriceRow },
  exchangeRates: { file: 'exchange-rates.csv', row: exchangeRateRow },
  electricity: { file: 'electricity.csv', row: electricityRow },
  tankers: { file: 'tankers.csv', row: tankerClaimRow },
  convoys: { file: 'convoys.csv', row: convoyRow },
  schoolClosures: { file: 'school-closures.csv', row: schoolClosureRow },
  corridors: { file: 'corridors.csv', row: corridorRow },
  figures: { file: 'figures.csv', row: figureRow },
  articleCorrections: { file: 'article-corrections.csv', row: articleCorrectionRow },
  scenarioCorridors: { file: 'scenario-corridors.csv', row: scenarioCorridorRow },
  articleSections: { file: 'article-sections.csv', row: articleSectionRow },
  scenarios: { file: 'scenarios.csv', row: scenarioRow },
  scenarioDimensions: { file: 'scenario-dimensions.csv', row: scenarioDimensionRow },
  scenarioAssessment: { file: 'scenario-assessment.csv', row: scenarioAssessmentRow },
  scenarioAssumptions: { file: 'scenario-assumptions.csv', row: scenarioAssumptionRow },
  scenarioRules: { file: 'scenario-rules.csv', row: scenarioRuleRow },
  signposts: { file: 'signposts.csv', row: signpostRow },
  signpostObservations: { file: 'signpost-observations.csv', row: signpostObservationRow },
  glossary: { file: 'glossary.csv', row: glossaryRow },
  changelog: { file: 'changelog.csv', row: changelogRow },
} as const;

export type DatasetName = keyof typeof DATASETS;
export type Row<N extends DatasetName> = z.output<(typeof DATASETS)[N]['row']>;
export type SiteData = { [N in DatasetName]: Row<N>[] };

/** A field of a file that has a French twin column, `<field>_fr`, declared in its row schema. */
export type TranslatableField<N extends DatasetName> = {
  [K in keyof Row<N> & string]: `${K}_fr` extends keyof Row<N> ? K : never;
}[keyof Row<N> & string];

/**
 * The French edition (issue 13): for each file, the fields whose words the
 * site shows. Data stays single; each of these fields has a French twin
 * column, `<field>_fr`, which must be filled wherever the English one is
 * (src/data/load.ts names the file, row and field of any that is missing).
 * Ids, dates, numbers, source titles and addresses are not translated.
 */
export const TRANSLATED_FIELDS: { readonly [N in DatasetName]: readonly TranslatableField<N>[] } = {
  sources: ['note'],
  places: ['name'],
  timeline: ['title', 'note', 'map_note'],
  fuelPrices: ['note'],
  exchangeRates: ['note'],
  electricity: ['note'],
  tankers: ['claimant'],
  convoys: ['note'],
  schoolClosures: ['scope'],
  corridors: ['name', 'road', 'toward', 'note'],
  figures: ['label', 'unit', 'period', 'scope'],
  articleCorrections: ['topic', 'article_says', 'sources_say', 'note'],
  scenarioCorridors: [],
  articleSections: ['title'],
  scenarios: ['title', 'summary', 'note'],
  scenarioDimensions: ['text', 'note'],
  scenarioAssessment: ['statement'],
  scenarioAssumptions: ['label', 'question'],
  scenarioRules: ['explanation'],
  signposts: ['label', 'meaning', 'observe'],
  signpostObservations: ['observation'],
  glossary: ['term', 'also_known_as', 'definition'],
  changelog: ['change'],
};

export type Source = Row<'sources'>;
export type Place = Row<'places'>;
export type TimelineEvent = Row<'timeline'>;
export type FuelPrice = Row<'fuelPrices'>;
export type ExchangeRate = Row<'exchangeRates'>;
export type ElectricityObservation = Row<'electricity'>;
export type TankerClaim = Row<'tankers'>;
export type Convoy = Row<'convoys'>;
export type SchoolClosure = Row<'schoolClosures'>;
export type Corridor = Row<'corridors'>;
export type KeyFigure = Row<'figures'>;
export type ArticleCorrection = Row<'articleCorrections'>;
export type ArticleSection = Row<'articleSections'>;
export type Scenario = Row<'scenarios'>;
export type ScenarioDimension = Row<'scenarioDimensions'>;
export type ScenarioAssessment = Row<'scenarioAssessment'>;
export type ScenarioAssumption = Row<'scenarioAssumptions'>;
export type ScenarioRule = Row<'scenarioRules'>;
export type Signpost = Row<'signposts'>;
export type SignpostObservation = Row<'signpostObservations'>;
export type ScenarioCorridor = Row<'scenarioCorridors'>;
export type GlossaryTerm = Row<'glossary'>;
export type ChangelogEntry = Row<'changelog'>;
