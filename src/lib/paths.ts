/**
 * Every internal link goes through here so the site works when deployed
 * under a sub-path (BASE_PATH). Astro's BASE_URL may or may not end in "/".
 */
export function withBase(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}/${path.replace(/^\//, '')}`;
}

export function sourceAnchor(sourceId: string): string {
  return `src-${sourceId}`;
}

export function sourceHref(sourceId: string): string {
  return withBase(`sources/#${sourceAnchor(sourceId)}`);
}

export function termAnchor(termId: string): string {
  return `term-${termId}`;
}

export function termHref(termId: string): string {
  return withBase(`glossary/#${termAnchor(termId)}`);
}
