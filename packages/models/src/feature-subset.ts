import type { FeatureSubset } from "./params";

/**
 * Features considered at each node, with Spark's meaning for regression: "auto" is "all" for a single
 * tree and "onethird" for a forest; "sqrt" = ceil(√n), "log2" = max(1, ceil(log2 n)),
 * "onethird" = ceil(n / 3), a fraction p = ceil(p × n). `featuresPerNode("auto", 11, 10)` is 4.
 */
export function featuresPerNode(strategy: FeatureSubset, numFeatures: number, numTrees: number): number {
  const resolved = strategy === "auto" ? (numTrees === 1 ? "all" : "onethird") : strategy;
  let count: number;
  switch (resolved) {
    case "all":
      count = numFeatures;
      break;
    case "sqrt":
      count = Math.ceil(Math.sqrt(numFeatures));
      break;
    case "log2":
      count = Math.max(1, Math.ceil(Math.log2(numFeatures)));
      break;
    case "onethird":
      count = Math.ceil(numFeatures / 3);
      break;
    default:
      count = Math.ceil(resolved * numFeatures);
  }
  return Math.min(numFeatures, Math.max(1, count));
}
