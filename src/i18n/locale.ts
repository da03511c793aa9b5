/**
 * The site's languages and how their addresses relate. English lives at the
 * root ("/scenarios/"), French under /fr/ ("/fr/scenarios/"), with the same
 * path after the prefix, so a page's twin in the other language is found by
 * adding or removing "/fr". This mirrors astro.config.mjs (i18n.locales,
 * defaultLocale 'en', routing.prefixDefaultLocale false); the functions here
 * are plain TypeScript so that unit tests, chart code and client scripts can
 * use them too, where the `astro:i18n` virtual module is not available.
 */

export type Locale = 'en' | 'fr';

export const LOCALES: readonly Locale[] = ['en', 'fr'];

export const DEFAULT_LOCALE: Locale = 'en';

/** Whether a string names one of the site's languages. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The other language: the target of the language switch. */
export function otherLocale(locale: Locale): Locale {
  return locale === 'en' ? 'fr' : 'en';
}

/** The `lang` attribute of a page in this language (and `hreflang` of a link to it). */
export function htmlLang(locale: Locale): string {
  return locale;
}

/** The Open Graph locale of a page in this language (og:locale). */
export function ogLocale(locale: Locale): string {
  return locale === 'fr' ? 'fr_FR' : 'en_GB';
}

/** The site's base path (BASE_PATH, Astro's BASE_URL) without its trailing slash: '' or '/lifelines'. */
function siteBase(): string {
  const base = (import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/';
  return normaliseBase(base);
}

function normaliseBase(base: string): string {
  const trimmed = base.replace(/\/+$/, '');
  return trimmed === '' ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** Addresses that are not paths of this site: "https://…", "mailto:…", "//host/…". Left alone. */
const NOT_A_SITE_PATH = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** Splits "/fr/scenarios/?s=1#x" into its path and what follows it (query and hash, kept as written). */
function splitSuffix(path: string): [string, string] {
  const cut = path.search(/[?#]/);
  return cut === -1 ? [path, ''] : [path.slice(0, cut), path.slice(cut)];
}

/** "/fr/scenarios/" -> ['fr', '/scenarios/']; "/scenarios/" -> ['en', '/scenarios/']. The path has no base. */
function splitLocale(path: string): [Locale, string] {
  const match = /^\/([a-z]{2})(?=\/|$)(.*)$/.exec(path);
  if (match && isLocale(match[1]) && match[1] !== DEFAULT_LOCALE) return [match[1], match[2] || '/'];
  return [DEFAULT_LOCALE, path];
}

/** Removes the base from the start of a path when it is there: "/lifelines/fr/" -> "/fr/". */
function stripBase(path: string, base: string): string {
  if (base && (path === base || path.startsWith(`${base}/`))) return path.slice(base.length) || '/';
  return path;
}

/**
 * A page of this site in one language, base included: localePath('fr', '/scenarios/') is
 * '/fr/scenarios/' (or '/lifelines/fr/scenarios/' under BASE_PATH=/lifelines/), and
 * localePath('en', '/scenarios/') is '/scenarios/'. The path is given without the base, with or
 * without its leading slash, and may already carry a language prefix (it is replaced). The query
 * and hash are kept, so a story step ('/#step-id') or a scenario's state ('?…') survives.
 * External addresses are returned unchanged. `base` defaults to the site's (import.meta.env.BASE_URL).
 */
export function localePath(locale: Locale, path: string, base: string = siteBase()): string {
  if (NOT_A_SITE_PATH.test(path)) return path;
  const root = normaliseBase(base);
  const [rawPath, suffix] = splitSuffix(path);
  const absolute = rawPath.startsWith('/') ? rawPath : `/${rawPath}`;
  const [, rest] = splitLocale(absolute);
  const prefix = locale === DEFAULT_LOCALE ? '' : `/${locale}`;
  const localised = rest === '/' ? `${prefix}/` : `${prefix}${rest}`;
  return `${root}${localised}${suffix}`;
}

/**
 * The language of a page from its address (Astro.url.pathname or location.pathname, base
 * included): '/fr/scenarios/' is French, '/scenarios/' and '/' English. Query and hash are ignored.
 */
export function localeFromPath(pathname: string, base: string = siteBase()): Locale {
  const [rawPath] = splitSuffix(pathname);
  const path = stripBase(rawPath.startsWith('/') ? rawPath : `/${rawPath}`, normaliseBase(base));
  return splitLocale(path)[0];
}

/**
 * The same page in another language (by default the other one), base, query and hash kept:
 * '/scenarios/?s=1#rules' <-> '/fr/scenarios/?s=1#rules', '/' <-> '/fr/'.
 * The target of the language switch and of `hreflang` alternates.
 */
export function alternatePath(pathname: string, to?: Locale, base: string = siteBase()): string {
  const root = normaliseBase(base);
  const [rawPath, suffix] = splitSuffix(pathname);
  const path = stripBase(rawPath.startsWith('/') ? rawPath : `/${rawPath}`, root);
  const [from, rest] = splitLocale(path);
  return localePath(to ?? otherLocale(from), `${rest}${suffix}`, root);
}
