import type { DuckDb } from "./duckdb-database";
import { readQuery } from "./read-result";
import { sqlString } from "./sql-text";

/**
 * DuckDB's optimizer that picks a join's build side by the estimated rows of each side: off, the side the
 * compiled query joins in (a lookup table, a partition's bounds) is built, as written. For a query over files
 * DuckDB cannot estimate (`DuckDbFilesSource.keepJoinSides`).
 */
export const KEEP_JOIN_SIDES: readonly string[] = ["build_side_probe_side"];

/** DuckDB's `disabled_optimizers` with the optimizers `off` added (`current`: the setting as it is). */
export function withDisabled(current: string, off: readonly string[]): string {
  const names = [...current.split(","), ...off].map((name) => name.trim()).filter((name) => name !== "");
  return [...new Set(names)].join(",");
}

/**
 * Run `run` with DuckDB's optimizers `off` turned off too on the database's connection, then set
 * `disabled_optimizers` back as it was.
 * @example await withOptimizersOff(db, KEEP_JOIN_SIDES, () => locateFailure(db, compiled, error))
 */
export async function withOptimizersOff<T>(
  db: DuckDb,
  off: readonly string[],
  run: () => Promise<T>,
): Promise<T> {
  if (off.length === 0) return await run();
  const setting = await readQuery(db.connection, "SELECT current_setting('disabled_optimizers') AS d");
  const current = String(setting.get("d", 0) ?? "");
  await db.connection.run(`SET disabled_optimizers = ${sqlString(withDisabled(current, off))}`);
  try {
    return await run();
  } finally {
    await db.connection.run(`SET disabled_optimizers = ${sqlString(current)}`);
  }
}
