/**
 * One piece of a CSV file — whole records — parsed on its own, as a worker of the parallel read does: the
 * header and the piece go through the same {@link CsvFileReader} as a sequential read, so values,
 * invalid-value handling and messages are the same. Line numbers are those of a file made
 * of the header and the piece; the caller shifts them by the lines of the pieces before.
 */

import type { ExprNode } from "@tablepipe/core";
import type { OnInvalid } from "../columns/invalid-values";
import { TableReadError } from "../errors";
import type { ColumnAliases } from "../read/aliases";
import type { ColumnSpec } from "../read/schema-columns";
import { pieceContext } from "../workers/piece-context";
import { detailsOf, type PieceResult, resultFromContext } from "../workers/piece-result";
import { CsvFileReader } from "./csv-file-reader";
import { CsvSyntaxError } from "./csv-tokenizer";

/** What a worker is asked: parse `bytes` (whole records) of `file`, whose header is `header`. */
export interface CsvPieceRequest {
  readonly kind: "csv";
  readonly file: string;
  readonly specs: readonly ColumnSpec[];
  readonly aliases: ColumnAliases | undefined;
  readonly mode: OnInvalid;
  readonly delimiter: number;
  /** The header line's bytes (with its line end, without a byte order mark). */
  readonly header: Uint8Array;
  /** The bytes of the piece that come before `bytes` (the end of the previous chunk), if any. */
  readonly prefix?: Uint8Array;
  /** Whole records of the file (after `prefix`). */
  readonly bytes: Uint8Array;
  /** The read's row conditions: only the rows on which all hold are sent back (see `resultFromContext`). */
  readonly keepWhere?: readonly ExprNode[];
}

/** Parse one CSV piece (on whatever thread runs this). */
export function parseCsvPiece(request: CsvPieceRequest): PieceResult {
  const ctx = pieceContext(request.file, request.specs, request.aliases, request.mode);
  const reader = new CsvFileReader(ctx, request.delimiter, request.bytes.length);
  try {
    reader.push(asBuffer(request.header), false);
    const firstLine = reader.nextLine;
    const bytes = asBuffer(request.bytes);
    reader.push(request.prefix === undefined ? bytes : Buffer.concat([request.prefix, bytes]), true);
    return resultFromContext(ctx, reader.nextLine - firstLine, request.keepWhere);
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      return { ok: false, error: { file: request.file, line: error.line, reason: error.reason } };
    }
    if (error instanceof TableReadError) return { ok: false, error: detailsOf(error) };
    return {
      ok: false,
      error: { file: request.file, reason: `cannot read the file: ${(error as Error).message}` },
    };
  }
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
