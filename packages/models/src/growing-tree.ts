/**
 * The nodes of a tree while it grows, breadth-first: what each node will record (a leaf until it splits)
 * and what growing it needs (its rows, depth, parent and totals).
 */
import type { GrownTree } from "./tree";

/** A split chosen for a node, as the growing tree records it. */
export interface NodeSplit {
  readonly feature: number;
  /** Rows with a code <= bin go left. */
  readonly bin: number;
  /** Variance reduction times node weight. */
  readonly gain: number;
  readonly leftWeight: number;
  /** Weighted shifted target of the left child. */
  readonly leftSum: number;
  readonly rightWeight: number;
  readonly rightSum: number;
}

/** The node table of a tree being grown; node ids are breadth-first, children after their parent. */
export class GrowingTree {
  private readonly feature: number[] = [];
  private readonly threshold: number[] = [];
  private readonly left: number[] = [];
  private readonly right: number[] = [];
  private readonly value: number[] = [];
  private readonly splitBin: number[] = [];
  private readonly gain: number[] = [];
  private readonly weight: number[] = [];
  /** Per node: its rows are rows[start, end) of the tree's row list. */
  readonly start: number[] = [];
  readonly end: number[] = [];
  readonly depth: number[] = [];
  /** Per node: its parent, -1 for the root. */
  readonly parent: number[] = [];
  /** Per node: the weighted shifted target sum (its weight is `weightOf`). */
  readonly sum: number[] = [];
  /** Added back to the leaf values (the targets were shifted by it). */
  private readonly shift: number;

  /**
   * A tree of one leaf, the root, over rows[0, rows) with total `weight` and weighted shifted target `sum`.
   * `shift` is added back to the leaf values.
   */
  constructor(rows: number, weight: number, sum: number, shift: number) {
    this.shift = shift;
    this.addLeaf(0, rows, 0, -1, weight, sum);
  }

  /** Number of nodes so far. */
  get size(): number {
    return this.feature.length;
  }

  /** Total sample weight of a node. */
  weightOf(node: number): number {
    return this.weight[node] as number;
  }

  /** Left child of a node, -1 for a leaf. */
  leftOf(node: number): number {
    return this.left[node] as number;
  }

  /** Right child of a node, -1 for a leaf. */
  rightOf(node: number): number {
    return this.right[node] as number;
  }

  /** Number of rows a node holds. */
  rowCount(node: number): number {
    return (this.end[node] as number) - (this.start[node] as number);
  }

  /** Turns leaf `node` into a split with two new leaf children (their rows: [start, middle) and [middle, end)). */
  split(node: number, split: NodeSplit, threshold: number, middle: number): void {
    const leftId = this.size;
    const depth = (this.depth[node] as number) + 1;
    this.addLeaf(this.start[node] as number, middle, depth, node, split.leftWeight, split.leftSum);
    this.addLeaf(middle, this.end[node] as number, depth, node, split.rightWeight, split.rightSum);
    this.feature[node] = split.feature;
    this.threshold[node] = threshold;
    this.left[node] = leftId;
    this.right[node] = leftId + 1;
    this.splitBin[node] = split.bin;
    this.gain[node] = split.gain;
  }

  /** The finished tree in typed arrays. */
  toGrownTree(): GrownTree {
    return {
      tree: {
        feature: Int32Array.from(this.feature),
        // "+ 0" turns -0 into 0, which JSON cannot tell apart anyway.
        threshold: Float64Array.from(this.threshold, (t) => t + 0),
        left: Int32Array.from(this.left),
        right: Int32Array.from(this.right),
        value: Float64Array.from(this.value, (v) => v + 0),
      },
      splitBin: Int32Array.from(this.splitBin),
      gain: Float64Array.from(this.gain),
      weight: Float64Array.from(this.weight),
    };
  }

  /** A leaf: its value is the weighted mean target of its rows. */
  private addLeaf(
    start: number,
    end: number,
    depth: number,
    parent: number,
    weight: number,
    sum: number,
  ): void {
    this.feature.push(-1);
    this.threshold.push(0);
    this.left.push(-1);
    this.right.push(-1);
    this.value.push(weight > 0 ? sum / weight + this.shift : this.shift);
    this.splitBin.push(-1);
    this.gain.push(0);
    this.weight.push(weight);
    this.start.push(start);
    this.end.push(end);
    this.depth.push(depth);
    this.parent.push(parent);
    this.sum.push(sum);
  }
}
