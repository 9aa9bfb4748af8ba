/** Regression trees to and from their JSON (parallel node arrays), checking the JSON's structure. */
import * as z from "zod";
import type { TreeJson } from "./model-json";
import { finiteNumber, parseJson } from "./model-json-parsing";
import { ModelError } from "./params";
import type { RegressionTree } from "./tree";

const treeJsonSchema = z.object({
  feature: z.array(z.number().int()),
  threshold: z.array(finiteNumber),
  left: z.array(z.number().int()),
  right: z.array(z.number().int()),
  value: z.array(finiteNumber),
});

/** A tree as plain JSON arrays. */
export function treeToJson(tree: RegressionTree): TreeJson {
  return {
    feature: Array.from(tree.feature),
    threshold: Array.from(tree.threshold),
    left: Array.from(tree.left),
    right: Array.from(tree.right),
    value: Array.from(tree.value),
  };
}

/** Checks each tree's JSON (see treeFromJson) and rebuilds the trees. */
export function treesFromJson(
  context: string,
  trees: readonly unknown[],
  numFeatures: number,
): RegressionTree[] {
  return trees.map((tree, index) => treeFromJson(context, tree, numFeatures, index));
}

/** Checks a tree's JSON (consistent lengths, children after parents, features in range) and rebuilds it. */
function treeFromJson(context: string, json: unknown, numFeatures: number, index: number): RegressionTree {
  const t = parseJson(`${context} tree ${index}`, treeJsonSchema, json);
  const n = t.feature.length;
  if (
    n === 0 ||
    t.threshold.length !== n ||
    t.left.length !== n ||
    t.right.length !== n ||
    t.value.length !== n
  ) {
    throw new ModelError(`${context}: tree ${index} must have equally long, non-empty node arrays`);
  }
  for (let node = 0; node < n; node++) {
    const f = t.feature[node] as number;
    const l = t.left[node] as number;
    const r = t.right[node] as number;
    const ok =
      f === -1 ? l === -1 && r === -1 : f >= 0 && f < numFeatures && l > node && r > node && l < n && r < n;
    if (!ok) throw new ModelError(`${context}: tree ${index} node ${node} is malformed`);
  }
  return {
    feature: Int32Array.from(t.feature),
    threshold: Float64Array.from(t.threshold),
    left: Int32Array.from(t.left),
    right: Int32Array.from(t.right),
    value: Float64Array.from(t.value),
  };
}
