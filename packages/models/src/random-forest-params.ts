import * as z from "zod";
import type { FeatureSubset } from "./params";
import { paramFields, parseParams } from "./params";

/** The random forest's model name, in its JSON and its error messages. */
export const RANDOM_FOREST = "randomForest";

/** Random forest params; defaults are Spark's RandomForestRegressor defaults, with seed 42. */
export interface RandomForestParams {
  /** Number of trees (default 20). */
  numTrees: number;
  /** Maximum tree depth, 1-30 (default 5). */
  maxDepth: number;
  /** Maximum bins per feature for split candidates, 2-256 (default 32). */
  maxBins: number;
  /** Minimum sample weight in each child of a split (default 1). */
  minInstancesPerNode: number;
  /** Features considered per node (default "auto": "onethird" for a forest, "all" for one tree). */
  featureSubset: FeatureSubset;
  /** Bootstrap each tree: Poisson(subsamplingRate) weight per row, as Spark (default true; needs numTrees > 1). */
  bootstrap: boolean;
  /** Fraction of rows per tree (default 1). */
  subsamplingRate: number;
  /** Seed for binning, sampling and feature draws (default 42). */
  seed: number;
}

const schema = z.strictObject({
  numTrees: z.number().int().min(1).default(20).describe("an integer >= 1"),
  maxDepth: paramFields.maxDepth(5),
  maxBins: paramFields.maxBins(),
  minInstancesPerNode: paramFields.minInstancesPerNode(),
  featureSubset: paramFields.featureSubset("auto"),
  bootstrap: z.boolean().default(true).describe("a boolean"),
  subsamplingRate: paramFields.subsamplingRate(),
  seed: paramFields.seed(),
});

/** Validates random forest params and fills defaults; throws a ModelError naming a bad param. */
export function randomForestParams(params?: Partial<RandomForestParams>): RandomForestParams {
  return parseParams(RANDOM_FOREST, schema, params);
}
