/** The logical column types of a tablepipe table. */
export const LOGICAL_TYPES = ["int", "float", "string", "boolean", "timestamp", "date"] as const;

/**
 * A column's logical type. Storage stays fast: `int` and `float` are numbers (often a `Float64Array` or an
 * `Int32Array`), `timestamp` is a zone-less wall-clock time as epoch milliseconds of its UTC fields, `date` is
 * the epoch milliseconds of its midnight (UTC fields), `string` and `boolean` are plain values.
 */
export type LogicalType = (typeof LOGICAL_TYPES)[number];

/**
 * One column's type at run time: its logical type (`"unknown"` when nothing says, e.g. a column of nulls only)
 * and whether it may hold missing values (null, undefined, NaN).
 */
export interface ColumnType {
  readonly type: LogicalType | "unknown";
  readonly nullable: boolean;
  /**
   * True when the type was read from the values of a plain arquero table rather than declared (by a read's
   * schema, `typedTable` or a step's contract). Epoch-millisecond time stamps are numbers, so a number column
   * typed this way is also accepted where a `timestamp` or `date` is needed.
   */
  readonly fromValues?: boolean;
}

/** A table's schema at run time: column name -> type (the table's own column order is the order). */
export type TableSchema = Readonly<Record<string, ColumnType>>;

/** The type(s) a step accepts for a column it needs: one logical type or a list (`["int", "float"]`). */
export type TypeRequirement = LogicalType | readonly LogicalType[];

/** The numeric types, for steps that compute on numbers: `needs({ type: NUMERIC })`. */
export const NUMERIC = ["int", "float"] as const satisfies readonly LogicalType[];

/** True when `value` is one of the {@link LOGICAL_TYPES}. */
export function isLogicalType(value: unknown): value is LogicalType {
  return typeof value === "string" && (LOGICAL_TYPES as readonly string[]).includes(value);
}

/** The accepted types of a requirement, as a list. */
export function requiredTypes(requirement: TypeRequirement): readonly LogicalType[] {
  return typeof requirement === "string" ? [requirement] : requirement;
}

/**
 * True when a column of type `found` meets `requirement`. An `int` meets `float`; an `unknown` type meets
 * anything (the check is left to the step); a number column typed from its values meets `timestamp` and
 * `date` (epoch milliseconds cannot be told from other numbers).
 */
export function meetsRequirement(found: ColumnType, requirement: TypeRequirement): boolean {
  if (found.type === "unknown") return true;
  const accepted = requiredTypes(requirement);
  if (accepted.includes(found.type)) return true;
  if (found.type === "int" && accepted.includes("float")) return true;
  const numeric = found.type === "int" || found.type === "float";
  return (
    numeric && found.fromValues === true && (accepted.includes("timestamp") || accepted.includes("date"))
  );
}

/** A requirement as text: `timestamp`, `int or float`. */
export function formatRequirement(requirement: TypeRequirement): string {
  const types = requiredTypes(requirement);
  return types.length <= 1 ? (types[0] ?? "any type") : `${types.slice(0, -1).join(", ")} or ${types.at(-1)}`;
}

/** A column type as text: `timestamp`, `string (nullable)`. */
export function formatColumnType(type: ColumnType): string {
  return type.nullable ? `${type.type} (nullable)` : type.type;
}

/** A column type, for a schema written by hand: `columnType("int")`, `columnType("string", true)`. */
export function columnType(type: LogicalType | "unknown", nullable = false): ColumnType {
  return { type, nullable };
}
