/** The accessible name of each kind of graphic, shared by the panel, the figures and their files. */
import type { GraphicKind } from './graphic-state';
import type { Locale } from '../i18n/locale';
import { t } from '../i18n/strings';

export function graphicTitle(kind: GraphicKind, locale: Locale = 'en'): string {
  return t(locale, `graphics.title.${kind}`);
}
