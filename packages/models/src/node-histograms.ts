/**
 * The histogram of each node of a growing tree, built from its rows or, when its parent's histogram was
 * kept, by sibling subtraction: only the smaller child is built and the larger one is the parent's minus it.
 */
import type { GrowingTree } from "./growing-tree";
import type { HistogramSource } from "./histogram";
import { buildHistogram, subtractHistogram } from "./histogram";

/** Histogram buffers of one tree: a pool of free ones and those kept for later nodes. */
export class NodeHistograms {
  /** Histograms kept for later nodes: a split parent's (until a child is processed) or a child's own. */
  private readonly kept = new Map<number, Float64Array>();

  /**
   * `pool`: free buffers of `histogramSize` doubles, shared by the trees of a fit; at most
   * `maxKept` histograms are kept at once.
   */
  constructor(
    private readonly source: HistogramSource,
    private readonly pool: Float64Array[],
    private readonly histogramSize: number,
    private readonly maxKept: number,
  ) {}

  /**
   * The histogram of `node`, which the caller owns until it passes it to keepForChildren or release.
   * `splittable(node)` tells whether a node will look for a split (then a sibling's histogram is kept for it).
   */
  histogramOf(tree: GrowingTree, node: number, splittable: (node: number) => boolean): Float64Array {
    const own = this.kept.get(node);
    if (own !== undefined) {
      this.kept.delete(node);
      return own;
    }
    const parent = tree.parent[node] as number;
    const parentHist = parent >= 0 ? this.kept.get(parent) : undefined;
    if (parentHist === undefined) return this.build(tree, node);
    // Histogram the smaller sibling; the larger one is the parent's minus it.
    this.kept.delete(parent);
    const sibling = tree.leftOf(parent) === node ? tree.rightOf(parent) : tree.leftOf(parent);
    const siblingPending = sibling > node && splittable(sibling);
    let hist: Float64Array;
    let siblingHist: Float64Array;
    if (tree.rowCount(node) <= tree.rowCount(sibling)) {
      hist = this.build(tree, node);
      subtractHistogram(parentHist, hist);
      siblingHist = parentHist;
    } else {
      siblingHist = this.build(tree, sibling);
      subtractHistogram(parentHist, siblingHist);
      hist = parentHist;
    }
    if (siblingPending) this.kept.set(sibling, siblingHist);
    else this.pool.push(siblingHist);
    return hist;
  }

  /** Keeps a split node's histogram for its children's sibling subtraction, if there is room; else frees it. */
  keepForChildren(node: number, hist: Float64Array): void {
    if (this.kept.size < this.maxKept) this.kept.set(node, hist);
    else this.pool.push(hist);
  }

  /** Returns a histogram to the pool. */
  release(hist: Float64Array): void {
    this.pool.push(hist);
  }

  /** Returns every kept histogram to the pool (when the tree is done). */
  releaseAll(): void {
    for (const hist of this.kept.values()) this.pool.push(hist);
    this.kept.clear();
  }

  /** A histogram of the rows of `node`, in a pooled buffer. */
  private build(tree: GrowingTree, node: number): Float64Array {
    const hist = this.pool.pop() ?? new Float64Array(this.histogramSize);
    buildHistogram(this.source, tree.start[node] as number, tree.end[node] as number, hist);
    return hist;
  }
}
