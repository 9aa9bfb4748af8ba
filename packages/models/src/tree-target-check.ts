/** Checking a tree's targets before it grows: its split scores square sums of them, which must fit in doubles. */
import { columnScaleError } from "./column-scale";

/** √(largest double / 4), rounded down, as the message shows it. */
const SQUARABLE = "6.7e+153";

/** What a tree is grown on, for the error: the label column and the values the tree fits. */
export interface TreeTarget {
  readonly context: string;
  /** The label column's name and values (in row order), which the error quotes. */
  readonly label: string;
  readonly labelValues: Float64Array;
  /** Which tree (0, 1, ...) and what its targets are, e.g. "labels" or "gradients 2 × (label − prediction)". */
  readonly tree: number;
  readonly what: string;
}

/**
 * Throws a ModelError naming the label column when A = Σ weight × |target − shift| over `rows` is too large to
 * square: a split score squares the weighted sum of a node's shifted targets (at most A) and adds two such
 * squares, so past √(largest double / 4) the scores overflow, and the tree would silently not split, or hold
 * ±Infinity.
 */
export function checkTreeTarget(
  about: TreeTarget,
  target: Float64Array,
  weights: Float64Array,
  rows: Uint32Array,
  shift: number,
): void {
  let sum = 0;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r] as number;
    sum += (weights[i] as number) * Math.abs((target[i] as number) - shift);
  }
  if (Number.isFinite(4 * sum * sum)) return;
  const problem =
    `has values too large to square in doubles: tree ${about.tree} scores its splits by squaring sums of its ` +
    `${about.what} minus the first one, and those reach ${sum.toPrecision(2)} (${SQUARABLE} at most)`;
  throw columnScaleError(about.context, "label", about.label, about.labelValues, problem, "divide");
}
