/**
 * Short, readable links to each chapter, for a board or a handout: /c/1/ to
 * /c/8/, numbered by the chapter's `order`. Each is a tiny page that sends
 * the reader on to the chapter (src/pages/c/[n].astro).
 */
export function shortLinkPath(order: number): string {
  return `c/${order}/`;
}
