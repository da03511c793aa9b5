/**
 * Image "cards": a graphic with its title, subtitle, notes, sources and
 * credit drawn around it, as one self-contained SVG. The SVG downloads are
 * these cards, and the PNG downloads and social images are the same cards
 * rasterised at build time (./raster.ts), so the source and the credit travel
 * with every copy of a graphic.
 *
 * Pure string building, like the renderers: no DOM, no fonts measured. Text
 * is wrapped on a generous estimate of glyph width, so it fits in the widest
 * fonts a viewer may substitute (DejaVu Sans, used for the PNGs).
 */
import { el, escapeXml } from '../lib/svg';
import { wrapLines } from '../charts/common';

export const CARD_COLOURS = {
  bg: '#fbf8f2',
  panel: '#f3efe7',
  fg: '#1b1b1b',
  muted: '#555049',
  rule: '#d8d1c4',
  accent: '#8c1d18',
} as const;

const SANS = "system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','DejaVu Sans',sans-serif";
const SERIF = "Georgia,'DejaVu Serif',serif";

/** Characters of `fontSize` that surely fit `width`: DejaVu Sans averages about 0.6 em, bold a little more. */
export function charsFor(width: number, fontSize: number, bold = false): number {
  return Math.max(8, Math.floor(width / (fontSize * (bold ? 0.66 : 0.6))));
}

interface TextBlock {
  svg: string;
  height: number;
}

/** A wrapped paragraph as <text> lines; `y` is the top of the block. */
function paragraph(
  text: string,
  x: number,
  y: number,
  width: number,
  style: { size: number; lineHeight: number; weight?: 700 | 400; fill: string; family?: string; maxLines?: number },
): TextBlock {
  if (!text.trim()) return { svg: '', height: 0 };
  const lines = wrapLines(text, charsFor(width, style.size, style.weight === 700), style.maxLines ?? 20);
  const svg = el(
    'text',
    {
      x,
      y: round(y + style.size),
      'font-family': style.family ?? SANS,
      'font-size': style.size,
      'font-weight': style.weight === 700 ? 700 : undefined,
      fill: style.fill,
    },
    lines.map((line, i) => el('tspan', { x, dy: i === 0 ? 0 : style.lineHeight }, escapeXml(line))),
  );
  return { svg, height: round(style.size + (lines.length - 1) * style.lineHeight + style.lineHeight - style.size) };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export interface ViewBoxSize {
  width: number;
  height: number;
}

/** The proportions a rendered graphic declares in its root viewBox. */
export function svgViewBox(svg: string): ViewBoxSize {
  const root = /^\s*<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const [, , width, height] = (/\bviewBox="([^"]+)"/.exec(root)?.[1] ?? '').split(/[\s,]+/).map(Number);
  if (!width || !height) throw new Error('graphic SVG has no usable viewBox');
  return { width, height };
}

/**
 * Places a rendered graphic (a complete <svg>) inside a card, at `x`,`y`,
 * `width` wide, keeping its proportions (or fitted into `maxHeight`). The
 * graphic keeps its own class, font size and embedded stylesheet; its
 * accessible name is the card's.
 */
export function nestGraphic(svg: string, x: number, y: number, width: number, maxHeight = Infinity): TextBlock & { width: number } {
  const match = /^\s*<svg\b([^>]*)>/.exec(svg);
  if (!match) throw new Error('not an SVG');
  const box = svgViewBox(svg);
  let w = width;
  let h = (width * box.height) / box.width;
  if (h > maxHeight) {
    h = maxHeight;
    w = (maxHeight * box.width) / box.height;
  }
  const kept = match[1]!
    .replace(/\s(?:xmlns|width|height|x|y|role|aria-labelledby|preserveAspectRatio)="[^"]*"/g, '')
    .trim();
  const open = `<svg x="${round(x + (width - w) / 2)}" y="${round(y)}" width="${round(w)}" height="${round(h)}" preserveAspectRatio="xMidYMid meet" ${kept}>`;
  const inner = svg.slice(match[0].length).replace(/<title\b[^>]*>[\s\S]*?<\/title>/, '');
  return { svg: open + inner, height: round(h), width: round(w) };
}

export interface CardWords {
  title: string;
  subtitle: string;
  notes: readonly string[];
  /** "Sources: RFI, 15 Sep 2025; …" */
  sources: string;
  /** Where the graphic lives: the story step's address. */
  url: string;
  /** "Lifelines: Mali’s roads, fuel and power" */
  credit: string;
  licence: string;
  /** "Facts as of 8 Feb 2026": how current the site's facts were when the file was made. */
  asOf: string;
}

