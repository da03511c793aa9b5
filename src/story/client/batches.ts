/**
 * Brings a drawn graphic into the page a batch of elements at a time.
 *
 * The panel prepares the graphics the reader has not reached yet while the
 * reader is idle. Putting a whole chart into the page at once means styling,
 * laying out and painting all of it in one frame: the wide timeline alone
 * took about 100 ms on a slow phone, long enough to stall a reader who
 * scrolls at that moment. In batches, no frame carries more than a slice.
 */

/** What the planner needs of a node; a DOM Element has it. */
export interface TreeNode<N> {
  readonly children: ArrayLike<N>;
}

/** Append `node` to `parent`. A shell is a group whose children come in later placements. */
export interface Placement<N> {
  parent: N;
  node: N;
  shell: boolean;
}

/**
 * Cuts root's content into batches of about `limit` elements each, in
 * document order, so that appending every placement in turn rebuilds the
 * same tree (SVG paints in document order, so order matters). A child bigger
 * than the limit is split: it is placed empty, as a shell, and its own
 * children follow. Pure: the tree is only read.
 */
export function planBatches<N extends TreeNode<N>>(
  root: N,
  limit: number,
  size: (node: N) => number,
  canSplit: (node: N) => boolean = () => true,
): Placement<N>[][] {
  const placements: { placement: Placement<N>; weight: number }[] = [];
  const visit = (parent: N) => {
    for (const node of Array.from(parent.children)) {
      const weight = size(node);
      if (weight > limit && node.children.length > 0 && canSplit(node)) {
        placements.push({ placement: { parent, node, shell: true }, weight: 1 });
        visit(node);
      } else {
        placements.push({ placement: { parent, node, shell: false }, weight });
      }
    }
  };
  visit(root);
  const batches: Placement<N>[][] = [];
  let batch: Placement<N>[] = [];
  let filled = 0;
  for (const { placement, weight } of placements) {
    if (batch.length > 0 && filled + weight > limit) {
      batches.push(batch);
      batch = [];
      filled = 0;
    }
    batch.push(placement);
    filled += weight;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** An element and everything in it. */
const elementCount = (el: Element) => el.getElementsByTagName('*').length + 1;

/**
 * Empties `root` (it keeps its attributes) and returns the steps that put
 * its content back, one batch per step. Until the last step has run the
 * drawing is incomplete, so a caller about to show it runs the rest at once.
 */
export function emptyIntoBatches(root: Element, limit: number): (() => void)[] {
  // Text between elements would be left behind, out of order, so only element-only parents are split.
  const onlyElements = (el: Element) => el.childNodes.length === el.children.length;
  if (!onlyElements(root)) return [];
  const batches = planBatches<Element>(root, limit, elementCount, onlyElements);
  // Detach first, children before their shells, so a shell is left empty until its children come back.
  for (let b = batches.length - 1; b >= 0; b--) {
    const batch = batches[b]!;
    for (let p = batch.length - 1; p >= 0; p--) batch[p]!.node.remove();
  }
  return batches.map((batch) => () => {
    for (const { parent, node } of batch) parent.append(node);
  });
}
