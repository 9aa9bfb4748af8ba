import type { ExprNode } from "@tablepipe/core";
import type { ColumnBuilder } from "../columns/builder-support";
import {
  type BatchIssues,
  describeIssue,
  type InvalidValueExample,
  type InvalidValueLog,
  MALFORMED_ROW,
} from "../columns/invalid-values";
import { TableReadError } from "../errors";
import type { ColumnBound } from "../parquet/row-group-bounds";
import type { ColumnAliases } from "./aliases";
import { checkValueRules } from "./check-rules";
import type { ProgressReporter } from "./progress";
import type { ConditionTally } from "./row-conditions";
import type { ColumnSpec } from "./schema-columns";
import type { ZonedTimestamps } from "./types";

/** Everything a format reader needs to append one file's rows to the table being built. */
export interface ReadContext {
  /** The file being read, as it appears in messages. */
  file: string;
  readonly specs: readonly ColumnSpec[];
  /** The builders of the rows not yet handed on; a batched read replaces them after each batch. */
  builders: readonly ColumnBuilder[];
  readonly aliases: ColumnAliases | undefined;
  readonly invalid: InvalidValueLog;
  readonly progress: ProgressReporter;
  /** Rows in the builders (for a batched read: in the current batch). */
  rows: number;
  /** Parquet row groups wholly outside these bounds are skipped (`rowGroupBounds` of the read's options). */
  readonly rowGroupBounds?: readonly ColumnBound[];
  /** Rows of the row groups skipped so far by {@link ReadContext.rowGroupBounds}. */
  skippedRows?: number;
  /** The most worker threads a file of this read was parsed on so far (absent: the calling thread parsed). */
  threads?: number;
  /** Rows already handed on by {@link ReadContext.onBatch} and cleared from the builders (0 for a whole read). */
  drained: number;
  /** A batched read: called after each settled batch, with `rows` rows in the builders. */
  onBatch?: () => void;
  /**
   * A batched read: takes a batch already parsed elsewhere (a worker of the parallel CSV read), as finished
   * columns in schema order. Errors of the consumer come out as {@link BatchConsumerError}s.
   */
  onDecodedBatch?: (columns: ArrayLike<unknown>[], rows: number, tallies?: readonly ConditionTally[]) => void;
  /**
   * A batched read's row conditions, sent with each piece to the workers that parse it: a piece comes back
   * with only the rows on which all hold, and each condition's tally (`onDecodedBatch`'s `tallies`).
   */
  readonly keepWhere?: readonly ExprNode[];
  /** `"utc"`: a file's zoned time stamps are read as their UTC wall-clock time; else (`"error"`, absent) refused. */
  readonly zonedTimestamps?: ZonedTimestamps;
  /** Schema columns that files lacked (optional ones, read as null or their default), with those files. */
  absentColumns?: Map<string, string[]>;
  /** The read's `signal`: aborted, the read stops at the next chunk ({@link chunkRead}). */
  readonly signal?: AbortSignal;
}

/**
 * An error from outside the readers — thrown by a batched read's consumer (`onBatch`), or the reason of the read's
 * aborted signal: readers pass it on, and the read rejects with `original`.
 */
export class BatchConsumerError extends Error {
  override readonly name = "BatchConsumerError";
  constructor(readonly original: unknown) {
    super(original instanceof Error ? original.message : String(original));
  }
}

/** Hand the settled batch on, if the read is batched; the consumer's errors become {@link BatchConsumerError}s. */
export function handOnBatch(ctx: ReadContext): void {
  if (ctx.onBatch === undefined) return;
  try {
    ctx.onBatch();
  } catch (error) {
    throw new BatchConsumerError(error);
  }
}

/**
 * Count a chunk of `bytes` read (the progress reported), after stopping the read when its signal is aborted: the
 * readers call it once per chunk, on the calling thread.
 */
export function chunkRead(ctx: ReadContext, bytes: number): void {
  const signal = ctx.signal;
  if (signal?.aborted === true) throw new BatchConsumerError(signal.reason);
  ctx.progress.advance(bytes, rowsRead(ctx));
}

