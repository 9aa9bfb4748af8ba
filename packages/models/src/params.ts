import * as z from "zod";

/** The error thrown for invalid model parameters, columns or model JSON; its message names the culprit. */
export class ModelError extends Error {
  override readonly name = "ModelError";
}

/** Spark's feature subset strategies for regression trees, or a fraction of the features in (0, 1]. */
export type FeatureSubset = "auto" | "all" | "sqrt" | "log2" | "onethird" | number;

/** Shared zod field schemas; each description completes the sentence "<param> must be ...". */
export const paramFields = {
  maxDepth: (fallback: number) =>
    z.number().int().min(1).max(30).default(fallback).describe("an integer >= 1 and <= 30"),
  maxBins: () => z.number().int().min(2).max(256).default(32).describe("an integer >= 2 and <= 256"),
  minInstancesPerNode: () => z.number().int().min(1).default(1).describe("an integer >= 1"),
  subsamplingRate: () => z.number().gt(0).lte(1).default(1).describe("a number in (0, 1]"),
  seed: () => z.number().int().default(42).describe("a safe integer"),
  featureSubset: (fallback: FeatureSubset) =>
    z
      .union([z.enum(["auto", "all", "sqrt", "log2", "onethird"]), z.number().gt(0).lte(1)])
      .default(fallback)
      .describe('"auto", "all", "sqrt", "log2", "onethird" or a fraction in (0, 1]'),
} as const;

function formatParamValue(value: unknown): string {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === undefined) return "undefined";
  if (typeof value === "bigint") return `${value}n`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Validates `input` against a strict zod object schema and fills defaults, returning the params frozen;
 * on failure throws a ModelError naming the param, e.g.
 * `randomForest: maxDepth must be an integer >= 1 and <= 30, got 0`.
 */
export function parseParams<S extends z.ZodObject>(
  model: string,
  schema: S,
  input: unknown,
): Readonly<z.output<S>> {
  if (input !== undefined && (typeof input !== "object" || input === null || Array.isArray(input))) {
    throw new ModelError(`${model}: params must be an object, got ${formatParamValue(input)}`);
  }
  const result = schema.safeParse(input ?? {});
  if (result.success) return Object.freeze(result.data);
  const issue = result.error.issues[0];
  const known = Object.keys(schema.shape);
  if (issue?.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    throw new ModelError(`${model}: unknown param "${key}"; known params: ${known.join(", ")}`);
  }
  const param = String(issue?.path[0] ?? "");
  const field = schema.shape[param] as z.ZodType | undefined;
  const rule = field?.description ?? issue?.message ?? "valid";
  const value = (input as Record<string, unknown> | undefined)?.[param];
  throw new ModelError(`${model}: ${param} must be ${rule}, got ${formatParamValue(value)}`);
}
