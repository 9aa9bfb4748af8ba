import * as z from "zod";
import { withArticle } from "../display/with-article";
import { describeValue } from "../values/describe-value";
import type { ColumnParams } from "./column-params";
import { TransformParamError } from "./errors";
import type { ParamsSchema } from "./types";
import { unionIssueDetail } from "./union-issue";
import { valueAt } from "./value-at";

export { describeValue };

function columnParamsShape(columns: ColumnParams): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, column] of Object.entries(columns)) {
    const name = z.string({ error: "expected a column name" }).min(1, "expected a non-empty column name");
    const names = z.array(name, { error: "expected a list of column names" });
    const { defaultValue } = column;
    if (column.list) shape[key] = defaultValue === undefined ? names : names.default([...defaultValue]);
    else shape[key] = defaultValue === undefined ? name : name.default(defaultValue as string);
  }
  return shape;
}

/** How a transform's params are validated: column params and the transform's own params schema. */
export interface ParamsValidator {
  /** Column params and own params in one strict object (for docs and introspection; refinements not included). */
  readonly schema: z.ZodObject;
  /** Column params only. */
  readonly columns: z.ZodObject;
  /** The transform's own params schema, refinements included. */
  readonly own: ParamsSchema | undefined;
}

/** The validator of a transform's params: its column params (names with defaults) and its own params. */
export function paramsValidator(columns: ColumnParams, params: ParamsSchema | undefined): ParamsValidator {
  const columnShape = columnParamsShape(columns);
  return {
    schema: z.strictObject({ ...columnShape, ...(params?.shape ?? {}) }),
    columns: z.strictObject(columnShape),
    own: params,
  };
}

function pick(source: Record<string, unknown>, keys: ReadonlySet<string>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) if (keys.has(key)) picked[key] = value;
  return picked;
}

function parseOrThrow(
  transform: string,
  schema: z.ZodType,
  input: Record<string, unknown>,
): Record<string, unknown> {
  const result = schema.safeParse(input);
  if (result.success) return result.data as Record<string, unknown>;
  const issue = result.error.issues[0];
  if (issue === undefined) throw new TransformParamError(transform, "", "invalid params");
  const param = issue.path.map(String).join(".");
  if (param === "") throw new TransformParamError(transform, "", issue.message);
  const value = valueAt(input, issue.path);
  if (value === undefined && issue.path.length === 1) {
    // A param with no default, left out: say so, and what it takes.
    const expected =
      issue.code === "invalid_type" && issue.message.startsWith("Invalid input")
        ? withArticle(String(issue.expected))
        : issue.message.replace(/^expected /, "");
    throw new TransformParamError(
      transform,
      param,
      `required (it has no default), but not given; expected ${expected}`,
    );
  }
  const detail = unionIssueDetail(issue, value) ?? issue.message;
  throw new TransformParamError(transform, param, `${detail}; got ${describeValue(value)}`);
}

/**
 * Validate `params`, applying defaults; throws a {@link TransformParamError} naming the transform, the param,
 * what was expected and what was given. Refinements of the transform's own params schema apply too.
 */
export function resolveParams(
  transform: string,
  validator: ParamsValidator,
  params: unknown,
): Record<string, unknown> {
  if (params !== undefined && (typeof params !== "object" || params === null || Array.isArray(params))) {
    throw new TransformParamError(transform, "", `params must be an object, got ${describeValue(params)}`);
  }
  const input = (params ?? {}) as Record<string, unknown>;
  const columnKeys = new Set(Object.keys(validator.columns.shape));
  const ownKeys = new Set(Object.keys(validator.own?.shape ?? {}));
  const unknown = Object.keys(input).find((key) => !columnKeys.has(key) && !ownKeys.has(key));
  if (unknown !== undefined) {
    const known = [...columnKeys, ...ownKeys].join(", ") || "none";
    throw new TransformParamError(transform, unknown, `unknown param (known params: ${known})`);
  }
  const columns = parseOrThrow(transform, validator.columns, pick(input, columnKeys));
  const own = validator.own ? parseOrThrow(transform, validator.own, pick(input, ownKeys)) : {};
  return { ...columns, ...own };
}