/** Rows read so far, over all files: those handed on plus those in the builders. */
export function rowsRead(ctx: ReadContext): number {
  return ctx.drained + ctx.rows;
}

/** Where a batch's record sits in its file: a CSV line or a 1-based data row. */
export type Locate = (record: number) => { line?: number; row?: number };

/** A CSV record whose field count is wrong (it was never appended). */
export interface MalformedRecord {
  line: number;
  reason: string;
}

/**
 * Settle a batch of `count` records appended from builder length `base`: check the values against the
 * schema's value rules, then throw for the first invalid value ("error"), or drop the rows holding one and
 * count them ("drop"). Then hand the batch on, unless `handOn` is false (the caller settles more records first).
 */
export function settleBatch(
  ctx: ReadContext,
  base: number,
  count: number,
  issues: BatchIssues,
  locate: Locate,
  cellText: (record: number, column: number) => string,
  malformed: readonly MalformedRecord[] = [],
  handOn = true,
): void {
  checkValueRules(ctx.specs, ctx.builders, base, count, issues);
  if (issues.count === 0 && malformed.length === 0) {
    ctx.rows += count;
    if (handOn) handOnBatch(ctx);
    return;
  }
  const exampleOf = (i: number): InvalidValueExample & { expected: string } => {
    const record = issues.records[i] as number;
    const column = issues.columns[i] as number;
    const spec = ctx.specs[column] as ColumnSpec;
    const value = cellText(record, column);
    const { reason, expected } = describeIssue(spec, issues.kinds[i] ?? 0, value, issues.rules[i]);
    return { file: ctx.file, ...locate(record), column: spec.name, value, reason, expected };
  };
  if (ctx.invalid.mode === "error") {
    let best = -1;
    let bestKey = Number.POSITIVE_INFINITY;
    for (let i = 0; i < issues.count; i++) {
      const where = locate(issues.records[i] as number);
      const key = where.line ?? where.row ?? 0;
      if (key < bestKey) {
        bestKey = key;
        best = i;
      }
    }
    const firstMalformed = malformed[0];
    if (firstMalformed !== undefined && firstMalformed.line < bestKey) {
      throw new TableReadError({ file: ctx.file, line: firstMalformed.line, reason: firstMalformed.reason });
    }
    throw new TableReadError(exampleOf(best));
  }
  const keep = new Uint8Array(count).fill(1);
  let dropped = 0;
  // in file order (record, then column), whichever check found each: the examples kept and the order of the
  // counts do not depend on how the records were cut into batches
  const order = Array.from({ length: issues.count }, (_, i) => i).sort(
    (a, b) =>
      (issues.records[a] as number) - (issues.records[b] as number) ||
      (issues.columns[a] as number) - (issues.columns[b] as number),
  );
  // a malformed record counted at its line among the cells': the order does not depend on the batches either
  let nextMalformed = 0;
  const countMalformed = (beforeLine: number): void => {
    for (; nextMalformed < malformed.length; nextMalformed++) {
      const m = malformed[nextMalformed] as MalformedRecord;
      if (m.line >= beforeLine) return;
      ctx.invalid.count(MALFORMED_ROW, () => ({ file: ctx.file, line: m.line, reason: m.reason }));
    }
  };
  for (const i of order) {
    const record = issues.records[i] as number;
    if (malformed.length > nextMalformed) countMalformed(locate(record).line ?? Number.POSITIVE_INFINITY);
    if (keep[record] === 1) {
      keep[record] = 0;
      dropped++;
    }
    const spec = ctx.specs[issues.columns[i] as number] as ColumnSpec;
    ctx.invalid.count(spec.name, () => {
      const { expected: _, ...example } = exampleOf(i);
      return example;
    });
  }
  countMalformed(Number.POSITIVE_INFINITY);
  ctx.invalid.droppedRows += dropped + malformed.length;
  if (dropped > 0) for (const builder of ctx.builders) builder.filterTail(base, keep);
  ctx.rows += count - dropped;
  if (handOn) handOnBatch(ctx);
}

/** Remember that a file of the read was parsed on `threads` worker threads (the report gives the most). */
export function countThreads(ctx: ReadContext, threads: number): void {
  if (threads > (ctx.threads ?? 0)) ctx.threads = threads;
}
