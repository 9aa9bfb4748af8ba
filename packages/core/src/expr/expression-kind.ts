import type { LogicalType, TableSchema } from "../schema/logical-types";
import { evaluateExpression } from "./evaluate";
import type { ExprNode } from "./nodes";
import type { ValueKind, Vector } from "./vector";

/**
 * The kind of a column's values for typing an expression: a {@link ValueKind}, `"number"` meaning numbers that
 * are not time stamps, or `"stamp"` for time stamps and dates (epoch milliseconds, their own kind).
 */
export type ColumnKind = ValueKind | "stamp";

const EMPTY: { readonly [K in ColumnKind]: () => Vector } = {
  number: () => ({ kind: "number", values: new Float64Array(0), stamps: false }),
  stamp: () => ({ kind: "number", values: new Float64Array(0), stamps: true }),
  boolean: () => ({ kind: "boolean", values: new Uint8Array(0) }),
  string: () => ({ kind: "string", values: [] }),
  null: () => ({ kind: "null" }),
};

/**
 * The kind of values an expression gives on columns of these kinds, with the very checks
 * `evaluateExpression` makes (it evaluates the expression on no rows): throws its `ExpressionError`, naming
 * `step`, where it would refuse columns of these kinds that hold values. A column not listed may hold
 * anything: it is never refused (as a column of nulls). Time stamps give `"number"`.
 * @example expressionKind(div(col("status"), 2), { status: "string" }, "derive") // throws: expected numbers
 */
export function expressionKind(
  node: ExprNode,
  kinds: Readonly<Record<string, ColumnKind>>,
  step: string,
): ValueKind {
  const input = {
    rowCount: 0,
    column: (): readonly unknown[] => [],
    vector: (name: string): Vector => (Object.hasOwn(kinds, name) ? EMPTY[kinds[name]!]() : EMPTY.null()),
  };
  return evaluateExpression(node, input, step).kind;
}

/** The kind of values a column of this type holds in process: time stamps and dates are numbers there. */
export function typeKind(type: LogicalType): Exclude<ValueKind, "null"> {
  switch (type) {
    case "string":
    case "boolean":
      return type;
    default:
      return "number";
  }
}

/** The kind an expression sees a column of this type as: time stamps and dates are `"stamp"`, not numbers. */
export function columnKind(type: LogicalType): Exclude<ColumnKind, "null"> {
  return type === "timestamp" || type === "date" ? "stamp" : typeKind(type);
}

/**
 * The kinds of the declared columns of `schema`, for {@link expressionKind} at plan time: a column typed from a
 * plain table's values (`fromValues`) or of unknown type is left out, so never refused before the run.
 * @example declaredKinds({ at: { type: "timestamp", nullable: false } }) // { at: "number" }
 */
export function declaredKinds(schema: TableSchema): Record<string, ValueKind> {
  const kinds: Record<string, ValueKind> = {};
  for (const [name, type] of Object.entries(schema)) {
    if (type.type !== "unknown" && type.fromValues !== true) kinds[name] = typeKind(type.type);
  }
  return kinds;
}

/**
 * The kinds an expression's pre-flight types the columns of `schema` as (see {@link columnKind}): every column
 * of a known type, one typed from a plain table's values too (its numbers are never time stamps; its Dates
 * are), so a date part of a plain table's number column is refused before any row is read.
 * @example expressionKinds({ at: { type: "timestamp", nullable: false } }) // { at: "stamp" }
 */
export function expressionKinds(schema: TableSchema): Record<string, ColumnKind> {
  const kinds: Record<string, ColumnKind> = {};
  for (const [name, type] of Object.entries(schema)) {
    if (type.type !== "unknown") kinds[name] = columnKind(type.type);
  }
  return kinds;
}
