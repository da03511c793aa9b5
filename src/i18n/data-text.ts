/**
 * A data row's words in one language. Rows of data/ are shared by both editions; each field the
 * site shows in words has a French twin column, `<field>_fr` (TRANSLATED_FIELDS in
 * src/data/schema.ts), which the loader has already required to be filled.
 */
import type { Locale } from './locale';

export function textOf<R extends object, F extends keyof R & string>(row: R, field: F, locale: Locale): R[F] {
  if (locale === 'en') return row[field];
  const french = (row as Record<string, unknown>)[`${field}_fr`];
  if (french === undefined || french === null || french === '') {
    const id = (row as { id?: unknown }).id;
    throw new Error(`no French text for field "${field}"${id ? ` of row "${String(id)}"` : ''}: add "${field}_fr" to its data file`);
  }
  return french as R[F];
}
