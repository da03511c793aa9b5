/**
 * Every internal link goes through here so the site works when deployed
 * under a sub-path (BASE_PATH). Astro's BASE_URL may or may not end in "/".
 */
import { localePath, type Locale } from '../i18n/locale';

/** A file of the site (a stylesheet, a download, a figure): the same address in every language. */
export function withBase(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}/${path.replace(/^\//, '')}`;
}

/** A page of the site in one language: pageHref('fr', 'scenarios/') is "/fr/scenarios/" (base included). */
export function pageHref(locale: Locale, path: string): string {
  return localePath(locale, path);
}

export function sourceAnchor(sourceId: string): string {
  return `src-${sourceId}`;
}

export function sourceHref(sourceId: string, locale: Locale = 'en'): string {
  return pageHref(locale, `sources/#${sourceAnchor(sourceId)}`);
}

export function termAnchor(termId: string): string {
  return `term-${termId}`;
}

export function termHref(termId: string, locale: Locale = 'en'): string {
  return pageHref(locale, `glossary/#${termAnchor(termId)}`);
}
