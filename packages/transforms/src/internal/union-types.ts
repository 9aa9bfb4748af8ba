import type { ColumnType } from "@tablepipe/core";

const STAMPS: ReadonlySet<string> = new Set(["timestamp", "date"]);
const NUMBERS: ReadonlySet<string> = new Set(["int", "float"]);

/**
 * The type of a column `union` gives from the input's type and the other table's: int and float make a float,
 * a date and a time stamp a time stamp (a date is its midnight), a column of unknown type takes the other's;
 * otherwise the input's. Nullable where either is (or the other table lacks it).
 */
export function unionType(ours: ColumnType, their: ColumnType | undefined): ColumnType {
  const types = new Set<string>([ours.type, their?.type ?? "unknown"]);
  const pair = (a: string, b: string) => types.size === 2 && types.has(a) && types.has(b);
  const type = pair("float", "int")
    ? "float"
    : pair("date", "timestamp")
      ? "timestamp"
      : ours.type === "unknown"
        ? (their?.type ?? "unknown")
        : ours.type;
  const fromValues = ours.fromValues === true || their?.fromValues === true;
  return {
    type,
    nullable: ours.nullable || their?.nullable !== false,
    ...(fromValues ? { fromValues } : {}),
  };
}

/** How a column type is named in `union`'s error: `time stamps (timestamp)`, `numbers (int, from the values)`. */
function described(type: ColumnType): string {
  const what = STAMPS.has(type.type) ? "time stamps" : "numbers";
  return `${what} (${type.type}${type.fromValues === true ? ", typed from a plain table's values" : ""})`;
}

/**
 * Throw, before any row is read, when a column holds time stamps (or dates) in one table and other numbers in
 * the other: SQL cannot union a TIMESTAMP with a number, and epoch milliseconds are not told from other numbers.
 * A plain table's numbers in the other table's time-stamp column are its epoch milliseconds, as before (the
 * other table is loaded with the input's types); in a date column they are refused (they need not be midnights).
 */
export function checkUnionStamps(
  input: Readonly<Record<string, ColumnType>>,
  other: Readonly<Record<string, ColumnType>>,
): void {
  for (const [name, ours] of Object.entries(input)) {
    const their = other[name];
    if (their === undefined) continue;
    const mixed =
      (STAMPS.has(ours.type) && NUMBERS.has(their.type)) ||
      (NUMBERS.has(ours.type) && STAMPS.has(their.type));
    // a plain table's numbers are taken as the input's time stamps (loaded so on every engine), not as dates
    const taken = ours.type === "timestamp" && their.fromValues === true;
    if (!mixed || taken || (ours.fromValues === true && their.fromValues === true)) continue;
    throw new TypeError(
      `union: column "${name}" holds ${described(ours)} in the input but ${described(their)} in the other ` +
        "table; expected one type: time stamps are unioned with time stamps or dates only (a date is its " +
        `midnight); if the numbers are epoch milliseconds, declare the column a timestamp with typedTable(table, { ${JSON.stringify(name)}: { type: "timestamp", nullable: false }, ... })`,
    );
  }
}
