import { describe, it, expect } from 'vitest';
import { planBatches } from '../../src/story/client/batches';

interface FakeNode {
  name: string;
  children: FakeNode[];
}

const node = (name: string, children: FakeNode[] = []): FakeNode => ({ name, children });
const size = (n: FakeNode): number => 1 + n.children.reduce((sum, c) => sum + size(c), 0);
const outline = (n: FakeNode): string => (n.children.length ? `${n.name}(${n.children.map(outline).join(',')})` : n.name);

/** Replays a plan into an empty copy of the root, the way the page appends it. */
function replay(root: FakeNode, batches: ReturnType<typeof planBatches<FakeNode>>): FakeNode {
  const copies = new Map<FakeNode, FakeNode>([[root, node(root.name)]]);
  for (const batch of batches) {
    for (const { parent, node: original, shell } of batch) {
      const copy = shell ? node(original.name) : structuredClone(original);
      copies.set(original, copy);
      const into = copies.get(parent);
      expect(into, `the parent of ${original.name} is placed before it`).toBeDefined();
      into!.children.push(copy);
    }
  }
  return copies.get(root)!;
}

/** A chart-like drawing: an axis, a group of many marks, a group of labels with tspans. */
function drawing(): FakeNode {
  const marks = node('marks', Array.from({ length: 120 }, (_, i) => node(`mark${i}`)));
  const labels = node(
    'labels',
    Array.from({ length: 60 }, (_, i) => node(`label${i}`, [node(`t${i}a`), node(`t${i}b`), node(`t${i}c`)])),
  );
  const axis = node('axis', Array.from({ length: 20 }, (_, i) => node(`tick${i}`)));
  return node('svg', [node('title'), axis, marks, labels]);
}

describe('a drawing brought into the page in batches', () => {
  it('is rebuilt exactly, in document order, once every batch is appended', () => {
    const root = drawing();
    for (const limit of [10, 50, 150, 1000]) {
      expect(outline(replay(root, planBatches(root, limit, size))), `limit ${limit}`).toBe(outline(root));
    }
  });

  it('never puts more than the limit into one batch, unless one element alone is bigger', () => {
    const root = drawing();
    const limit = 50;
    for (const batch of planBatches(root, limit, size)) {
      const weight = batch.reduce((sum, p) => sum + (p.shell ? 1 : size(p.node)), 0);
      expect(weight <= limit || batch.length === 1, `batch of ${weight}`).toBe(true);
    }
  });

  it('splits a group bigger than the limit into an empty shell followed by its children', () => {
    const root = drawing();
    const batches = planBatches(root, 150, size);
    const labels = batches.flat().find((p) => p.node.name === 'labels')!;
    expect(labels.shell).toBe(true);
    expect(batches.length).toBeGreaterThan(2);
  });

  it('keeps a small drawing in one batch, and leaves unsplittable groups whole', () => {
    const small = node('svg', [node('a'), node('b', [node('c')])]);
    expect(planBatches(small, 150, size)).toHaveLength(1);
    const root = drawing();
    const whole = planBatches(root, 50, size, (n) => n.name !== 'labels').flat().find((p) => p.node.name === 'labels')!;
    expect(whole.shell).toBe(false);
  });
});
