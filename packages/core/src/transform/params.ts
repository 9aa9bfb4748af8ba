import { z } from "zod";
import type { ColumnParams } from "./column-params";
import { TransformParamError } from "./errors";
import { isTable } from "./table";
import type { ParamsSchema } from "./types";

/** A zod schema for a param that takes an arquero table (e.g. the zone table of `excludeAirports`). */
export function tableParam() {
  return z.custom<import("arquero").ColumnTable>((value) => isTable(value), {
    message: "expected an arquero table",
  });
}

/** The full params schema of a transform: its column params (names with defaults) and its own params. */
export function fullParamsSchema(columns: ColumnParams, params: ParamsSchema | undefined): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, column] of Object.entries(columns)) {
    const name = z.string().min(1, "expected a non-empty column name");
    shape[key] = Array.isArray(column.defaultValue)
      ? z.array(name).default([...column.defaultValue])
      : name.default(column.defaultValue as string);
  }
  return z.strictObject({ ...shape, ...(params?.shape ?? {}) });
}

/** A short, log-safe rendering of a param value for error messages. */
export function describeValue(value: unknown): string {
  if (isTable(value)) return `a table of ${value.numRows()} rows`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "an invalid Date" : value.toISOString();
  if (typeof value === "string")
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === undefined) return "nothing";
  if (typeof value === "function") return "a function";
  try {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return String(value);
  }
}

function valueAt(params: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = params;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Validate `params` against `schema`, applying defaults; throws a {@link TransformParamError} naming the
 * transform, the param, what was expected and what was given.
 */
export function resolveParams(
  transform: string,
  schema: z.ZodObject,
  params: unknown,
): Record<string, unknown> {
  if (params !== undefined && (typeof params !== "object" || params === null || Array.isArray(params))) {
    throw new TransformParamError(transform, "", `params must be an object, got ${describeValue(params)}`);
  }
  const result = schema.safeParse(params ?? {});
  if (result.success) return result.data as Record<string, unknown>;
  const issue = result.error.issues[0];
  if (issue === undefined) throw new TransformParamError(transform, "", "invalid params");
  if (issue.code === "unrecognized_keys") {
    const known = Object.keys(schema.shape).join(", ");
    throw new TransformParamError(transform, issue.keys[0] ?? "", `unknown param (known params: ${known})`);
  }
  const param = issue.path.map(String).join(".");
  const given = valueAt(params ?? {}, issue.path);
  throw new TransformParamError(transform, param, `${issue.message}; got ${describeValue(given)}`);
}
