import type { DuckDBConnection } from "@duckdb/node-api";
import { toQueryError } from "../errors";
import { NEEDS_TEXT_PATH, ranCleanly } from "./fast-csv-read";
import { readQuery } from "./read-result";
import { quote } from "./sql-text";

/**
 * The fast read of files into the new temporary table `relation`: each file's query (`selectOf`: its columns,
 * then the flag {@link NEEDS_TEXT_PATH}) appended in file order, so rowid is file order. Returns the row count,
 * or undefined when a file has no fast query (`selectOf` gives undefined), a query fails, or a row is flagged
 * (`relation` is then dropped: the exact read reads the files again).
 */
export async function loadFlagged(
  connection: DuckDBConnection,
  files: readonly string[],
  relation: string,
  selectOf: (file: string) => Promise<string | undefined>,
): Promise<number | undefined> {
  for (const [i, file] of files.entries()) {
    const select = await selectOf(file);
    if (select === undefined) return await dropped(connection, relation);
    const sql =
      i === 0
        ? `CREATE TEMP TABLE ${quote(relation)} AS ${select}`
        : `INSERT INTO ${quote(relation)} ${select}`;
    if (!(await ranCleanly(connection, sql))) return await dropped(connection, relation);
  }
  const flag = quote(NEEDS_TEXT_PATH);
  const counts = (
    await readQuery(
      connection,
      `SELECT count(*) AS "rows", count_if(${flag}) AS "slow" FROM ${quote(relation)}`,
    )
  ).objects()[0] as { rows: number; slow: number };
  if (Number(counts.slow) > 0) return await dropped(connection, relation);
  try {
    await connection.run(`ALTER TABLE ${quote(relation)} DROP COLUMN ${flag}`);
  } catch (error) {
    throw toQueryError("reading the files", error);
  }
  return Number(counts.rows);
}

async function dropped(connection: DuckDBConnection, relation: string): Promise<undefined> {
  await connection.run(`DROP TABLE IF EXISTS ${quote(relation)}`);
  return undefined;
}
