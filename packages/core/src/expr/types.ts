import type { ColumnType, LogicalType, TableSchema } from "../schema/logical-types";
import { FLOAT_MEASURES, type MeasureNode } from "./measures";
import { type ExprNode, isArithmetic, type LiteralValue } from "./nodes";
import { exprColumns } from "./refs";

const UNKNOWN: ColumnType = { type: "unknown", nullable: true };

function literalType(value: LiteralValue, timestamp: boolean | undefined): ColumnType {
  if (value === null) return UNKNOWN;
  if (typeof value === "number") {
    if (timestamp === true) return { type: "timestamp", nullable: false };
    return { type: Number.isInteger(value) ? "int" : "float", nullable: false };
  }
  return { type: typeof value === "string" ? "string" : "boolean", nullable: false };
}

function of(type: LogicalType, nullable: boolean): ColumnType {
  return { type, nullable };
}

/**
 * The one type of several alternatives (coalesce, case): ints and floats make a float; dates and time stamps a
 * time stamp (a date is its midnight).
 */
function oneOf(types: readonly ColumnType[], nullable: boolean): ColumnType {
  const known = types.find((t) => t.type !== "unknown");
  if (known === undefined) return UNKNOWN;
  const all = (accepted: readonly string[]) => types.every((t) => accepted.includes(t.type));
  const some = (type: string) => types.some((t) => t.type === type);
  if (all(["int", "float", "unknown"]) && some("float")) return { type: "float", nullable };
  if (all(["date", "timestamp", "unknown"]) && some("timestamp")) return { type: "timestamp", nullable };
  return { type: known.type, nullable };
}

/**
 * Whether a number of this type may be an infinity: a float may (an int, a time stamp's epoch milliseconds may
 * not). Arithmetic on one may give NaN, a null (`Infinity - Infinity`, `Infinity * 0`).
 */
const mayBeInfinite = (type: ColumnType): boolean => type.type === "float";

function arithmetic(op: string, left: ColumnType, right: ColumnType): ColumnType {
  const byZero = op === "div" || op === "mod";
  const nullable = left.nullable || right.nullable || byZero || mayBeInfinite(left) || mayBeInfinite(right);
  if (left.type === "unknown" || right.type === "unknown") return UNKNOWN;
  if (op !== "div" && left.type === "int" && right.type === "int") return of("int", nullable);
  return of("float", nullable);
}

/**
 * The column type an expression computes on a table with `schema`: comparisons, boolean logic and null
 * tests are `boolean`, date parts `int`, `truncate` a `timestamp`, string functions and `concat` `string` (`length`
 * `int`), arithmetic `int` on two ints (`div` always `float`; `mod` nullable, null by zero), `neg`, `abs`, `floor`,
 * `ceil` and `round` `int` of an int (else `float`), `sqrt`, `ln`, `exp` and `pow` `float` (nullable but for `exp`
 * and `pow` of ints: null for a negative number, a negative base to a fraction), a cast its target; `unknown` where the
 * inputs' types are unknown. Nullable when an input may be null (and for a division, which is null by zero, and
 * arithmetic on a float, which may be an infinity: `Infinity - Infinity` is NaN, a null).
 * @example expressionType(gt(col("fare"), 10), { fare: { type: "float", nullable: false } }) // boolean, not nullable
 */
export function expressionType(node: ExprNode, schema: TableSchema): ColumnType {
  switch (node.kind) {
    case "column":
      return schema[node.name] ?? UNKNOWN;
    case "literal":
      return literalType(node.value, node.timestamp);
    case "binary": {
      const left = expressionType(node.left, schema);
      const right = expressionType(node.right, schema);
      if (isArithmetic(node.op)) return arithmetic(node.op, left, right);
      if (node.op === "round") return of(left.type === "int" ? "int" : "float", left.nullable);
      if (node.op === "pow") {
        // of ints never NaN (no fraction, no infinity); of floats NaN for a negative base to a fraction
        const ints = left.type === "int" && right.type === "int";
        return of("float", left.nullable || right.nullable || !ints);
      }
      if (node.op === "concat") return of("string", left.nullable || right.nullable);
      return of("boolean", left.nullable || right.nullable);
    }
    case "unary": {
      const arg = expressionType(node.arg, schema);
      switch (node.op) {
        case "isNull":
        case "isNotNull":
          return of("boolean", false);
        case "not":
          return of("boolean", arg.nullable);
        case "neg":
        case "abs":
        case "floor":
        case "ceil":
          return arg.type === "int" ? of("int", arg.nullable) : of("float", arg.nullable);
        case "sqrt":
        case "ln":
          // null for a negative number (and `ln` of 0)
          return of("float", true);
        case "exp":
          return of("float", arg.nullable);
        case "lower":
        case "upper":
        case "trim":
          return of("string", arg.nullable);
        default:
          return of("int", arg.nullable);
      }
    }
    case "trunc":
      return of("timestamp", expressionType(node.arg, schema).nullable);
    case "replace":
    case "substring":
      return of("string", expressionType(node.arg, schema).nullable);
    case "in":
      return of("boolean", expressionType(node.arg, schema).nullable);
    case "greatest":
    case "least":
    case "coalesce": {
      const types = node.args.map((arg) => expressionType(arg, schema));
      return oneOf(
        types,
        types.every((t) => t.nullable),
      );
    }
    case "case": {
      const results = [...node.branches.map((b) => b.result), node.otherwise].map((r) =>
        expressionType(r, schema),
      );
      return oneOf(
        results,
        results.some((t) => t.nullable),
      );
    }
    case "cast":
      return of(node.to, expressionType(node.arg, schema).nullable);
  }
}

/**
 * Whether an expression computes an `int` (see {@link expressionType}) on columns of the types `typeOf` gives
 * (`undefined`: unknown): such a result's zero is `0`, never `-0`, on every engine.
 */
export function givesInts(node: ExprNode, typeOf: (name: string) => LogicalType | undefined): boolean {
  const schema: TableSchema = Object.fromEntries(
    exprColumns(node).map((name) => [name, { type: typeOf(name) ?? "unknown", nullable: true }]),
  );
  return expressionType(node, schema).type === "int";
}

/**
 * The column type of a measure on groups of a table with `schema`: `count` and `countDistinct` are
 * non-null ints, `mean`, `stddev`, `median` and `quantile` nullable floats, `sum` the input's numeric type (nullable), `min`,
 * `max`, `first` and `last` the input's type (nullable).
 */
export function measureType(measure: MeasureNode, schema: TableSchema): ColumnType {
  if (measure.fn === "count" || measure.fn === "countDistinct") return of("int", false);
  if (FLOAT_MEASURES.has(measure.fn)) return of("float", true);
  const input = measure.of === undefined ? UNKNOWN : expressionType(measure.of, schema);
  if (input.type === "unknown") return UNKNOWN;
  if (measure.fn === "sum") return of(input.type === "int" ? "int" : "float", true);
  return { type: input.type, nullable: true };
}
