import type { DuckDBConnection, DuckDBDataChunk, DuckDBType, DuckDBValue } from "@duckdb/node-api";
import { columnArray, isMissing, SQL_DIALECTS } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import { DuckDbLoadError, toQueryError } from "../errors";
import type { ColumnType } from "./column-types";
import { inferColumnType } from "./infer-column-type";
import { duckdbApi } from "./node-api";

const { BOOLEAN, DOUBLE, VARCHAR } = duckdbApi;

const quote = SQL_DIALECTS.duckdb.quoteIdentifier;

/** Rows per appended data chunk: DuckDB's vector size. */
const CHUNK_ROWS = 2048;

/** The type a column is appended as: numbers (ints and time stamps too) as DOUBLE, converted in SQL after. */
const STAGED: Readonly<Record<ColumnType, DuckDBType>> = {
  float: DOUBLE,
  int: DOUBLE,
  timestamp: DOUBLE,
  string: VARCHAR,
  boolean: BOOLEAN,
};

/**
 * The staged column as its final type: ints as BIGINT, epoch milliseconds as a zone-less TIMESTAMP to the
 * microsecond (a fraction of a millisecond kept, as in process; read back as the same fraction).
 */
function finalSql(name: string, type: ColumnType): string {
  const column = quote(name);
  if (type === "int") return `CAST(${column} AS BIGINT) AS ${column}`;
  if (type === "timestamp") return `make_timestamp(CAST(round(${column} * 1000) AS BIGINT)) AS ${column}`;
  return column;
}

/** The values of rows `from..to` of a column, checked against its type; NaN, undefined, invalid Dates are null. */
function chunkValues(
  values: ArrayLike<unknown>,
  type: ColumnType,
  from: number,
  to: number,
  where: (row: number) => string,
): DuckDBValue[] {
  const out = new Array<DuckDBValue>(to - from);
  for (let row = from; row < to; ++row) {
    const value = values[row];
    if (isMissing(value)) {
      out[row - from] = null;
      continue;
    }
    const cell = type === "timestamp" && value instanceof Date ? value.getTime() : value;
    const kind = type === "string" ? "string" : type === "boolean" ? "boolean" : "number";
    if (typeof cell !== kind || (type === "int" && !Number.isInteger(cell))) {
      const expected = type === "int" ? "an integer" : `a ${type}`;
      throw new DuckDbLoadError(`${where(row)}: expected ${expected}, got ${typeof value} ${String(value)}`);
    }
    out[row - from] = cell as DuckDBValue;
  }
  return out;
}

/**
 * Whether a column's values go into DuckDB as they are, a slice at a time: a Float64Array without NaN (a
 * missing value, which must become NULL) and, for an integer column, of whole numbers only.
 */
function appendsAsIs(values: ArrayLike<unknown>, type: ColumnType): values is Float64Array {
  if (!(values instanceof Float64Array) || type === "string" || type === "boolean") return false;
  if (type === "int") {
    for (let i = 0; i < values.length; i++) if (!Number.isInteger(values[i])) return false;
    return true;
  }
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) return false;
  return true;
}

/**
 * Load an arquero table into a new temporary DuckDB table `relation`, in order (so its `rowid` is the row's
 * position), column by column in data chunks of 2,048 rows (one chunk reused while it fits). Numbers are
 * DOUBLE, unless `types` says `int` or `timestamp` (epoch milliseconds to a zone-less TIMESTAMP); NaN and
 * undefined are NULL. A Float64Array column without NaN goes in a slice at a time, with no value checked
 * twice; 1M rows of 17 columns take ~0.65 s.
 */
export async function loadTable(
  connection: DuckDBConnection,
  table: ColumnTable,
  relation: string,
  types: Readonly<Record<string, ColumnType>>,
  label: string,
): Promise<void> {
  const names = table.columnNames();
  const columnTypes = names.map((name) => inferColumnType(table, name, types[name], label));
  const converted = columnTypes.some((type) => type === "int" || type === "timestamp");
  const staged = converted ? `${relation}_staged` : relation;
  const definition = names.map((name, c) => `${quote(name)} ${STAGED[columnTypes[c] as ColumnType]}`);
  try {
    await connection.run(`CREATE TEMP TABLE ${quote(staged)} (${definition.join(", ")})`);
  } catch (error) {
    throw toQueryError(label, error);
  }
  let stagedDropped = false;
  try {
    const appender = await connection.createAppender(staged);
    try {
      const columns = names.map((name) => columnArray(table, name));
      const asIs = columns.map((values, c) => appendsAsIs(values, columnTypes[c] as ColumnType));
      const chunkTypes = columnTypes.map((type) => STAGED[type]);
      const rows = table.numRows();
      let chunk: DuckDBDataChunk | undefined;
      for (let from = 0; from < rows; from += CHUNK_ROWS) {
        const to = Math.min(rows, from + CHUNK_ROWS);
        // the same chunk (and its vectors) while the row count stays: its values are all set again each time
        if (chunk?.rowCount !== to - from) chunk = duckdbApi.DuckDBDataChunk.create(chunkTypes, to - from);
        for (const [c, values] of columns.entries()) {
          const type = columnTypes[c] as ColumnType;
          const where = (row: number) => `${label}: row ${row}, column "${names[c]}"`;
          // setColumnValues reads `length` and each index: a Float64Array slice serves as the values array
          const slice = asIs[c]
            ? ((values as Float64Array).subarray(from, to) as unknown as DuckDBValue[])
            : undefined;
          chunk.setColumnValues(c, slice ?? chunkValues(values, type, from, to, where));
        }
        appender.appendDataChunk(chunk);
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    if (converted) {
      // one scan of one table keeps its rows in order (insertion order is preserved): no sort on rowid; the
      // staged table dropped in the same call (DuckDB runs the statements in turn)
      const list = names.map((name, c) => finalSql(name, columnTypes[c] as ColumnType));
      await connection.run(
        `CREATE TEMP TABLE ${quote(relation)} AS SELECT ${list.join(", ")} FROM ${quote(staged)}; ` +
          `DROP TABLE ${quote(staged)}`,
      );
      stagedDropped = true;
    }
  } catch (error) {
    if (error instanceof DuckDbLoadError) throw error;
    throw toQueryError(label, error);
  } finally {
    if (converted && !stagedDropped) await connection.run(`DROP TABLE IF EXISTS ${quote(staged)}`);
  }
}
