import { parseWallClockTimestamp } from "../time/timestamp";
import { isZonedTimestamp, WALL_CLOCK_EXPECTED } from "../time/zoned";
import { describeValue } from "../values/describe-value";
import type { CastType } from "./nodes";
import { NULL_BOOL, type Vector } from "./vector";

/** A value a cast cannot convert (a string, or a number an `int` cannot hold), and its row: the caller names the step and the expression. */
export class CastFailure {
  constructor(
    readonly value: string | number,
    readonly to: CastType,
    /** The row (position in the vector) holding the value. */
    readonly row: number,
  ) {}
}

/** 2^63: an `int` is below it in magnitude (or -2^63 itself), as SQL's BIGINT, the `int` of DuckDB and Spark. */
const INT_LIMIT = 2 ** 63;

/** Whether a number (not NaN) is one an `int` can hold once truncated: from -2^63 to below 2^63. */
function fitsInt(value: number): boolean {
  return value >= -INT_LIMIT && value < INT_LIMIT;
}

/**
 * What a cast's error says of a value it cannot convert and its row: `cannot convert "x" to float (row 3)`; for a
 * number (or its text) past the `int` range, `cannot convert 100000000000000000000 to int (row 0): expected a
 * number from -2^63 to below 2^63`; for a text with a zone cast to `timestamp`, that it carries one.
 */
export function castFailureDetail(value: string | number, to: CastType, row: number): string {
  const shown = typeof value === "number" ? String(value) : describeValue(value);
  const failed = `cannot convert ${shown} to ${to} (row ${row})`;
  if (to === "timestamp" && typeof value === "string" && isZonedTimestamp(value)) {
    return `${failed}: it carries a zone (Z or an offset): expected ${WALL_CLOCK_EXPECTED}`;
  }
  const number = typeof value === "number" ? value : parseNumber(value);
  const range = to === "int" && !Number.isNaN(number) && !fitsInt(number);
  return `${failed}${range ? ": expected a number from -2^63 to below 2^63" : ""}`;
}

/** The number a string's decimal text holds, or NaN. */
function parseNumber(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? Number.NaN : Number(trimmed);
}

/**
 * The numbers truncated toward zero, a zero `0` (never `-0`: `Math.trunc(-0.5)` is `-0`, which no engine's int
 * holds; adding `0` makes it `0`); throws a {@link CastFailure} for the first value that does not convert: a
 * text that is not a number, or a number an `int` cannot hold (past 2^63 in magnitude, an infinity).
 */
function toInts(vector: Vector, n: number): Float64Array {
  const numbers = toNumbers(vector, n, "int"); // a string's number is checked there, in the same pass
  const out = new Float64Array(numbers.length);
  for (let row = 0; row < numbers.length; ++row) {
    const value = numbers[row] as number;
    if (!Number.isNaN(value) && !fitsInt(value)) throw new CastFailure(value, "int", row);
    out[row] = Math.trunc(value) + 0;
  }
  return out;
}

function toNumbers(vector: Vector, n: number, to: CastType): Float64Array {
  switch (vector.kind) {
    case "number":
      return vector.values;
    case "boolean":
      return Float64Array.from(vector.values, (v) => (v === NULL_BOOL ? Number.NaN : v));
    case "string":
      return Float64Array.from(vector.values, (v, row) => {
        if (v === null) return Number.NaN;
        // a text with a zone is refused, never shifted to UTC: a time stamp is a wall-clock time (as readTable reads it)
        const value = to === "timestamp" ? parseWallClockTimestamp(v) : parseNumber(v);
        if (Number.isNaN(value) || (to === "int" && !fitsInt(value))) throw new CastFailure(v, to, row);
        return value;
      });
    case "null":
      return new Float64Array(n).fill(Number.NaN);
  }
}

/**
 * `CAST(vector AS to)`; null stays null. `int` truncates toward zero (`-0.5` is `0`, never `-0`), and refuses a number past 2^63 in
 * magnitude (an infinity too: no file's or engine's int holds it); a number becomes the string of its
 * shortest decimal text, a boolean `"true"`/`"false"`; a string becomes a boolean only from `true`/`false`
 * (any case), a number only from its decimal text, a time stamp from the table reader's layouts (a text with a
 * zone, `Z` or an offset, is refused as readTable refuses it). Throws a {@link CastFailure} for the first string
 * that does not convert.
 */
export function castVector(vector: Vector, to: CastType, n: number): Vector {
  switch (to) {
    case "float":
    case "timestamp":
      return { kind: "number", values: toNumbers(vector, n, to) };
    case "int":
      return { kind: "number", values: toInts(vector, n) };
    case "string":
      switch (vector.kind) {
        case "string":
          return vector;
        case "number":
          return {
            kind: "string",
            values: Array.from(vector.values, (v) => (Number.isNaN(v) ? null : String(v))),
          };
        case "boolean":
          return {
            kind: "string",
            values: Array.from(vector.values, (v) => (v === NULL_BOOL ? null : v === 1 ? "true" : "false")),
          };
        case "null":
          return { kind: "null" };
      }
      break;
    case "boolean":
      switch (vector.kind) {
        case "boolean":
          return vector;
        case "number":
          return {
            kind: "boolean",
            values: Uint8Array.from(vector.values, (v) => (Number.isNaN(v) ? NULL_BOOL : v !== 0 ? 1 : 0)),
          };
        case "string":
          return {
            kind: "boolean",
            values: Uint8Array.from(vector.values, (v, row) => {
              if (v === null) return NULL_BOOL;
              const t = v.trim().toLowerCase();
              if (t === "true") return 1;
              if (t === "false") return 0;
              throw new CastFailure(v, to, row);
            }),
          };
        case "null":
          return { kind: "null" };
      }
  }
}