const CARD_WIDTH = 680;
const PAD = 20;

/** The card's title and subtitle from the top; returns them and the y just below the subtitle. */
function cardHeading(words: CardWords, inner: number): { parts: string[]; bottom: number } {
  const title = paragraph(words.title, PAD, PAD, inner, { size: 24, lineHeight: 30, weight: 700, fill: CARD_COLOURS.fg, family: SERIF, maxLines: 3 });
  const subtitleTop = PAD + title.height + 4;
  const subtitle = paragraph(words.subtitle, PAD, subtitleTop, inner, { size: 15, lineHeight: 20, fill: CARD_COLOURS.muted, maxLines: 4 });
  return { parts: [title.svg, subtitle.svg], bottom: subtitleTop + subtitle.height };
}

/** Header, graphic and footer, one under the other: the SVG and PNG downloads. */
export function graphicCard(graphicSvg: string, words: CardWords): string {
  const inner = CARD_WIDTH - 2 * PAD;
  const heading = cardHeading(words, inner);
  const parts = heading.parts;
  let y = heading.bottom + 12;
  const graphic = nestGraphic(graphicSvg, PAD, y, inner);
  parts.push(graphic.svg);
  y += graphic.height + 12;
  return closeCard(parts, y, inner, words);
}

function cardSvg(width: number, height: number, title: string, parts: string[]): string {
  return el(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title },
    [
      el('title', {}, escapeXml(title)),
      el('rect', { width, height, fill: CARD_COLOURS.bg }),
      el('rect', { width, height: 5, fill: CARD_COLOURS.accent }),
      ...parts,
    ],
  );
}

export interface SocialWords {
  kicker: string;
  title: string;
  summary: string;
  credit: string;
}

export const SOCIAL_SIZE = { width: 1200, height: 630 } as const;

/** A 1200×630 link preview: words on the left, the graphic on the right. */
export function socialCard(graphicSvg: string, words: SocialWords): string {
  const { width, height } = SOCIAL_SIZE;
  const textWidth = 500;
  const parts: string[] = [];
  let y = 64;
  const kicker = paragraph(words.kicker.toUpperCase(), 56, y, textWidth, { size: 22, lineHeight: 28, weight: 700, fill: CARD_COLOURS.accent, maxLines: 1 });
  parts.push(kicker.svg);
  y += kicker.height + 18;
  const title = paragraph(words.title, 56, y, textWidth, { size: 50, lineHeight: 58, weight: 700, fill: CARD_COLOURS.fg, family: SERIF, maxLines: 4 });
  parts.push(title.svg);
  y += title.height + 20;
  const summary = paragraph(words.summary, 56, y, textWidth, { size: 24, lineHeight: 32, fill: CARD_COLOURS.muted, maxLines: Math.max(1, Math.floor((height - 130 - y) / 32)) });
  parts.push(summary.svg);
  parts.push(paragraph(words.credit, 56, height - 100, textWidth, { size: 20, lineHeight: 26, weight: 700, fill: CARD_COLOURS.fg, maxLines: 2 }).svg);
  const panelX = 600;
  parts.push(el('rect', { x: panelX, y: 0, width: width - panelX, height, fill: CARD_COLOURS.panel }));
  const graphic = nestGraphic(graphicSvg, panelX + 20, 0, width - panelX - 40, height);
  // Centre the graphic vertically in the panel.
  parts.push(graphic.svg.replace(/^<svg x="([^"]+)" y="[^"]+"/, (_m, x: string) => `<svg x="${x}" y="${round((height - graphic.height) / 2)}"`));
  return cardSvg(width, height, words.title, parts);
}

export interface ScenarioCell {
  numeral: string;
  title: string;
  sketchSvg: string;
  status: string;
  summary: string;
}

