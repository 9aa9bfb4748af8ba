/** Checking model JSON: the fields every model has, the trees of an ensemble, and errors that name the path. */
import * as z from "zod";
import { MODEL_FORMAT, MODEL_FORMAT_VERSION } from "./model-json";
import { ModelError } from "./params";

/** A finite number (JSON has no NaN or ±Infinity). */
export const finiteNumber = z.number().refine(Number.isFinite);

/** The envelope shared by all models (params and model-specific fields are checked by each model). */
export const modelJsonBaseSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  version: z.literal(MODEL_FORMAT_VERSION),
  model: z.enum(["randomForest", "gradientBoostedTrees", "linearRegression"]),
  features: z.array(z.string()).min(1),
  label: z.string(),
  trainingRows: z.number().int().min(1),
  importances: z.array(finiteNumber),
  params: z.record(z.string(), z.unknown()),
});

/** The envelope plus the `trees` of a tree ensemble (each tree is checked by `treesFromJson`). */
export const treeEnsembleJsonSchema = modelJsonBaseSchema.extend({
  trees: z.array(z.unknown()).min(1),
});

/** Parses `json` with `schema`, throwing a ModelError that names the offending path. */
export function parseJson<S extends z.ZodType>(context: string, schema: S, json: unknown): z.output<S> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.join(".") : "(root)";
  throw new ModelError(`${context}: invalid model JSON at ${path}: ${issue?.message ?? "invalid"}`);
}
