import { type DuckDBAppender, type DuckDBConnection, DuckDBTimestampValue } from "@duckdb/node-api";
import { isMissing, SQL_DIALECTS } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import { DuckDbLoadError, toQueryError } from "../errors";
import { type ColumnType, DUCKDB_TYPES } from "./column-types";
import { inferColumnType } from "./infer-column-type";

const quote = SQL_DIALECTS.duckdb.quoteIdentifier;

function appendCell(appender: DuckDBAppender, type: ColumnType, value: unknown, where: () => string): void {
  if (isMissing(value)) {
    appender.appendNull();
    return;
  }
  const wrong = (): never => {
    throw new DuckDbLoadError(`${where()}: expected a ${type}, got ${typeof value} ${String(value)}`);
  };
  switch (type) {
    case "float":
      if (typeof value !== "number") wrong();
      appender.appendDouble(value as number);
      return;
    case "int":
      if (typeof value !== "number" || !Number.isInteger(value)) wrong();
      appender.appendBigInt(BigInt(value as number));
      return;
    case "string":
      if (typeof value !== "string") wrong();
      appender.appendVarchar(value as string);
      return;
    case "boolean":
      if (typeof value !== "boolean") wrong();
      appender.appendBoolean(value as boolean);
      return;
    case "timestamp": {
      const ms = value instanceof Date ? value.getTime() : value;
      if (typeof ms !== "number") wrong();
      appender.appendTimestamp(new DuckDBTimestampValue(BigInt(Math.round(ms as number)) * 1000n));
      return;
    }
  }
}

/**
 * Load an arquero table into a new temporary DuckDB table `relation`, row by row in order (so its `rowid`
 * is the row's position). Numbers are DOUBLE, unless `types` says `int` or `timestamp` (epoch milliseconds
 * to a zone-less TIMESTAMP); NaN and undefined are NULL.
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
  const definition = names.map((name, i) => `${quote(name)} ${DUCKDB_TYPES[columnTypes[i] as ColumnType]}`);
  try {
    await connection.run(`CREATE TEMP TABLE ${quote(relation)} (${definition.join(", ")})`);
  } catch (error) {
    throw toQueryError(label, error);
  }
  const appender = await connection.createAppender(relation);
  try {
    const columns = names.map((name) => table.array(name) as ArrayLike<unknown>);
    const rows = table.numRows();
    for (let row = 0; row < rows; ++row) {
      for (let c = 0; c < names.length; ++c) {
        const where = () => `${label}: row ${row}, column "${names[c]}"`;
        appendCell(appender, columnTypes[c] as ColumnType, (columns[c] as ArrayLike<unknown>)[row], where);
      }
      appender.endRow();
    }
    appender.flushSync();
  } catch (error) {
    appender.clear(); // drop the half-written row, so that closing does not fail on it
    throw error;
  } finally {
    appender.closeSync();
  }
}
