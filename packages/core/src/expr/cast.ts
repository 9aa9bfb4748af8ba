import { parseTimestamp } from "../time/timestamp";
import { describeValue } from "../values/describe-value";
import type { CastType } from "./nodes";
import { NULL_BOOL, type Vector } from "./vector";

/** A value a cast cannot convert, and its row: the caller names the step and the expression. */
export class CastFailure {
  constructor(
    readonly value: string,
    readonly to: CastType,
    /** The row (position in the vector) holding the value. */
    readonly row: number,
  ) {}
}

/** What a cast's error says of a value it cannot convert and its row: `cannot convert "x" to float (row 3)`. */
export function castFailureDetail(value: string, to: CastType, row: number): string {
  return `cannot convert ${describeValue(value)} to ${to} (row ${row})`;
}

/** The number a string's decimal text holds, or NaN. */
function parseNumber(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? Number.NaN : Number(trimmed);
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
        const value = to === "timestamp" ? parseTimestamp(v) : parseNumber(v);
        if (Number.isNaN(value)) throw new CastFailure(v, to, row);
        return value;
      });
    case "null":
      return new Float64Array(n).fill(Number.NaN);
  }
}

/**
 * `CAST(vector AS to)`; null stays null. `int` truncates toward zero; a number becomes the string of its
 * shortest decimal text, a boolean `"true"`/`"false"`; a string becomes a boolean only from `true`/`false`
 * (any case), a number only from its decimal text, a time stamp from the table reader's layouts. Throws a
 * {@link CastFailure} for the first string that does not convert.
 */
export function castVector(vector: Vector, to: CastType, n: number): Vector {
  switch (to) {
    case "float":
    case "timestamp":
      return { kind: "number", values: toNumbers(vector, n, to) };
    case "int": {
      const source = toNumbers(vector, n, to);
      return { kind: "number", values: source.map(Math.trunc) };
    }
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
