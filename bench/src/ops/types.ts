/** What each engine of the group-by and join benchmark provides (one module per engine). */
import type { Op } from "../ops-spec";

/** A result's columns as JS values (numbers or text), for the cross-engine check. */
export type ResultColumns = Record<string, ArrayLike<number | string | null>>;

/** One engine: load the inputs, run an operation (result materialised), read the result back. */
export interface OpsEngine<Loaded, Result> {
  /** Read the tables `op` needs from the sample folder into the engine's memory. */
  load(dir: string, op: Op): Promise<Loaded>;
  /** Run `op` on the loaded tables; the result is complete when the promise settles. */
  run(op: Op, loaded: Loaded): Promise<Result>;
  /** The number of rows of a result. */
  rows(result: Result): Promise<number>;
  /** A result's columns (the same names in every engine), for the equality check. */
  columns(op: Op, result: Result): Promise<ResultColumns>;
}
