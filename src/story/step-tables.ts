/**
 * Which data tables a step carries. Each graphic's table appears once, at the
 * first step that shows that graphic (or that layer of the map), so the
 * story offers every table without repeating any.
 */
import type { SiteData } from '../data/schema';
import type { Locale } from '../i18n/locale';
import type { ChartTable } from '../charts/chart-state';
import { chartTable } from '../charts';
import { convoysTable, corridorsTable } from '../map/map-tables';
import type { GraphicState } from './graphic-state';

export function tablesForStep(data: SiteData, states: Record<string, GraphicState>, stateName: string, locale: Locale = 'en'): ChartTable[] {
  const entries = Object.entries(states);
  const firstName = (test: (s: GraphicState) => boolean) => entries.find(([, s]) => test(s))?.[0];
  const state = states[stateName];
  if (!state) return [];
  if (state.kind !== 'map') return firstName((s) => s.kind === state.kind) === stateName ? [chartTable(data, state.kind, locale)] : [];
  const tables: ChartTable[] = [];
  if (firstName((s) => s.kind === 'map') === stateName) tables.push(corridorsTable(data, locale));
  const marksConvoys = (s: GraphicState) => s.kind === 'map' && (s.layers.includes('convoys') || s.layers.includes('tanker-attacks'));
  if (firstName(marksConvoys) === stateName) tables.push(convoysTable(data, locale));
  return tables;
}
