/**
 * Which side of its dot a town's name is written on. Towns on the same road
 * sit close together at this scale (Sikasso and Bougouni, Mopti and Sévaré),
 * so a few names go left, above or below; the rest go right.
 */
export type LabelSide = 'right' | 'left' | 'above' | 'below';

export const LABEL_SIDES: Record<string, LabelSide> = {
  bougouni: 'left',
  kolondieba: 'left',
  kadiolo: 'left',
  kati: 'left',
  kita: 'left',
  kayes: 'above',
  'nioro-du-sahel': 'above',
  kolokani: 'right',
  didieni: 'left',
  diema: 'right',
  kedougou: 'below',
  tambacounda: 'above',
  segou: 'below',
  niono: 'above',
  djenne: 'left',
  sevare: 'below',
  douentza: 'above',
  timbuktu: 'above',
  tonka: 'left',
  ansongo: 'below',
  dakar: 'above',
  conakry: 'left',
};

export function labelSide(placeId: string): LabelSide {
  return LABEL_SIDES[placeId] ?? 'right';
}
