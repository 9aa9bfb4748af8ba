import type { FeatureSubset } from "./params";
import type { SeededRandom } from "./seeded-random";

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

/**
 * Draws `count` of the `numFeatures` features without replacement (partial Fisher–Yates in `permutation`)
 * and writes them ascending into subset[0, count), so that split ties resolve to the lowest feature.
 * Allocation-free: `permutation` and `subset` hold at least numFeatures entries.
 */
export function drawFeatureSubset(
  rng: SeededRandom,
  numFeatures: number,
  count: number,
  permutation: Int32Array,
  subset: Int32Array,
): void {
  for (let f = 0; f < numFeatures; f++) permutation[f] = f;
  for (let j = 0; j < count; j++) {
    const r = j + rng.nextInt(numFeatures - j);
    const chosen = permutation[r] as number;
    permutation[r] = permutation[j] as number;
    permutation[j] = chosen;
  }
  // Insertion sort of the drawn features into `subset` (count is small).
  for (let j = 0; j < count; j++) {
    const f = permutation[j] as number;
    let p = j - 1;
    while (p >= 0 && (subset[p] as number) > f) {
      subset[p + 1] = subset[p] as number;
      p -= 1;
    }
    subset[p + 1] = f;
  }
}
