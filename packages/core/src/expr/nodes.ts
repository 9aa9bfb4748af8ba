/**
 * The expression tree: plain, serialisable objects (JSON in, JSON out), built by the helpers of `build.ts`,
 * compiled in process by `compile.ts` and rendered to SQL by `sql.ts`.
 */

/** A literal's value: `null`, a number, a string or a boolean (time stamps are numbers: epoch milliseconds). */
export type LiteralValue = number | string | boolean | null;

/**
 * The binary operators: arithmetic (`mod` the remainder; `pow` a power; `round` a number to the places its right
 * side, a whole number literal, says), comparison, boolean logic, string tests and string concatenation.
 */
export type BinaryOp =
  | "add"
  | "sub"
  | "mul"
  | "div"
  | "mod"
  | "pow"
  | "round"
  | "eq"
  | "ne"
  | "lt"
  | "le"
  | "gt"
  | "ge"
  | "and"
  | "or"
  | "contains"
  | "startsWith"
  | "endsWith"
  | "concat";

/** The arithmetic operators: `+`, `-`, `*`, `/` and the remainder. */
export type ArithmeticOp = "add" | "sub" | "mul" | "div" | "mod";

const ARITHMETIC_OPS: ReadonlySet<string> = new Set<ArithmeticOp>(["add", "sub", "mul", "div", "mod"]);

/**
 * Whether `op` is arithmetic (`add`, `sub`, `mul`, `div`, `mod`): an int of two ints (`div` a float) in process, on
 * DOUBLEs in SQL.
 * @example isArithmetic("mod") // true; isArithmetic("pow") // false
 */
export function isArithmetic(op: string): op is ArithmeticOp {
  return ARITHMETIC_OPS.has(op);
}

/**
 * The one-argument functions: boolean and null tests, number functions (`neg`, `abs`, `floor`, `ceil`, `sqrt`,
 * `ln`, `exp`), string
 * functions, date parts of a time stamp.
 */
export type UnaryOp =
  | "not"
  | "isNull"
  | "isNotNull"
  | "neg"
  | "abs"
  | "floor"
  | "ceil"
  | "sqrt"
  | "ln"
  | "exp"
  | "lower"
  | "upper"
  | "trim"
  | "length"
  | "year"
  | "month"
  | "day"
  | "dayOfWeek"
  | "hour"
  | "minute"
  | "second"
  | "quarter"
  | "dayOfYear";

/** The units a time stamp can be truncated to (a week starts on Monday). */
export type TruncUnit = "minute" | "hour" | "day" | "week" | "month" | "year";

/** The types a value can be cast to. */
export type CastType = "int" | "float" | "string" | "boolean" | "timestamp";

/** One node of an expression tree. */
export type ExprNode =
  | { readonly kind: "column"; readonly name: string }
  | { readonly kind: "literal"; readonly value: LiteralValue; readonly timestamp?: boolean }
  | { readonly kind: "binary"; readonly op: BinaryOp; readonly left: ExprNode; readonly right: ExprNode }
  | { readonly kind: "unary"; readonly op: UnaryOp; readonly arg: ExprNode }
  | { readonly kind: "trunc"; readonly unit: TruncUnit; readonly arg: ExprNode }
  | {
      readonly kind: "replace";
      readonly arg: ExprNode;
      readonly search: string;
      readonly replacement: string;
    }
  | { readonly kind: "substring"; readonly arg: ExprNode; readonly start: number; readonly length?: number }
  | { readonly kind: "in"; readonly arg: ExprNode; readonly values: readonly LiteralValue[] }
  | { readonly kind: "coalesce"; readonly args: readonly ExprNode[] }
  | { readonly kind: "greatest" | "least"; readonly args: readonly ExprNode[] }
  | {
      readonly kind: "case";
      readonly branches: readonly { readonly when: ExprNode; readonly result: ExprNode }[];
      readonly otherwise: ExprNode;
    }
  | { readonly kind: "cast"; readonly arg: ExprNode; readonly to: CastType };

declare const columnRefs: unique symbol;

/** The phantom that carries, in types only, the union `C` of the column names a value references. */
export interface References<C extends string> {
  readonly [columnRefs]?: { readonly columns: C };
}

/**
 * A typed expression: an {@link ExprNode} whose type also carries `C`, the union of the column names it
 * references (a phantom: it exists only in types). A transform taking an expression needs those columns,
 * so a misspelt column name is a compile error where the table's columns are known.
 */
export type Expr<C extends string = string> = ExprNode & References<C>;

/** What an expression helper accepts: an expression, or a literal (`10`, `"paid"`, `true`, `null`). */
export type ExprInput = Expr | LiteralValue;

/** The columns referenced by a value carrying {@link References} (`never` for a literal). */
export type RefsOf<I> = I extends { readonly [columnRefs]?: { readonly columns: infer C extends string } }
  ? C
  : never;

type RefsIn<V> = V extends readonly (infer E)[]
  ? RefsOf<E>
  : [RefsOf<V>] extends [never]
    ? V extends object
      ? { [J in keyof V]: RefsOf<V[J]> }[keyof V]
      : never
    : RefsOf<V>;

/**
 * The columns referenced by the expressions in a params object: an expression, or a record or list of
 * expressions (or measures), as the value of any param. Transforms taking expressions need these columns.
 */
export type ExprColumns<P> = P extends object ? { [K in keyof P]: RefsIn<P[K]> }[keyof P] : never;
