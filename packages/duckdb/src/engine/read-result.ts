import type { DuckDBConnection, DuckDBDataChunk, DuckDBTypeId } from "@duckdb/node-api";
import type { ColumnType, LogicalType } from "@tablepipe/core";
import { attachSchema } from "@tablepipe/core/internal";
import { type ColumnTable, table as makeTable } from "arquero";
import { duckdbApi } from "./node-api";
import { INTEGER_TYPE_IDS, TIME_TYPE_IDS } from "./type-id-groups";
import { millisOfMicros, pushVectorNumbers, vectorFloat64 } from "./vector-numbers";
import { pushVectorStrings, type ShortTexts } from "./vector-strings";

const TypeId = duckdbApi.DuckDBTypeId;

/** How a result column comes back: as numbers (time stamps as epoch milliseconds), strings or booleans. */
type ResultKind = "number" | "timestamp" | "string" | "boolean";

function kindOf(typeId: DuckDBTypeId): ResultKind {
  if (TIME_TYPE_IDS.has(typeId)) return "timestamp";
  if (typeId === TypeId.VARCHAR) return "string";
  return typeId === TypeId.BOOLEAN ? "boolean" : "number";
}

/** The logical type of a result column of DuckDB type `typeId` (the table's schema). */
function logicalTypeOf(typeId: DuckDBTypeId): LogicalType | "unknown" {
  if (INTEGER_TYPE_IDS.has(typeId)) return "int";
  if (typeId === TypeId.DATE) return "date";
  const kind = kindOf(typeId);
  if (kind === "number") return typeId === TypeId.SQLNULL ? "unknown" : "float";
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

/**
 * One result column as it is read: a number or time-stamp column holds its chunks as Float64Arrays while none
 * of them has a null (copied whole from DuckDB's vectors); at its first null, or for any other kind, the values
 * are appended one by one to a plain array (`null` for a null).
 */
class ResultColumn {
  private pieces: Float64Array[] | undefined;
  private readonly values: unknown[] = [];
  private readonly texts: ShortTexts = new Map();

  constructor(
    private readonly kind: ResultKind,
    private readonly typeId: DuckDBTypeId,
  ) {
    this.pieces = kind === "number" || kind === "timestamp" ? [] : undefined;
  }

  /** Append the chunk's vector of this column. */
  append(chunk: DuckDBDataChunk, c: number): void {
    const vector = chunk.getColumnVector(c);
    if (this.pieces !== undefined) {
      const piece = vectorFloat64(vector, this.typeId);
      if (piece) {
        this.pieces.push(piece);
        return;
      }
      for (const done of this.pieces) for (const value of done) this.values.push(value);
      this.pieces = undefined;
    }
    const out = this.values;
    if (
      this.kind === "string"
        ? pushVectorStrings(out, vector, this.texts)
        : pushVectorNumbers(out, vector, this.typeId)
    ) {
      return;
    }
    for (const value of chunk.getColumnValues(c) as unknown[]) {
      if (value === null) out.push(null);
      else if (this.kind === "timestamp") out.push(millisOf(value));
      else if (this.kind === "number") out.push(numberOf(value));
      else out.push(value);
    }
  }

  /** The column's values: a Float64Array when it holds numbers (or time stamps) and no null, else an array. */
  finish(): unknown[] | Float64Array {
    const { pieces, values } = this;
    if (pieces === undefined) {
      const numbers = this.kind === "number" || this.kind === "timestamp";
      return numbers && !values.includes(null) ? Float64Array.from(values as number[]) : values;
    }
    if (pieces.length === 1) return pieces[0] as Float64Array;
    const all = new Float64Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
    let at = 0;
    for (const piece of pieces) {
      all.set(piece, at);
      at += piece.length;
    }
    return all;
  }
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
  const columns = names.map(
    (_, i) => new ResultColumn(kindOf(result.columnTypeId(i)), result.columnTypeId(i)),
  );
  // the next chunk is fetched (on libuv's threads) while this one is read into the columns
  let next = result.fetchChunk();
  try {
    for (;;) {
      const chunk = await next;
      if (chunk === null || chunk.rowCount === 0) break;
      next = result.fetchChunk();
      for (const [c, column] of columns.entries()) column.append(chunk, c);
    }
  } catch (error) {
    await next.catch(() => undefined); // a fetch still in flight settles before the error goes on
    throw error;
  }
  const data: Record<string, unknown[] | Float64Array> = {};
  const schema: Record<string, ColumnType> = {};
  names.forEach((name, c) => {
    const values = (columns[c] as ResultColumn).finish();
    data[name] = values;
    schema[name] = {
      type: logicalTypeOf(result.columnTypeId(c)),
      nullable: !(values instanceof Float64Array) && values.includes(null),
    };
  });
  return attachSchema(makeTable(data as Record<string, unknown[]>, names), schema);
}
