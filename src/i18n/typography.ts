/**
 * French typography for text the site shows: a narrow no-break space (U+202F) before ; : ! ?
 * and inside « », a no-break space (U+00A0) between a number and "%", and the typographic
 * apostrophe (’) for the straight one. Web addresses are left exactly as written. Running it
 * twice gives the same text as running it once.
 *
 * It works on plain text (a string, or the text of one node), not on markup: run over HTML it
 * would touch attributes too ("style='a:b'").
 */

import type { Locale } from './locale';

const NARROW_NBSP = '\u202f';
const NBSP = '\u00a0';

/** Addresses kept as written: "https://…", "www.…", "mailto:…". */
const URL = /(?:https?:\/\/|www\.|mailto:)[^\s<>«»"]+/giu;

/** Stand-ins for addresses while the rest is rewritten (private-use characters, never in the site's text). */
const HOLD_OPEN = '\ue000';
const HOLD_CLOSE = '\ue001';
const HELD = /\ue000(\d+)\ue001/gu;

/** Any kind of space that may sit before high punctuation or inside guillemets. */
const SPACE = '[ \\u00a0\\u202f\\t]';

/** Characters after which no space goes before ; : ! ?  — an opening bracket: "(?)". */
const NO_SPACE_AFTER = /[([{\u202f\u00a0 \n]/u;

export function frenchTypography(text: string): string {
  const held: string[] = [];
  let out = text.replace(URL, (url) => `${HOLD_OPEN}${held.push(url) - 1}${HOLD_CLOSE}`);

  out = out.replace(/'/gu, '’');

  out = out.replace(new RegExp(`«${SPACE}*`, 'gu'), `«${NARROW_NBSP}`);
  out = out.replace(new RegExp(`${SPACE}*»`, 'gu'), `${NARROW_NBSP}»`);

  out = out.replace(new RegExp(`(\\d)${SPACE}*%`, 'gu'), `$1${NBSP}%`);

  out = out.replace(new RegExp(`${SPACE}*([;:!?]+)`, 'gu'), (match: string, marks: string, offset: number, whole: string) => {
    const before = whole[offset - 1];
    const after = whole[offset + match.length];
    // Nothing to space from: the start of the text or of a line, or an opening bracket.
    if (before === undefined || NO_SPACE_AFTER.test(before)) return match;
    // A time or a ratio written with a colon between digits: "14:30", "1:2".
    if (marks === ':' && match === marks && /\d/u.test(before) && after !== undefined && /\d/u.test(after)) return match;
    return `${NARROW_NBSP}${marks}`;
  });

  return out.replace(HELD, (_, index: string) => held[Number(index)]!);
}

/** The typography of a language's text: French typography for French, the text as it is for English. */
export function typographer(locale: Locale): (text: string) => string {
  return locale === 'fr' ? frenchTypography : (text) => text;
}
