import type { FirstDistinctRows, FirstRowsCutoff, TraceEntry } from "@tablepipe/core";
import {
  executePlan,
  type PlannedStep,
  primitiveTraceEntry,
  runFirstDistinctStep,
  runPrimitiveStep,
  TableAccumulator,
} from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";
import { RowFingerprints } from "./row-fingerprints";

/**
 * When to compact: once the new rows held fill `minPendingCells` values (rows × columns; 2^24, ~130 MB of
 * numbers: ~990k rows of 17 columns), or `minPendingRows` rows when that is set (tests). A compaction costs a
 * run of the pair on the rows held, and the final run reads its candidates again, so it only pays once many
 * rows are held: at 2^18 rows, 1M taxi trips (342k rows reach the pair) took ~67 ms longer than with one run at
 * the end. Smaller inputs run exactly as without it. A setting, not a constant, so that tests can make the
 * streamed read compact on small inputs; not part of the package's API.
 */
export const candidateSettings: { minPendingCells: number; minPendingRows?: number } = {
  minPendingCells: 1 << 24,
};

/** New rows held before a compaction, for rows of `columns` columns (see {@link candidateSettings}). */
function minPendingRowsOf(columns: number): number {
  return (
    candidateSettings.minPendingRows ??
    Math.max(1, Math.floor(candidateSettings.minPendingCells / Math.max(1, columns)))
  );
}

/**
 * The dedupe and first-N pair a streamed read can run as the batches arrive: a dedupe on every column, then a
 * step that keeps the first `n` rows per group under a total order (see `keepsFirstRowsPerGroup`), right
 * after the streamed steps, which must add no column (the values are the reader's own: one kind of missing
 * value per column, so rows tied on every column are exactly the rows the dedupe calls equal).
 */
export function candidatePair(
  sourceColumns: readonly string[],
  streamed: readonly PlannedStep[],
  rest: readonly PlannedStep[],
): readonly [PlannedStep, PlannedStep] | undefined {
  const [dedupe, firstN] = rest;
  if (dedupe === undefined || firstN === undefined) return undefined;
  if (dedupe.children.length > 0 || !dedupe.transform.dropsDuplicateRows(dedupe.resolved)) return undefined;
  if (firstN.children.length > 0 || firstN.transform.keepsFirstRowsPerGroup?.(firstN.resolved) !== true)
    return undefined;
  const source = new Set(sourceColumns);
  const columns = streamed.at(-1)?.columnsOut ?? sourceColumns;
  return columns.every((c) => source.has(c)) ? [dedupe, firstN] : undefined;
}

/**
 * The rows streamed into a dedupe + first-N pair, kept bounded: whenever the rows held pass a threshold, the
 * pair runs on them (candidates so far, then the new rows, in input order) and only its output is kept.
 * A row it drops is a later copy of a kept row, or has `n` distinct rows of its group ahead of it, which no
 * later row can undo; so the pair run once more on the candidates at the end gives the table it gives on
 * every row, row for row and in the same order, while memory holds about `groups × n` rows, not all rows.
 */
export class CandidateRows {
  readonly #dedupe: PlannedStep;
  readonly #firstN: PlannedStep;
  readonly #columns: readonly string[];
  #held = new TableAccumulator();
  #candidates = 0;
  /** Rows given to {@link append} or dropped by {@link cut}, milliseconds per step. */
  #fed = 0;
  #dedupeMs = 0;
  #firstNMs = 0;
  readonly #minPending: number;
  /**
   * Every row streamed in since the first compaction let rows go (and all held then): the distinct rows, so a
   * later copy of a row let go still counts as a duplicate. Undefined while nothing was let go (the final run's
   * dedupe then counts them all).
   */
  #fingerprints: RowFingerprints | undefined;
  /** The first-N step's cutoff, and its test from the latest compaction's candidates. */
  readonly #cutoff: FirstRowsCutoff | undefined;
  #dropPast: ((later: ColumnTable) => ColumnTable) | undefined;

