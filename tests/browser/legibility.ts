/**
 * Measures how legible the graphics are, as a reader's screen draws them
 * (issue 11): how much of the screen the story's graphic takes, the size
 * every visible SVG <text> renders at, which text boxes overlap, and, on
 * maps, which names or notes sit on another place's dot or marker or on a road.
 * Shared by tests/browser/legibility.test.ts and the screenshot script
 * (which bundles this file with esbuild), so both measure the same way.
 * Depends on nothing at run time: measureInPage runs inside the page.
 */
import type { Page, Response } from 'playwright-core';

/** "Phone" is a viewport narrower than 52rem; the desktop layout starts there. */
export const PHONE_BELOW_PX = 832;
/** Smallest rendered text size, in CSS px: on phones, and on desktop. */
export const MIN_TEXT_PX = { phone: 12, desktop: 13 } as const;
/** On phones, the story's graphic fills at least this share of the viewport height. */
export const MIN_PHONE_GRAPHIC_SHARE = 0.55;
/** Boxes that overlap by no more than this (px), in either dimension, do not collide. */
export const OVERLAP_TOLERANCE_PX = 1;

export const isPhone = (width: number) => width < PHONE_BELOW_PX;
export const minTextPx = (width: number) => (isPhone(width) ? MIN_TEXT_PX.phone : MIN_TEXT_PX.desktop);

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface MeasuredText {
  /** The element's text, whitespace collapsed, cut at 60 characters. */
  text: string;
  /** Rendered size in CSS px: computed font-size × the screen scale of its user units; the smallest of its tspans. */
  px: number;
  box: Box;
}

export interface Overlap {
  a: MeasuredText;
  b: MeasuredText;
  /** How far the boxes overlap, horizontally and vertically (px). */
  x: number;
  y: number;
}

export interface Measurement {
  viewport: { width: number; height: number };
  /** Visible SVGs measured (for the story: should be 1, the graphic the reader sees). */
  svgs: number;
  /** Their classes, to tell which drawing was measured. */
  svgClasses: string[];
  /** Visible height of the graphic (union of the SVGs' boxes, clipped to the viewport and clipping ancestors) / viewport height. */
  graphicShare: number;
  texts: MeasuredText[];
  overlaps: Overlap[];
  /** On maps: a name or note drawn over another place's dot or marker, or over a road, as "text: what". */
  covers: string[];
}

export interface MeasureOptions {
  /** The SVGs to measure (top-level ones only; SVGs nested in SVGs are part of them). */
  selector: string;
  /** Only what intersects the viewport counts (the story panel); otherwise the whole page (embeds, scenarios). */
  viewportOnly: boolean;
  tolerance?: number;
}

/**
 * Runs in the page. Self-contained on purpose: Playwright serialises it.
 * A visible SVG passes element.checkVisibility({ opacityProperty, visibilityProperty })
 * (the map keeps one drawn copy per view, only the current one opaque; charts
 * keep layouts for other widths and states in display: none) and has a
 * non-empty box inside its clipping ancestors (and the viewport when asked).
 */
