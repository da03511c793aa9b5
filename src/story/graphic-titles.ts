/** The accessible name of each kind of graphic, shared by the panel, the figures and their files. */
import type { GraphicKind } from './graphic-state';
import type { Locale } from '../i18n/locale';

const TITLES: Record<GraphicKind, string> = {
  map: 'Map of Mali and the roads into Bamako',
  'roads-waffle': 'Violence near roads in North and West Africa',
  'fuel-prices': 'Fuel prices observed in 2025',
  electricity: 'Hours of electricity reported',
  'school-calendar': 'School closures, autumn 2025',
  timeline: 'Mali since 2012: a timeline',
};

export function graphicTitle(kind: GraphicKind, _locale: Locale = 'en'): string {
  return TITLES[kind];
}
