/**
 * One row group of a Parquet file decoded on its own, as a worker of the parallel read does: through the
 * same `readRowGroup` as a sequential read, so values, invalid-value handling and messages (with the file's
 * own row numbers) are the same. Each thread opens a file once and keeps it open for its other row groups.
 */

import type { ExprNode } from "@tablepipe/core";
import type { OnInvalid } from "../columns/invalid-values";
import { TableReadError } from "../errors";
import type { ColumnAliases } from "../read/aliases";
import type { ColumnSpec } from "../read/schema-columns";
import { pieceContext } from "../workers/piece-context";
import { detailsOf, type PieceResult, resultFromContext } from "../workers/piece-result";
import { type OpenParquet, openParquet, readRowGroup } from "./parquet-reader";

/** What a worker is asked: decode rows `[rowStart, rowEnd)` (one row group) of the Parquet file at `path`. */
export interface ParquetPieceRequest {
  readonly kind: "parquet";
  readonly file: string;
  readonly path: string;
  readonly specs: readonly ColumnSpec[];
  readonly aliases: ColumnAliases | undefined;
  readonly mode: OnInvalid;
  readonly rowStart: number;
  readonly rowEnd: number;
  /** The read's row conditions: only the rows on which all hold are sent back (see `resultFromContext`). */
  readonly keepWhere?: readonly ExprNode[];
}

/** The files this thread has open, by path (a worker reads many row groups of one file). */
const open = new Map<string, Promise<OpenParquet>>();

/** Decode one row group (on whatever thread runs this). */
export async function readParquetPiece(request: ParquetPieceRequest): Promise<PieceResult> {
  const ctx = pieceContext(request.file, request.specs, request.aliases, request.mode);
  try {
    let parquet = open.get(request.path);
    if (parquet === undefined) {
      parquet = openParquet(request.path, ctx);
      open.set(request.path, parquet);
      parquet.catch(() => open.delete(request.path));
    }
    await readRowGroup(await parquet, ctx, request.rowStart, request.rowEnd);
    return resultFromContext(ctx, 0, request.keepWhere);
  } catch (error) {
    if (error instanceof TableReadError) return { ok: false, error: detailsOf(error) };
    return {
      ok: false,
      error: { file: request.file, reason: `cannot read as Parquet: ${(error as Error).message}` },
    };
  }
}

/** Forget the files this thread has open (after a read). */
export function closeParquetPieces(): void {
  open.clear();
}