export function measureInPage(options: MeasureOptions): Measurement {
  const tolerance = options.tolerance ?? 1;
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const visible = (el: Element) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  const toBox = (r: DOMRect): Box => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  const intersect = (a: Box, b: Box): Box => ({
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  });
  const empty = (b: Box) => b.right - b.left <= 0 || b.bottom - b.top <= 0;
  const area = (b: Box) => Math.max(0, b.right - b.left) * Math.max(0, b.bottom - b.top);
  // What of an element can be seen: its box, cut by every ancestor that clips (overflow other than visible, paint containment).
  const clipBox = (el: Element) => {
    let box = toBox(el.getBoundingClientRect());
    for (let a = el.parentElement; a && a !== document.documentElement && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX !== 'visible' || s.overflowY !== 'visible' || /paint|strict|content/.test(s.contain)) box = intersect(box, toBox(a.getBoundingClientRect()));
    }
    if (options.viewportOnly) box = intersect(box, { left: 0, top: 0, right: vw, bottom: vh });
    return box;
  };

  const svgs = Array.from(document.querySelectorAll<SVGSVGElement>(options.selector)).filter((svg) => {
    if (svg.parentElement?.closest('svg')) return false;
    if (!visible(svg)) return false;
    return !empty(clipBox(svg));
  });

  // The graphic's visible height: the union of the SVGs' visible vertical extents.
  const spans = svgs.map((svg) => clipBox(svg)).map((b) => [b.top, b.bottom] as const).sort((p, q) => p[0] - q[0]);
  let covered = 0;
  let end = -Infinity;
  for (const [top, bottom] of spans) {
    const from = Math.max(top, end);
    if (bottom > from) covered += bottom - from;
    end = Math.max(end, bottom);
  }

  // A note's lines are tspans: join them with spaces, as they read.
  const label = (el: Element) => {
    const text = Array.from(el.childNodes, (n) => n.textContent ?? '').join(' ').replace(/\s+/g, ' ').trim();
    return text.length > 60 ? `${text.slice(0, 59)}…` : text;
  };
  const scaleOf = (el: SVGGraphicsElement) => {
    const m = el.getScreenCTM();
    return m ? Math.hypot(m.a, m.b) : 0;
  };
  const texts: MeasuredText[] = [];
  for (const svg of svgs) {
    const clip = clipBox(svg);
    for (const text of Array.from(svg.querySelectorAll<SVGTextElement>('text'))) {
      const words = label(text);
      if (!words || !visible(text)) continue;
      const rect = text.getBoundingClientRect();
      if (rect.width <= 0 || rect.height <= 0 || empty(intersect(toBox(rect), clip))) continue;
      const scale = scaleOf(text);
      // A tspan can set its own size; the text renders at the smallest of them.
      const parts = [text, ...Array.from(text.querySelectorAll('tspan')).filter((t) => (t.textContent ?? '').trim() !== '' && visible(t))];
      const px = Math.min(...parts.map((p) => parseFloat(getComputedStyle(p).fontSize) * scale));
      const box = toBox(rect);
      // The same words drawn twice in about the same place (a halo, or a copy in another colour over a
      // fill) read as one label: keep one, at the smaller size.
      const twin = texts.find((t) => t.text === words && area(intersect(t.box, box)) >= 0.8 * Math.min(area(t.box), area(box)));
      if (twin) {
        twin.px = Math.min(twin.px, Math.round(px * 100) / 100);
        continue;
      }
      texts.push({ text: words, px: Math.round(px * 100) / 100, box });
    }
  }

  const overlaps: Overlap[] = [];
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i]!;
      const b = texts[j]!;
      const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
      const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
      if (x > tolerance && y > tolerance) overlaps.push({ a, b, x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 });
    }
  }

  // Maps: no name or note sits on a dot or marker of another place, or on a road. Names, dots and markers are
  // drawn about their place inside a group moved there; a label and the dot or marker it names share that move.
  const covers: string[] = [];
  const inside = (x: number, y: number, b: Box) => x > b.left + tolerance && x < b.right - tolerance && y > b.top + tolerance && y < b.bottom - tolerance;
  const anchorOf = (el: Element) => el.closest('.map-px-box')?.parentElement?.getAttribute('transform') ?? '';
  for (const svg of svgs.filter((s) => s.classList.contains('graphic-map'))) {
    const labels = Array.from(svg.querySelectorAll<SVGTextElement>('text')).filter((t) => visible(t) && label(t));
    const marks = Array.from(svg.querySelectorAll<SVGGraphicsElement>('.map-town, .map-marker-attack, .map-marker-convoy')).filter(visible);
    const roads = Array.from(svg.querySelectorAll<SVGPathElement>('.map-corridor')).filter(visible);
    for (const text of labels) {
      const box = toBox(text.getBoundingClientRect());
      for (const mark of marks) {
        if (anchorOf(mark) === anchorOf(text)) continue;
        const m = toBox(mark.getBoundingClientRect());
        const x = Math.min(box.right, m.right) - Math.max(box.left, m.left);
        const y = Math.min(box.bottom, m.bottom) - Math.max(box.top, m.top);
        if (x > tolerance && y > tolerance) covers.push(`“${label(text)}” covers a ${mark.getAttribute('class')} of ${mark.getAttribute('data-place') ?? 'another place'}`);
      }
      for (const road of roads) {
        const ctm = road.getScreenCTM();
        if (!ctm) continue;
        const length = road.getTotalLength();
        // A point every 2 px on screen along the road.
        const step = 2 / Math.max(scaleOf(road), 1e-6);
        for (let at = 0; at <= length; at += step) {
          const p = road.getPointAtLength(at).matrixTransform(ctm);
          if (inside(p.x, p.y, box)) {
            covers.push(`“${label(text)}” sits on the road ${road.getAttribute('data-corridor')}`);
            break;
          }
        }
      }
    }
  }

  return {
    viewport: { width: vw, height: vh },
    svgs: svgs.length,
    svgClasses: svgs.map((svg) => svg.getAttribute('class') ?? ''),
    graphicShare: Math.round((covered / vh) * 1000) / 1000,
    texts,
    overlaps,
    covers,
  };
}

