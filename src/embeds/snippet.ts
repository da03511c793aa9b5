/**
 * The HTML a journalist pastes into their article. Two forms:
 *  - the responsive embed: an iframe and the site's small loader script
 *    (/embed-loader.js), which resizes the iframe to its content using the
 *    pym.js/AMP height messages the embed page sends (@newswire/frames);
 *  - a fixed-height iframe, for a CMS that strips scripts.
 * No style attribute, so the snippet also works on pages with a strict CSP.
 */
import { escapeXml } from '../lib/svg';
import type { Embed } from './embeds';
import type { Locale } from '../i18n/locale';
import { say } from './words';

export interface SnippetParts {
  /** Absolute address of the embed page, with any options. */
  embedUrl: string;
  /** Absolute address of /embed-loader.js. */
  loaderUrl: string;
  /** The iframe's accessible name. */
  title: string;
  height: number;
}

/** Marks the iframes the loader sizes. */
export const EMBED_ATTRIBUTE = 'data-lifelines-embed';

export function responsiveSnippet(p: SnippetParts): string {
  return (
    `<iframe src="${escapeXml(p.embedUrl)}" title="${escapeXml(p.title)}" width="100%" height="${Math.round(p.height)}" ` +
    `scrolling="no" frameborder="0" loading="lazy" ${EMBED_ATTRIBUTE}></iframe>` +
    `<script src="${escapeXml(p.loaderUrl)}" async></script>`
  );
}

export function fixedSnippet(p: SnippetParts): string {
  return `<iframe src="${escapeXml(p.embedUrl)}" title="${escapeXml(p.title)}" width="100%" height="${Math.round(p.height)}" frameborder="0" loading="lazy"></iframe>`;
}

/** The iframe's accessible name on the host page, in the embed's language (give the embed in that language). */
export function iframeTitle(embed: Embed, locale: Locale = 'en'): string {
  return say(locale, 'embeds.iframeTitle', { title: embed.title });
}

/**
 * Heights for the iframe before it has measured itself (responsive form) and
 * for the fixed form: the embed page in a 600 px and a 1000 px column (the
 * graphic at its true proportions, up to its widest, then title, notes,
 * source line, credit and controls), with a margin. The fixed form must not
 * cut the footer at common widths; the browser tests check it against the
 * real page at 600 and 1000 px.
 */
export function embedHeights(embed: Embed, graphicAspect: number, sourceChars: number, locale: Locale = 'en'): { initial: number; fixed: number } {
  const round10 = (n: number) => Math.ceil(n / 10) * 10;
  if (embed.type === 'scenarios') return { initial: 1600, fixed: 2000 };
  // Content widths of a 600 and a 1000 px frame (see src/styles/embed.css); the map stops growing at 36rem.
  const widths = [576, embed.kind === 'map' ? 576 : 808];
  const estimate = (width: number) => {
    const graphic = width * graphicAspect;
    const sources = Math.ceil(sourceChars / (width / 7)) * 19;
    // French words run longer than English (title, subtitle, credit line, share control): a line more.
    return graphic + 100 + 40 * embed.notes.length + sources + 170 + (locale === 'fr' ? 20 : 0);
  };
  return { initial: round10(estimate(widths[0]!)), fixed: round10(Math.max(...widths.map(estimate)) * 1.06) };
}
