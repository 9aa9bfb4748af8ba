import type { ColumnTable } from "arquero";
import { DuckDbLoadError, toQueryError } from "../errors";
import type { DuckDb } from "./duckdb-database";
import { readQuery } from "./read-result";

/**
 * The DuckDB settings that change what a compiled query computes, each with the values it must hold (a fresh
 * database's, and `TimeZone` as {@link DuckDb.open} pins it): a collation merges "a" and "A" in grouping, joins,
 * equality and sorts; a default order or null order changes which row an `ORDER BY` without a direction keeps;
 * integer division changes `/` of two ints; without insertion order, rows come back in any order; without IEEE
 * float operations a division by zero gives NULL; errors as JSON change the messages a failure is located by.
 * Values compare without regard to case (DuckDB keeps the case a `SET` gave).
 */
const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  default_collation: ["", "binary"],
  default_order: ["ASCENDING", "ASC"],
  default_null_order: ["NULLS_LAST"],
  integer_division: ["false"],
  preserve_insertion_order: ["true"],
  ieee_floating_point_ops: ["true"],
  errors_as_json: ["false"],
  TimeZone: ["UTC", "Etc/UTC"],
  Calendar: ["gregorian"],
};

/** `SET name = value` back to what tablepipe needs (the first value required). */
function resetStatement(name: string): string {
  return name === "TimeZone" ? "SET TimeZone = 'UTC'" : `RESET ${name}`;
}

/**
 * Refuse a database of the user's (`duckdb({ database })`) one of whose settings would change the results
 * (`SET default_collation = 'nocase'`, `SET default_order = 'desc'`, …), naming the setting, its value, what
 * tablepipe needs and how to set it back. One small query; a database a run opens itself is never checked.
 * @example await checkSessionSettings(db) // throws DuckDbLoadError: `default_collation` is 'nocase' …
 */
export async function checkSessionSettings(db: DuckDb): Promise<void> {
  const names = Object.keys(REQUIRED);
  const list = names.map((name) => `'${name}'`).join(", ");
  let settings: ColumnTable;
  try {
    settings = await readQuery(
      db.connection,
      `SELECT name, value FROM duckdb_settings() WHERE name IN (${list}) ORDER BY name`,
    );
  } catch (error) {
    throw toQueryError("checking the database's settings", error);
  }
  for (let i = 0; i < settings.numRows(); ++i) {
    const name = String(settings.get("name", i));
    const value = String(settings.get("value", i) ?? "");
    const allowed = REQUIRED[name];
    if (allowed === undefined || allowed.some((text) => text.toUpperCase() === value.toUpperCase())) continue;
    const needed = allowed.map((text) => `'${text}'`).join(" or ");
    throw new DuckDbLoadError(
      `the database's setting ${name} is '${value}', which would change the pipe's results (tablepipe needs ` +
        `${needed}): run ${resetStatement(name)} on it first, or run on a database of its own (duckdb() opens one)`,
    );
  }
}