export const STORY_GRAPHICS = '[data-story-graphics] svg';

/** Measures the story panel's graphic as the reader sees it in the viewport. */
export function measureStory(page: Page): Promise<Measurement> {
  return page.evaluate(measureInPage, { selector: STORY_GRAPHICS, viewportOnly: true, tolerance: OVERLAP_TOLERANCE_PX });
}

/** Measures every visible SVG on the page, on screen or not (embeds, the scenarios page). */
export function measureWholePage(page: Page): Promise<Measurement> {
  return page.evaluate(measureInPage, { selector: 'svg', viewportOnly: false, tolerance: OVERLAP_TOLERANCE_PX });
}

/** A page that is not there fails at once, by its address, rather than by a timeout waiting for its graphic. */
function expectServed(response: Response | null, url: string): void {
  if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status() ?? 'nothing'}`);
}

/**
 * Opens a story step by its deep link, in a fresh document, and waits until
 * the panel shows it: the step is active, the map's zoom has ended, fonts are
 * loaded, and two frames have been drawn.
 */
export async function openStep(page: Page, siteUrl: string, id: string): Promise<void> {
  await page.goto('about:blank');
  expectServed(await page.goto(`${siteUrl}#${id}`, { waitUntil: 'load' }), `${siteUrl}#${id}`);
  await page.waitForFunction(
    (stepId) =>
      document.querySelector<HTMLElement>('[data-story-panel]')?.dataset.activeStep === stepId &&
      !document.querySelector('[data-story-graphics] .is-zooming') &&
      document.fonts.status === 'loaded',
    id,
    { timeout: 10_000 },
  );
  await settle(page);
}

/** Opens an embed page directly (no iframe) and waits until it is drawn. */
export async function openEmbed(page: Page, siteUrl: string, id: string): Promise<void> {
  expectServed(await page.goto(`${siteUrl}embed/${id}/`, { waitUntil: 'load' }), `${siteUrl}embed/${id}/`);
  await page.waitForFunction(() => document.documentElement.classList.contains('embed-ready') && document.fonts.status === 'loaded', null, { timeout: 10_000 });
  await settle(page);
}

/**
 * Waits for fonts, for the running transitions and animations (the fade
 * between graphics, the map's zoom) to end, and for two animation frames,
 * so layout and the page's own resizing have run.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
}

const quote = (t: MeasuredText) => `“${t.text}” ${t.px.toFixed(1)}px`;

/**
 * The text elements smaller than the width's minimum: one line per rendered
 * size, smallest first, naming the texts ("8.1px < 12px (3): “Bamako”, …").
 */
export function smallTexts(m: Measurement, width: number): string[] {
  const min = minTextPx(width);
  const bySize = new Map<string, string[]>();
  for (const t of [...m.texts].sort((a, b) => a.px - b.px)) {
    if (t.px >= min - 0.005) continue;
    const size = t.px.toFixed(1);
    bySize.set(size, [...(bySize.get(size) ?? []), t.text]);
  }
  return [...bySize].map(([size, words]) => {
    const unique = [...new Set(words)];
    const shown = unique.slice(0, 25).map((w) => `“${w}”`).join(', ');
    return `${size}px < ${min}px (${words.length}): ${shown}${unique.length > 25 ? `, and ${unique.length - 25} more` : ''}`;
  });
}

/** The overlapping pairs, as "a" on "b" (overlap). */
export function overlapTexts(m: Measurement): string[] {
  return m.overlaps.map((o) => `${quote(o.a)} overlaps ${quote(o.b)} by ${o.x}×${o.y}px`);
}

/** Everything the thresholds reject in one measurement; empty when it passes. */
export function legibilityProblems(m: Measurement, width: number, options: { graphicShare: boolean }): string[] {
  const problems: string[] = [];
  if (m.svgs === 0) problems.push('no visible graphic');
  if (options.graphicShare && isPhone(width) && m.graphicShare < MIN_PHONE_GRAPHIC_SHARE) {
    problems.push(`graphic is ${(m.graphicShare * 100).toFixed(0)}% of the viewport height, under ${Math.round(MIN_PHONE_GRAPHIC_SHARE * 100)}%`);
  }
  return [...problems, ...smallTexts(m, width), ...overlapTexts(m), ...m.covers];
}

