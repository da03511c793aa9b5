/**
 * How wide a label is before any browser draws it, so labels can be placed
 * at build time. Advance widths in em, measured in Chromium for DejaVu Sans,
 * the font `system-ui` falls back to on this build machine and one of the
 * widest a reader's device may use: a label that fits in these widths fits
 * in narrower fonts (Roboto, San Francisco, Segoe UI) too.
 */
const REGULAR_GROUPS: [string, number][] = [
  ["'ijlîï", 0.28],
  ["IJÎ", 0.3],
  // The no-break spaces of French ("1 300", "2025 :") as a full space, so an estimate errs wide.
  [" ,.‘’\u00a0\u202f", 0.32],
  ["/:;\\|", 0.34],
  ["f", 0.35],
  ["-", 0.36],
  ["()[]t", 0.39],
  ["!", 0.4],
  ["r", 0.41],
  ["\"", 0.46],
  ["*_`°–", 0.5],
  ["s“”", 0.52],
  ["?z", 0.53],
  ["cç", 0.55],
  ["L", 0.56],
  ["Fk", 0.58],
  ["vxy", 0.59],
  ["P", 0.6],
  ["TYao«»àâäôö", 0.61],
  ["eèéêë", 0.62],
  ["ESbdghnpquÈÉùûü", 0.63],
  ["$0123456789{}", 0.64],
  ["K", 0.66],
  ["AVÀÂ", 0.68],
  ["BRXZ", 0.69],
  ["CÇ", 0.7],
  ["UÛ", 0.73],
  ["HN", 0.75],
  ["D", 0.77],
  ["&G", 0.78],
  ["OQÔ", 0.79],
  ["w", 0.82],
  ["#+<=>^~", 0.84],
  ["M", 0.86],
  ["%", 0.95],
  ["m", 0.97],
  ["W", 0.99],
  ["@—…", 1],
];
const BOLD_GROUPS: [string, number][] = [
  ["'", 0.31],
  ["ijlîï", 0.34],
  [" \u00a0\u202f", 0.35],
  ["/IJ\\|Î", 0.37],
  [",.‘’", 0.38],
  [":;", 0.4],
  ["-", 0.42],
  ["f", 0.44],
  ["!()[]", 0.46],
  ["t", 0.48],
  ["r", 0.49],
  ["_`°–", 0.5],
  ["\"*", 0.52],
  ["?z", 0.58],
  ["cç", 0.59],
  ["s", 0.6],
  ["L", 0.64],
  ["vxy«»", 0.65],
  ["“”", 0.66],
  ["akàâä", 0.67],
  ["EFTeÈÉèéêë", 0.68],
  ["oôö", 0.69],
  ["$0123456789", 0.7],
  ["hnu{}ùûü", 0.71],
  ["SYbdgpq", 0.72],
  ["CPZÇ", 0.73],
  ["B", 0.76],
  ["ARVXÀÂ", 0.77],
  ["K", 0.78],
  ["UÛ", 0.81],
  ["G", 0.82],
  ["D", 0.83],
  ["#+<=>HN^~", 0.84],
  ["OQÔ", 0.85],
  ["&", 0.87],
  ["w", 0.92],
  ["%@M—…", 1],
  ["m", 1.04],
  ["W", 1.1],
];

function table(groups: [string, number][]): Map<string, number> {
  const widths = new Map<string, number>();
  for (const [chars, width] of groups) for (const c of chars) widths.set(c, width);
  return widths;
}
const REGULAR = table(REGULAR_GROUPS);
const BOLD = table(BOLD_GROUPS);
/** Characters not measured count as wide as a capital M, so an estimate errs wide. */
const UNKNOWN_EM = 1;

/** The drawn font's ascent and descent, in em: the box getBoundingClientRect gives an SVG text line. */
export const ASCENT_EM = 0.93;
export const DESCENT_EM = 0.24;

export function textWidth(text: string, fontPx: number, bold = false): number {
  const widths = bold ? BOLD : REGULAR;
  let em = 0;
  for (const c of text) em += widths.get(c) ?? UNKNOWN_EM;
  return em * fontPx;
}
