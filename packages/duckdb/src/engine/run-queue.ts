import type { DuckDb } from "./duckdb-database";

/**
 * The runs on a shared database take turns: a run changes the connection's settings for its query (the profiler,
 * its output file, the optimizers) and reads its result in chunks, so another run's statement in between would
 * close that result (an empty table, or DuckDB's "closed pending query result") or leave the wrong settings.
 * Each database keeps the promise its last queued run resolves when done; a run waits for it.
 */
const lastTurn = new WeakMap<DuckDb, Promise<void>>();

/**
 * Wait until the runs queued on `db` before this one are done; returns the function that ends this run's turn
 * (call it once, when the run has dropped its relations, whatever happened).
 * @example const done = await takeTurn(db); try { await query(db) } finally { done() }
 */
export async function takeTurn(db: DuckDb): Promise<() => void> {
  const before = lastTurn.get(db);
  let done = (): void => {};
  const turn = new Promise<void>((resolve) => {
    done = resolve;
  });
  lastTurn.set(db, turn);
  // a run alone waits for nothing: no extra step on the way
  if (before !== undefined) await before;
  return () => {
    if (lastTurn.get(db) === turn) lastTurn.delete(db);
    done();
  };
}
