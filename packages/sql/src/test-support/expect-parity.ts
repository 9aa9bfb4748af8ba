/** Running a pipe in process and on an engine, and comparing (parity tests of the SQL engines). */
import { type Pipe, type PipeResult, schemaOf } from "@tablepipe/core";
import { expect } from "vitest";
import type { ColumnType } from "../column-types";
import { expectSameTable } from "./same-table";

/** An engine under test: its placement name, how many random cases per property, and how to run a pipe. */
export interface ParityEngine {
  /** The engine's name in `placement` (`duckdb`, `spark`). */
  readonly name: string;
  /** Random cases per property. */
  readonly runs: number;
  /** A test's time limit (default 30 s): a remote engine spends a second or so per query. */
  readonly timeoutMs?: number;
  /** Run a pipe on the engine, its tables' columns typed by `columnTypes`. */
  run<C extends string>(
    pipe: Pipe<C>,
    columnTypes: Readonly<Record<string, ColumnType>>,
  ): Promise<
    PipeResult<C> & { readonly placement: readonly { readonly step: string; readonly engine: string }[] }
  >;
}

/** Run a pipe in process and on the engine; assert equal tables, schemas and row counts; returns the engine's result. */
export async function expectParity<C extends string>(
  pipe: Pipe<C>,
  engine: ParityEngine,
  columnTypes: Readonly<Record<string, ColumnType>> = {},
): ReturnType<ParityEngine["run"]> {
  const reference = pipe.run();
  const result = await engine.run(pipe, columnTypes);
  expectSameTable(result.table, reference.table);
  expect(schemaOf(result.table)).toEqual(schemaOf(reference.table));
  const counts = (trace: typeof reference.trace) => trace.map((e) => [e.step, e.rowsIn, e.rowsOut]);
  expect(counts(result.trace)).toEqual(counts(reference.trace));
  return result;
}

/**
 * Run a pipe in process and on the engine; assert both fail with the same message (the in-process one, which
 * must match `pattern`).
 */
export async function expectSameFailure(
  pipe: Pipe<string>,
  engine: ParityEngine,
  columnTypes: Readonly<Record<string, ColumnType>>,
  pattern: RegExp,
): Promise<void> {
  const message = inProcessMessage(pipe);
  expect(message).toMatch(pattern);
  const failure = await engine.run(pipe, columnTypes).then(
    () => "the engine's run did not fail",
    (error: unknown) => (error as Error).message,
  );
  expect(failure).toBe(message);
}

/** The message of the error the in-process run of `p` throws; throws when it runs through. */
export function inProcessMessage(p: Pipe<string>): string {
  try {
    p.run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the in-process run did not fail");
}
