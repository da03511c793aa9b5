/**
 * Which sources each chapter of the story rests on, read from the chapter's
 * MDX: every component that shows a figure from data/ (and so cites that
 * row's sources), every <Cite>, every <Term> and every step's graphic. The
 * print endnotes list them, and tests/unit/sources-links.test.ts checks that
 * every id resolves.
 */
import type { SiteData } from '../data/schema';
import { getGraphicState } from './graphic-states';
import { sourceIdsForState } from './state-sources';

export const CITING_COMPONENTS = ['Step', 'Num', 'FigureField', 'When', 'Price', 'Tankers', 'Power', 'Converted', 'Cite', 'Term'] as const;
export type CitingComponent = (typeof CITING_COMPONENTS)[number];

export interface ComponentRef {
  component: CitingComponent;
  attribute: string;
  value: string;
}

// A tag's attributes may hold quoted strings or {…} expressions, either of which may contain ">".
const TAG = new RegExp(`<(${CITING_COMPONENTS.join('|')})\\b((?:[^>"{]|"[^"]*"|\\{[^}]*\\})*)>`, 'g');
const ATTRIBUTE = /([A-Za-z]+)=(?:"([^"]*)"|\{([^}]*)\})/g;
const QUOTED = /["']([^"']+)["']/g;

/** Every id-valued attribute of the citing components in an MDX text, in reading order. */
export function componentRefs(mdx: string): ComponentRef[] {
  const refs: ComponentRef[] = [];
  for (const tag of mdx.matchAll(TAG)) {
    const component = tag[1] as CitingComponent;
    for (const attr of (tag[2] ?? '').matchAll(ATTRIBUTE)) {
      const [, attribute = '', quoted, expression] = attr;
      if (quoted !== undefined) refs.push({ component, attribute, value: quoted });
      else if (expression !== undefined && expression.trim().startsWith('[')) {
        for (const item of expression.matchAll(QUOTED)) refs.push({ component, attribute, value: item[1]! });
      }
    }
  }
  return refs;
}

/** The attributes that name a row of data/ (the others, such as a step's alt text, are not ids). */
const ROW_ATTRIBUTES: Record<CitingComponent, readonly string[]> = {
  Step: ['state'],
  Num: ['id'],
  FigureField: ['id'],
  When: ['event'],
  Price: ['id'],
  Tankers: ['claim'],
  Power: ['id'],
  Converted: ['price', 'rate'],
  Cite: ['ids'],
  Term: ['id'],
};

/** The source ids behind one reference; throws, naming the component, when the id it names does not exist. */
export function sourceIdsForRef(data: SiteData, ref: ComponentRef): string[] {
  const missing = (file: string): never => {
    throw new Error(`<${ref.component} ${ref.attribute}="${ref.value}">: no such row in data/${file}`);
  };
  const find = <T extends { id: string; source_ids: string[] }>(rows: T[], file: string): string[] =>
    rows.find((r) => r.id === ref.value)?.source_ids ?? missing(file);
  switch (ref.component) {
    case 'Step':
      return sourceIdsForState(data, getGraphicState(ref.value));
    case 'Num':
    case 'FigureField':
      return find(data.figures, 'figures.csv');
    case 'When':
      return find(data.timeline, 'timeline.csv');
    case 'Price':
      return find(data.fuelPrices, 'fuel-prices.csv');
    case 'Tankers':
      return find(data.tankers, 'tankers.csv');
    case 'Power':
      return find(data.electricity, 'electricity.csv');
    case 'Converted':
      return ref.attribute === 'rate' ? find(data.exchangeRates, 'exchange-rates.csv') : find(data.fuelPrices, 'fuel-prices.csv');
    case 'Term':
      return find(data.glossary, 'glossary.csv');
    case 'Cite':
      return data.sources.some((s) => s.id === ref.value) ? [ref.value] : missing('sources.csv');
  }
}

export function isRowReference(ref: ComponentRef): boolean {
  return ROW_ATTRIBUTES[ref.component].includes(ref.attribute);
}

/** The sources a chapter's MDX rests on, without repeats, in the order a reader first meets them. */
export function chapterSourceIds(data: SiteData, mdx: string): string[] {
  const ids = componentRefs(mdx)
    .filter(isRowReference)
    .flatMap((ref) => sourceIdsForRef(data, ref));
  return [...new Set(ids)];
}