/** One line of a summary table: share, text count, smallest text, small texts, overlaps. */
export function summaryRow(m: Measurement): { share: string; texts: number; smallest: string; overlaps: number } {
  const smallest = m.texts.length ? Math.min(...m.texts.map((t) => t.px)) : NaN;
  return {
    share: `${(m.graphicShare * 100).toFixed(0)}%`,
    texts: m.texts.length,
    smallest: Number.isNaN(smallest) ? '–' : `${smallest.toFixed(1)} px`,
    overlaps: m.overlaps.length,
  };
}

export interface ReportEntry {
  /** What was measured: "story #landlocked", "embed map-frame", "scenarios". */
  page: string;
  width: number;
  height: number;
  measurement: Measurement;
  /** Whether the phone share threshold applies (the story panel only). */
  graphicShare: boolean;
}

/** A markdown summary of measurements: one row per page and width, then the totals and the overlapping pairs. */
export function formatReport(entries: ReportEntry[], title = 'Legibility measurements'): string {
  const lines = [`# ${title}`, ''];
  lines.push(
    `Thresholds: phone (< ${PHONE_BELOW_PX} px) graphic ≥ ${Math.round(MIN_PHONE_GRAPHIC_SHARE * 100)}% of viewport height; text ≥ ${MIN_TEXT_PX.phone} px on phones, ≥ ${MIN_TEXT_PX.desktop} px on desktop; 0 overlapping text pairs (tolerance ${OVERLAP_TOLERANCE_PX} px).`,
    '',
  );
  // Totals per kind of page (the first word of its name: story, embed, scenarios) and width.
  const kindOf = (e: ReportEntry) => e.page.split(' ')[0] ?? e.page;
  const groups = [...new Set(entries.map((e) => `${kindOf(e)}|${e.width}`))];
  lines.push('## Totals', '', '| pages | width | measured | failing | graphic share (min–max) | texts | texts under min | smallest | overlap pairs |', '|---|---|---|---|---|---|---|---|---|');
  for (const key of groups) {
    const group = entries.filter((e) => `${kindOf(e)}|${e.width}` === key);
    const [kind, width] = [kindOf(group[0]!), group[0]!.width];
    const shares = group.filter((e) => e.graphicShare).map((e) => e.measurement.graphicShare);
    const texts = group.flatMap((e) => e.measurement.texts);
    const small = texts.filter((t) => t.px < minTextPx(width) - 0.005).length;
    const failing = group.filter((e) => legibilityProblems(e.measurement, width, { graphicShare: e.graphicShare }).length > 0).length;
    const smallest = texts.length ? `${Math.min(...texts.map((t) => t.px)).toFixed(1)} px` : '–';
    const share = shares.length ? `${(Math.min(...shares) * 100).toFixed(0)}–${(Math.max(...shares) * 100).toFixed(0)}%` : '–';
    const overlaps = group.reduce((n, e) => n + e.measurement.overlaps.length, 0);
    lines.push(`| ${kind} | ${width} | ${group.length} | ${failing} | ${share} | ${texts.length} | ${small} | ${smallest} | ${overlaps} |`);
  }
  lines.push('', '## Per page and width', '', '| page | viewport | graphic share | texts | under min | smallest | overlaps |', '|---|---|---|---|---|---|---|');
  for (const e of entries) {
    const row = summaryRow(e.measurement);
    const small = e.measurement.texts.filter((t) => t.px < minTextPx(e.width) - 0.005).length;
    lines.push(`| ${e.page} | ${e.width}×${e.height} | ${e.graphicShare ? row.share : '–'} | ${row.texts} | ${small} | ${row.smallest} | ${row.overlaps} |`);
  }
  const withOverlaps = entries.filter((e) => e.measurement.overlaps.length > 0);
  if (withOverlaps.length) {
    lines.push('', '## Overlapping text pairs', '');
    for (const e of withOverlaps) lines.push(`- ${e.page} at ${e.width}px: ${overlapTexts(e.measurement).join('; ')}`);
  }
  lines.push('');
  return lines.join('\n');
}