/** The four scenarios as a 2 × 2 grid: numeral and title, corridor sketch, what it means for the roads, summary. */
export function scenariosCard(cells: readonly ScenarioCell[], words: CardWords): string {
  const inner = CARD_WIDTH - 2 * PAD;
  const gap = 20;
  const column = (inner - gap) / 2;
  const heading = cardHeading(words, inner);
  const parts = heading.parts;
  let y = heading.bottom + 16;
  for (let row = 0; row < Math.ceil(cells.length / 2); row++) {
    let rowHeight = 0;
    for (let col = 0; col < 2; col++) {
      const cell = cells[row * 2 + col];
      if (!cell) continue;
      const x = PAD + col * (column + gap);
      let cy = y;
      const name = paragraph(`${cell.numeral}. ${cell.title}`, x, cy, column, { size: 15, lineHeight: 19, weight: 700, fill: CARD_COLOURS.fg, maxLines: 3 });
      parts.push(name.svg);
      cy += name.height + 6;
      const sketch = nestGraphic(cell.sketchSvg, x, cy, 120);
      parts.push(sketch.svg.replace(/^<svg x="[^"]+"/, `<svg x="${x}"`));
      const status = paragraph(cell.status, x + 130, cy + 8, column - 130, { size: 12, lineHeight: 16, weight: 700, fill: CARD_COLOURS.muted, maxLines: 4 });
      parts.push(status.svg);
      cy += sketch.height + 6;
      const summary = paragraph(cell.summary, x, cy, column, { size: 12, lineHeight: 16, fill: CARD_COLOURS.fg, maxLines: 9 });
      parts.push(summary.svg);
      cy += summary.height;
      rowHeight = Math.max(rowHeight, cy - y);
    }
    y += rowHeight + 18;
    parts.push(el('line', { x1: PAD, x2: CARD_WIDTH - PAD, y1: y - 9, y2: y - 9, stroke: CARD_COLOURS.rule, 'stroke-width': 1 }));
  }
  return closeCard(parts, y, inner, words);
}

/** Standalone colours for the scenario corridor sketches (src/styles/scenarios.css, light theme). */
export const SKETCH_CSS = [
  `.sketch-mali{fill:${CARD_COLOURS.bg};stroke:#2b2b2b;stroke-width:1.2}`,
  '.sketch-corridor{fill:none;stroke-width:5;stroke-linejoin:round;stroke-linecap:round}',
  '.sketch-corridor.is-escorted{stroke:#1f6f5c}',
  '.sketch-corridor.is-contested{stroke:#b42318;stroke-dasharray:10 6}',
  `.sketch-corridor.is-not-covered{stroke:${CARD_COLOURS.muted};stroke-dasharray:2 6}`,
  `.sketch-town{fill:${CARD_COLOURS.fg}}`,
  `.sketch-label{fill:${CARD_COLOURS.fg};font-family:${SANS}}`,
].join('');

/** Gives a corridor sketch its own stylesheet, so it is right outside the explorer page. */
export function standaloneSketch(svg: string): string {
  return svg.replace(/(<svg\b[^>]*>)/, `$1<style>${SKETCH_CSS}</style>`);
}

/** The foot every card shares: notes, sources, a rule, credit and licence, the link; then the card itself. */
function closeCard(parts: string[], top: number, inner: number, words: CardWords): string {
  let y = top;
  for (const note of words.notes) {
    const block = paragraph(note, PAD, y, inner, { size: 12, lineHeight: 16, fill: CARD_COLOURS.muted, maxLines: 4 });
    parts.push(block.svg);
    y += block.height + 2;
  }
  // Its own line, so a long source list, cut short with an ellipsis, never cuts the date off.
  const asOf = paragraph(`${words.asOf}.`, PAD, y + 4, inner, { size: 12, lineHeight: 16, weight: 700, fill: CARD_COLOURS.fg, maxLines: 1 });
  parts.push(asOf.svg);
  y += asOf.height + 4;
  const sources = paragraph(words.sources, PAD, y, inner, { size: 12, lineHeight: 16, fill: CARD_COLOURS.muted, maxLines: 5 });
  parts.push(sources.svg);
  y += sources.height + 10;
  parts.push(el('line', { x1: PAD, x2: CARD_WIDTH - PAD, y1: y, y2: y, stroke: CARD_COLOURS.rule, 'stroke-width': 1 }));
  y += 6;
  const credit = paragraph(`${words.credit} · ${words.licence}`, PAD, y, inner, { size: 12, lineHeight: 16, weight: 700, fill: CARD_COLOURS.fg, maxLines: 2 });
  parts.push(credit.svg);
  y += credit.height;
  const url = paragraph(words.url, PAD, y, inner, { size: 12, lineHeight: 16, fill: CARD_COLOURS.muted, maxLines: 2 });
  parts.push(url.svg);
  y += url.height + PAD;
  return cardSvg(CARD_WIDTH, Math.ceil(y), words.title, parts);
}
