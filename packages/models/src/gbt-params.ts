import * as z from "zod";
import type { FeatureSubset } from "./params";
import { paramFields, parseParams } from "./params";

/** The gradient-boosted trees' model name, in their JSON and their error messages. */
export const GRADIENT_BOOSTED_TREES = "gradientBoostedTrees";

/** Gradient-boosted trees params (squared error); defaults are Spark's GBTRegressor defaults, with seed 42. */
export interface GradientBoostedTreesParams {
  /** Number of trees (boosting iterations, default 20). */
  maxIter: number;
  /** Learning rate in (0, 1] applied to every tree after the first (default 0.1). */
  stepSize: number;
  /** Maximum tree depth, 1-30 (default 5). */
  maxDepth: number;
  /** Maximum bins per feature for split candidates, 2-256 (default 32). */
  maxBins: number;
  /** Minimum sample weight in each child of a split (default 1). */
  minInstancesPerNode: number;
  /** Fraction of rows drawn (without replacement) for each tree (default 1). */
  subsamplingRate: number;
  /** Features considered per node (default "all"; "auto" is "all" here, as in Spark). */
  featureSubset: FeatureSubset;
  /** Seed for binning, subsampling and feature draws (default 42). */
  seed: number;
}

const schema = z.strictObject({
  maxIter: z.number().int().min(1).default(20).describe("an integer >= 1"),
  stepSize: z.number().gt(0).lte(1).default(0.1).describe("a number in (0, 1]"),
  maxDepth: paramFields.maxDepth(5),
  maxBins: paramFields.maxBins(),
  minInstancesPerNode: paramFields.minInstancesPerNode(),
  subsamplingRate: paramFields.subsamplingRate(),
  featureSubset: paramFields.featureSubset("all"),
  seed: paramFields.seed(),
});

/** Validates gradient-boosted trees params and fills defaults; throws a ModelError naming a bad param. */
export function gradientBoostedTreesParams(
  params?: Partial<GradientBoostedTreesParams>,
): GradientBoostedTreesParams {
  return parseParams(GRADIENT_BOOSTED_TREES, schema, params);
}
