/**
 * Tiny helpers for writing SVG as strings at build time. The graphics are
 * rendered in Node without a DOM, so escaping is done here, once, for all of
 * them: data text (titles, notes) must never become markup.
 */
export function escapeXml(value: string | number): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export type Attrs = Record<string, string | number | boolean | undefined | null>;

export function attrs(values: Attrs): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== null && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${escapeXml(v as string | number)}"`))
    .join('');
}

export function el(tag: string, values: Attrs, children: string | string[] = ''): string {
  const inner = Array.isArray(children) ? children.join('') : children;
  return `<${tag}${attrs(values)}>${inner}</${tag}>`;
}

/** Rounds path coordinates: sub-pixel digits are bytes a phone downloads for nothing. */
export function roundPath(d: string | null | undefined, digits = 1): string {
  if (!d) return '';
  const factor = 10 ** digits;
  const rounded = d.replace(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g, (n) => String(Math.round(Number(n) * factor) / factor));
  // Rounding makes neighbouring points coincide; a repeated point draws nothing.
  return rounded.replace(/L(-?[\d.]+,-?[\d.]+)(?=L\1(?![\d.]))/g, '');
}

export function classes(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

export interface Size {
  width: number;
  height: number;
}