  /** `minPending`: new rows held before a compaction (tests make it small). */
  constructor(
    pair: readonly [PlannedStep, PlannedStep],
    columns: readonly string[],
    minPending = minPendingRowsOf(columns.length),
  ) {
    [this.#dedupe, this.#firstN] = pair;
    this.#columns = columns;
    this.#minPending = minPending;
    this.#cutoff = this.#firstN.transform.firstRowsCutoff?.(this.#firstN.resolved);
  }

  /** The columns a table needs for {@link cut} to test its rows (undefined: nothing is ever cut). */
  get cutColumns(): readonly string[] | undefined {
    return this.#cutoff?.columns;
  }

  /**
   * `later` without the rows that can no longer be kept: rows of a group whose `n` candidates all come
   * strictly before them (the first-N step's cutoff, from the latest compaction). They count as rows streamed
   * in that the first-N step drops. `later` must hold {@link cutColumns}; it is returned as it is before the
   * first compaction.
   */
  cut(later: ColumnTable): ColumnTable {
    if (this.#dropPast === undefined) return later;
    const started = performance.now();
    const kept = this.#dropPast(later);
    this.#fed += later.numRows() - kept.numRows();
    this.#firstNMs += performance.now() - started;
    return kept;
  }

  /**
   * Note the rows about to be cut or appended (all of them, before {@link cut}): `table`'s rows, or `part`'s rows
   * at `rows` (a narrow batch's positions in the whole one). A no-op until a compaction has let rows go.
   */
  see(table: ColumnTable, rows?: ArrayLike<number>): void {
    if (this.#fingerprints === undefined) return;
    const started = performance.now();
    this.#fingerprints.add(table, this.#columns, rows);
    this.#dedupeMs += performance.now() - started;
  }

  /** Hold the rows `part` shows; compact when enough new rows are held. */
  append(part: ColumnTable): void {
    this.#held.append(part);
    this.#fed += part.numRows();
    if (this.#held.numRows - this.#candidates >= Math.max(this.#minPending, 2 * this.#candidates)) {
      this.#compact();
    }
  }

  #compact(): void {
    const all = this.#held.finish(this.#columns);
    const started = performance.now();
    if (this.#fingerprints === undefined) {
      // rows are let go from now on: every row so far is held here, and each later one is seen before its cut
      this.#fingerprints = new RowFingerprints();
      this.#fingerprints.add(all, this.#columns);
    }
    this.#dedupeMs += performance.now() - started;
    // the fingerprints count the distinct rows from here on: the pair's own count is not needed
    const kept = this.#runPair(all).table;
    this.#held = new TableAccumulator();
    this.#held.append(kept);
    this.#candidates = kept.numRows();
    this.#dropPast = this.#cutoff?.from(kept);
  }

  /**
   * The dedupe and the first-N step on `table`, their time added to theirs: in one run when the first-N step
   * can (its `keepFirstDistinctRows`: the time is then all the first-N step's), else one after the other.
   */
  #runPair(table: ColumnTable): FirstDistinctRows {
    const started = performance.now();
    if (this.#firstN.transform.keepFirstDistinctRows !== undefined) {
      const pair = runFirstDistinctStep(this.#dedupe, this.#firstN, table);
      this.#firstNMs += performance.now() - started;
      return pair;
    }
    const distinct = runPrimitiveStep(this.#dedupe, table);
    const between = performance.now();
    this.#dedupeMs += between - started;
    const kept = runPrimitiveStep(this.#firstN, distinct);
    this.#firstNMs += performance.now() - between;
    return { table: kept, distinctRows: distinct.numRows() };
  }

  /** The candidates (a table the pair still has to run on, in input order). */
  finish(): ColumnTable {
    return this.#held.finish(this.#columns);
  }

  /**
   * The final run: the pair, then the steps after it (`rest` starts with the pair), on the candidates
   * `table` ({@link finish}, with its schema); the trace made to count every row streamed in
   * (see `#adjustTrace`).
   */
  runRest(table: ColumnTable, rest: readonly PlannedStep[]): { table: ColumnTable; trace: TraceEntry[] } {
    const pair = this.#runPair(table);
    const after = executePlan(pair.table, rest.slice(2));
    const { distinctRows } = pair;
    const pairTrace = [
      primitiveTraceEntry(this.#dedupe, { rowsIn: table.numRows(), rowsOut: distinctRows, ms: 0 }),
      primitiveTraceEntry(this.#firstN, { rowsIn: distinctRows, rowsOut: pair.table.numRows(), ms: 0 }),
    ];
    return { table: after.table, trace: this.#adjustTrace([...pairTrace, ...after.trace]) };
  }

  /**
   * The trace of the pair's final run, made to count every row streamed in: the dedupe's rows in are all rows
   * it was given, those {@link cut} dropped included; its rows out are the distinct rows among them, as a dedupe
   * of all of them counts them (a copy of a row a compaction or the cut had let go counts as a duplicate: see
   * {@link see}); milliseconds are the pair's runs (compactions and the final one), the cuts and the counting.
   */
  #adjustTrace(trace: readonly TraceEntry[]): TraceEntry[] {
    const [dedupe, firstN, ...others] = trace;
    if (dedupe === undefined || firstN === undefined) return [...trace];
    // without a compaction, the final run's dedupe saw every row but those cut (none: nothing is cut before one)
    const distinct = this.#fingerprints?.size ?? this.#fed - (dedupe.rowsIn - dedupe.rowsOut);
    return [
      { ...dedupe, rowsIn: this.#fed, rowsOut: distinct, ms: dedupe.ms + this.#dedupeMs },
      { ...firstN, rowsIn: distinct, ms: firstN.ms + this.#firstNMs },
      ...others,
    ];
  }
}
