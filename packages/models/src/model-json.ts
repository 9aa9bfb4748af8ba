import { z } from "zod";
import type { GradientBoostedTreesParams } from "./gbt";
import type { LinearRegressionParams } from "./linear";
import { ModelError } from "./params";
import type { RandomForestParams } from "./random-forest";
import type { RegressionTree } from "./tree";

/** Identifies tablepipe model JSON. */
export const MODEL_FORMAT = "tablepipe.model";
/** The model JSON version this code writes and reads. */
export const MODEL_FORMAT_VERSION = 1;

/** A regression tree as plain JSON: parallel arrays indexed by node (root 0, children after parents). */
export interface TreeJson {
  /** Split feature index, -1 for a leaf. */
  feature: number[];
  /** value <= threshold goes left (0 for a leaf). */
  threshold: number[];
  left: number[];
  right: number[];
  /** Node prediction (used at leaves). */
  value: number[];
}

/** Fields every model JSON has. */
export interface ModelJsonBase {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_FORMAT_VERSION;
  features: string[];
  label: string;
  trainingRows: number;
  /** Importance per feature, in feature order. */
  importances: number[];
}

/** A random forest: prediction = mean of the trees. */
export interface RandomForestJson extends ModelJsonBase {
  model: "randomForest";
  params: RandomForestParams;
  trees: TreeJson[];
}

/** Gradient-boosted trees: prediction = Σ treeWeights[m] × trees[m]. */
export interface GradientBoostedTreesJson extends ModelJsonBase {
  model: "gradientBoostedTrees";
  params: GradientBoostedTreesParams;
  trees: TreeJson[];
  treeWeights: number[];
}

/** A linear model: prediction = intercept + Σ coefficients[f] × feature f. */
export interface LinearRegressionJson extends ModelJsonBase {
  model: "linearRegression";
  params: LinearRegressionParams;
  coefficients: number[];
  intercept: number;
}

/** Any model's JSON, discriminated by `model`. */
export type ModelJson = RandomForestJson | GradientBoostedTreesJson | LinearRegressionJson;

const finite = z.number().refine(Number.isFinite);

/** The envelope shared by all models (params and model-specific fields are checked by each model). */
export const modelJsonBaseSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  version: z.literal(MODEL_FORMAT_VERSION),
  model: z.enum(["randomForest", "gradientBoostedTrees", "linearRegression"]),
  features: z.array(z.string()).min(1),
  label: z.string(),
  trainingRows: z.number().int().min(1),
  importances: z.array(finite),
  params: z.record(z.string(), z.unknown()),
});

/** The envelope plus the `trees` of a tree ensemble (each tree is checked by `treesFromJson`). */
export const treeEnsembleJsonSchema = modelJsonBaseSchema.extend({
  trees: z.array(z.unknown()).min(1),
});

const treeJsonSchema = z.object({
  feature: z.array(z.number().int()),
  threshold: z.array(finite),
  left: z.array(z.number().int()),
  right: z.array(z.number().int()),
  value: z.array(finite),
});

/** Parses `json` with `schema`, throwing a ModelError that names the offending path. */
export function parseJson<S extends z.ZodType>(context: string, schema: S, json: unknown): z.output<S> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.join(".") : "(root)";
  throw new ModelError(`${context}: invalid model JSON at ${path}: ${issue?.message ?? "invalid"}`);
}

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
