import { type DuckDBConnection, DuckDBTypeId } from "@duckdb/node-api";
import type { ColumnType, LogicalType } from "@tablepipe/core";
import { attachSchema } from "@tablepipe/core/internal";
import { type ColumnTable, table as makeTable } from "arquero";
import { millisOfMicros, pushVectorNumbers } from "./vector-numbers";

/** How a result column comes back: as numbers (time stamps as epoch milliseconds), strings or booleans. */
type ResultKind = "number" | "timestamp" | "string" | "boolean";

function kindOf(typeId: DuckDBTypeId): ResultKind {
  switch (typeId) {
    case DuckDBTypeId.VARCHAR:
      return "string";
    case DuckDBTypeId.BOOLEAN:
      return "boolean";
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.DATE:
      return "timestamp";
    default:
      return "number";
  }
}

const INTEGER_TYPES = new Set([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.UBIGINT,
]);

/** The logical type of a result column of DuckDB type `typeId` (the table's schema). */
function logicalTypeOf(typeId: DuckDBTypeId): LogicalType | "unknown" {
  if (INTEGER_TYPES.has(typeId)) return "int";
  if (typeId === DuckDBTypeId.DATE) return "date";
  const kind = kindOf(typeId);
  if (kind === "number") return typeId === DuckDBTypeId.SQLNULL ? "unknown" : "float";
  return kind;
}

/** Epoch milliseconds of a DuckDB time-stamp value (its wall-clock fields read as UTC). */
function millisOf(value: unknown): number {
  const v = value as { micros?: bigint; millis?: bigint; seconds?: bigint; nanos?: bigint; days?: number };
  if (v.micros !== undefined) return millisOfMicros(v.micros);
  if (v.millis !== undefined) return Number(v.millis);
  if (v.seconds !== undefined) return Number(v.seconds) * 1000;
  if (v.nanos !== undefined) return Number(v.nanos / 1_000_000n);
  return (v.days ?? Number.NaN) * 86_400_000;
}

function numberOf(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  const decimal = value as { toDouble?: () => number };
  return typeof decimal.toDouble === "function" ? decimal.toDouble() : Number(value);
}

/** A finished column: numbers with no null as a Float64Array, anything else as an array with `null`. */
function finish(kind: ResultKind, values: unknown[]): unknown[] | Float64Array {
  if ((kind === "number" || kind === "timestamp") && !values.includes(null)) {
    return Float64Array.from(values as number[]);
  }
  return values;
}

/**
 * Run `sql` and read its result chunk by chunk into an arquero table with the column types a table has in
 * process: numbers (BIGINT and HUGEINT too) as numbers, time stamps as epoch milliseconds, strings,
 * booleans, nulls as `null`. The table carries its schema (`schemaOf`): each column's logical type from
 * its DuckDB type, nullable when it holds a null.
 */
export async function readQuery(connection: DuckDBConnection, sql: string): Promise<ColumnTable> {
  const result = await connection.stream(sql);
  const names = result.columnNames();
  const kinds = names.map((_, i) => kindOf(result.columnTypeId(i)));
  const columns: unknown[][] = names.map(() => []);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) break;
    for (let c = 0; c < names.length; ++c) {
      const out = columns[c] as unknown[];
      const kind = kinds[c] as ResultKind;
      if (pushVectorNumbers(out, chunk.getColumnVector(c), result.columnTypeId(c))) continue;
      for (const value of chunk.getColumnValues(c) as unknown[]) {
        if (value === null) out.push(null);
        else if (kind === "timestamp") out.push(millisOf(value));
        else if (kind === "number") out.push(numberOf(value));
        else out.push(value);
      }
    }
  }
  const data: Record<string, unknown[] | Float64Array> = {};
  const schema: Record<string, ColumnType> = {};
  names.forEach((name, c) => {
    const values = finish(kinds[c] as ResultKind, columns[c] as unknown[]);
    data[name] = values;
    schema[name] = {
      type: logicalTypeOf(result.columnTypeId(c)),
      nullable: !(values instanceof Float64Array) && values.includes(null),
    };
  });
  return attachSchema(makeTable(data as Record<string, unknown[]>, names), schema);
}
