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
   * schema, `typedTable` or a step's contract). A number column typed this way is an int or a float, never a
   * time stamp: epoch milliseconds must be declared as such (see {@link meetsRequirement}).
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
 * anything (the check is left to the step). A number is not a time stamp, even one typed from the values of
 * a plain table: epoch milliseconds cannot be told from other numbers, so a time-stamp column is declared
 * (`typedTable(table, schema)`, a read's or a row factory's schema). See {@link requirementHint}.
 */
export function meetsRequirement(found: ColumnType, requirement: TypeRequirement): boolean {
  if (found.type === "unknown") return true;
  const accepted = requiredTypes(requirement);
  if (accepted.includes(found.type)) return true;
  return found.type === "int" && accepted.includes("float");
}

/**
 * How to fix a column that does not meet a requirement, when there is something to say: a number column of a
 * plain table where a time stamp or a date is needed holds epoch milliseconds that were never declared.
 * @example requirementHint("at", { type: "float", nullable: false, fromValues: true }, "timestamp")
 *   // 'a plain table\'s numbers are not time stamps: declare the column with typedTable(table, { at: ... }) ...'
 */
export function requirementHint(
  column: string,
  found: ColumnType,
  requirement: TypeRequirement,
): string | undefined {
  const accepted = requiredTypes(requirement);
  const wantsTime = accepted.includes("timestamp") || accepted.includes("date");
  const numeric = found.type === "int" || found.type === "float";
  if (!wantsTime || !numeric || found.fromValues !== true) return undefined;
  const type = accepted.includes("timestamp") ? "timestamp" : "date";
  return (
    `a plain table's numbers are not time stamps: if "${column}" holds epoch milliseconds, declare it with ` +
    `typedTable(table, { ${JSON.stringify(column)}: { type: "${type}", nullable: false }, ... }) ` +
    "or read the table with a row schema (z.date())"
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
