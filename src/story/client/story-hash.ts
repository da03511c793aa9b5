/** A step id from the URL hash, only if it names a real step: anything else is ignored, never echoed. */
export function stepIndexFromHash(hash: string, stepIds: readonly string[]): number {
  let id: string;
  try {
    id = decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return -1;
  }
  return stepIds.indexOf(id);
}
