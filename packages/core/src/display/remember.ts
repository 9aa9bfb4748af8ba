import { type DisplayableTable, type DisplaySchema, rememberDisplaySchema } from "./display-schema";
import { show } from "./show";

/** Rows `console.log(table)` and the REPL show of a table that remembers its display schema. */
const INSPECT_ROWS = 10;

/**
 * Remember the display schema of a table made from a row schema (readTable, row factories), so that `show`,
 * `describe`, `printSchema`, the test kit's diffs, the REPL and `console.log` show its time stamps readably.
 * Returns the table.
 * @example rememberTableSchema(table, { pickup_datetime: "timestamp", fare: "float" })
 */
export function rememberTableSchema<T extends DisplayableTable & object>(table: T, schema: DisplaySchema): T {
  return rememberDisplaySchema(table, schema, (t) => show(t, INSPECT_ROWS).text);
}
