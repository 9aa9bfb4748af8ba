/**
 * Parquet time stamps and dates decoded as epoch milliseconds (numbers), never as Dates: hyparquet's
 * parsers replaced, and the columns they apply to recognised by the same rules hyparquet uses.
 */

import type { ParquetParsers, SchemaElement } from "hyparquet";

const MS_PER_DAY = 86_400_000;

/** `a / b` rounded down (BigInt division rounds toward zero): sub-millisecond digits are cut from the wall clock. */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a < 0n && q * b !== a ? q - 1n : q;
}

/**
 * hyparquet parsers that decode time stamps (any unit, INT96 too) and dates as epoch milliseconds of the
 * wall-clock time stored (a time stamp without a zone is its UTC wall-clock time).
 */
export const epochMillisParsers: Partial<ParquetParsers> = {
  timestampFromMilliseconds: (millis: bigint): number => Number(millis),
  timestampFromMicroseconds: (micros: bigint): number => Number(floorDiv(micros, 1000n)),
  timestampFromNanoseconds: (nanos: bigint): number => Number(floorDiv(nanos, 1_000_000n)),
  dateFromDays: (days: number): number => days * MS_PER_DAY,
};

/**
 * True when hyparquet decodes the column with the time-stamp or date parsers (the rules of its `convert`):
 * INT96, converted types DATE / TIMESTAMP_MILLIS / TIMESTAMP_MICROS, or a TIMESTAMP logical type.
 * @example isParquetTimeColumn({ name: "at", type: "INT64", logical_type: { type: "TIMESTAMP", isAdjustedToUTC: false, unit: "MILLIS" } }) // true
 */
export function isParquetTimeColumn(element: SchemaElement): boolean {
  const { type, converted_type: converted, logical_type: logical } = element;
  if (converted === "DECIMAL") return false;
  if (converted === undefined && type === "INT96") return true;
  if (converted === "DATE" || converted === "TIMESTAMP_MILLIS" || converted === "TIMESTAMP_MICROS")
    return true;
  return logical?.type === "TIMESTAMP";
}
