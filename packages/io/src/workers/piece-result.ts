/**
 * What a worker of a parallel read sends back for one piece (a CSV piece, a Parquet row group): the finished
 * columns, packed so that they cross threads without a copy where they can, the invalid values it met, or
 * the error it stopped at.
 */

import type { ExprNode } from "@tablepipe/core";
import type { InvalidValueExample } from "../columns/invalid-values";
import type { TableReadError, TableReadErrorDetails } from "../errors";
import type { ReadContext } from "../read/read-context";
import { type ConditionTally, keepRowsWhere } from "../read/row-conditions";

/** A column as it crosses to the reading thread: typed arrays as they are, others packed into typed arrays. */
export type EncodedColumn =
  | { readonly kind: "typed"; readonly values: ArrayLike<unknown> }
  | { readonly kind: "nullable-number"; readonly values: Float64Array; readonly nulls: Uint8Array }
  | { readonly kind: "strings"; readonly codes: Int32Array; readonly dictionary: string[] }
  | { readonly kind: "array"; readonly values: unknown[] };

/** What a worker answers. CSV lines are counted from the piece's own header (line 1). */
export type PieceResult =
  | {
      readonly ok: true;
      /** Rows read (before the read's row conditions, if any). */
      readonly rows: number;
      /** Lines the piece's records took (its line count). */
      readonly lines: number;
      readonly columns: readonly EncodedColumn[];
      readonly droppedRows: number;
      readonly invalidByColumn: readonly [string, number][];
      readonly examples: readonly InvalidValueExample[];
      /**
       * When the read's row conditions were tested on the piece: the rows kept (the columns hold just
       * those) and each condition's tally. Absent when there are none, or they could not be tested here.
       */
      readonly kept?: { readonly rows: number; readonly tallies: readonly ConditionTally[] };
    }
  | { readonly ok: false; readonly error: TableReadErrorDetails };

/**
 * The result of a piece read into `ctx` (its builders finished and packed), with only the rows on which
 * every one of `conditions` holds when there are any and they can be tested here.
 */
export function resultFromContext(
  ctx: ReadContext,
  lines: number,
  conditions: readonly ExprNode[] = [],
): PieceResult {
  const finished = ctx.builders.map((builder) => builder.finish());
  const kept =
    conditions.length === 0 || ctx.rows === 0
      ? undefined
      : keepRowsWhere(
          ctx.specs.map((spec) => spec.name),
          finished,
          ctx.rows,
          conditions,
        );
  return {
    ok: true,
    rows: ctx.rows,
    lines,
    columns: (kept?.columns ?? finished).map(encodeColumn),
    droppedRows: ctx.invalid.droppedRows,
    invalidByColumn: [...ctx.invalid.byColumn],
    examples: ctx.invalid.examples,
    ...(kept === undefined ? {} : { kept: { rows: kept.rows, tallies: kept.tallies } }),
  };
}

/** The details of a read error, to send across threads. */
export function detailsOf(error: TableReadError): TableReadErrorDetails {
  const details: TableReadErrorDetails = { file: error.file, reason: error.reason };
  if (error.line !== undefined) details.line = error.line;
  if (error.row !== undefined) details.row = error.row;
  if (error.column !== undefined) details.column = error.column;
  if (error.value !== undefined) details.value = error.value;
  if (error.expected !== undefined) details.expected = error.expected;
  return details;
}

/** Pack a finished column for the trip across threads (typed arrays are transferred, not copied). */
export function encodeColumn(values: ArrayLike<unknown>): EncodedColumn {
  if (ArrayBuffer.isView(values)) return { kind: "typed", values };
  const array = values as unknown[];
  let numbers = true;
  let strings = true;
  for (let i = 0; i < array.length && (numbers || strings); i++) {
    const v = array[i];
    if (v === null) continue;
    if (typeof v !== "number") numbers = false;
    if (typeof v !== "string") strings = false;
  }
  if (numbers) {
    const out = new Float64Array(array.length);
    const nulls = new Uint8Array(array.length);
    for (let i = 0; i < array.length; i++) {
      const v = array[i];
      if (v === null) nulls[i] = 1;
      else out[i] = v as number;
    }
    return { kind: "nullable-number", values: out, nulls };
  }
  if (strings) {
    const codes = new Int32Array(array.length);
    const dictionary: string[] = [];
    const index = new Map<string, number>();
    for (let i = 0; i < array.length; i++) {
      const v = array[i];
      if (v === null) {
        codes[i] = -1;
        continue;
      }
      let code = index.get(v as string);
      if (code === undefined) {
        code = dictionary.length;
        dictionary.push(v as string);
        index.set(v as string, code);
      }
      codes[i] = code;
    }
    return { kind: "strings", codes, dictionary };
  }
  return { kind: "array", values: array };
}

/** Unpack a column: exactly the array the builder finished with (plain arrays with `null`s stay so). */
export function decodeColumn(column: EncodedColumn): ArrayLike<unknown> {
  switch (column.kind) {
    case "typed":
      return column.values;
    case "nullable-number": {
      const { values, nulls } = column;
      const out = new Array<number | null>(values.length);
      for (let i = 0; i < values.length; i++) out[i] = nulls[i] === 1 ? null : (values[i] as number);
      return out;
    }
    case "strings": {
      const { codes, dictionary } = column;
      const out = new Array<string | null>(codes.length);
      for (let i = 0; i < codes.length; i++) {
        const code = codes[i] as number;
        out[i] = code < 0 ? null : (dictionary[code] as string);
      }
      return out;
    }
    case "array":
      return column.values;
  }
}

/** The buffers a result can hand over without copying. */
export function transferables(result: PieceResult): ArrayBuffer[] {
  if (!result.ok) return [];
  const buffers = new Set<ArrayBuffer>();
  const add = (view: ArrayLike<unknown>): void => {
    if (ArrayBuffer.isView(view) && view.buffer instanceof ArrayBuffer) buffers.add(view.buffer);
  };
  for (const column of result.columns) {
    if (column.kind === "typed") add(column.values);
    else if (column.kind === "nullable-number") {
      add(column.values);
      add(column.nulls);
    } else if (column.kind === "strings") add(column.codes);
  }
  return [...buffers];
}
