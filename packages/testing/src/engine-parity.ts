import type { Pipe, PipeEngine } from "@tablepipe/core";
import { formatTableDiff } from "./format-diff";
import { diffTables, type TableDiff, type TableEqualityOptions } from "./table-diff";

/** Options of {@link assertSameOnEngines}: how tables compare, and which steps must run on the engines. */
export interface EngineParityOptions extends TableEqualityOptions {
  /**
   * Steps (by name, or by path through composed transforms: `prepare > keepSales`) that must run on every
   * engine, not fall back to in process: a `sql` rendering the engine never uses is never tested.
   */
  readonly onEngine?: readonly string[];
}

/** Where one step ran, as an engine reports it (`placement` of DuckDB's and Spark's run results). */
interface ReportedPlacement {
  readonly step: string;
  readonly engine: string;
}

/** Thrown by {@link assertSameOnEngines}: the engine, and what differs from the in-process run or where a step ran. */
export class EngineMismatchError extends Error {
  override readonly name = "EngineMismatchError";
  readonly engine: string;
  // not `diff`: vitest prints an error's `diff` (own or inherited) as its diff text
  readonly #diff: TableDiff | undefined;

  constructor(engine: string, message: string, diff?: TableDiff) {
    super(message);
    this.engine = engine;
    this.#diff = diff;
  }

  /** The table diff against the in-process run; undefined when a step ran in the wrong place. */
  get tableDiff(): TableDiff | undefined {
    return this.#diff;
  }
}

function placementOf(result: object): readonly ReportedPlacement[] | undefined {
  const placement = (result as { placement?: unknown }).placement;
  return Array.isArray(placement) ? (placement as ReportedPlacement[]) : undefined;
}

/** Whether `step` (a step path) is `name` or a step under it, or ends with it (`prepare > keepSales` for `keepSales`). */
function isStep(step: string, name: string): boolean {
  return step === name || step.startsWith(`${name} > `) || step.endsWith(` > ${name}`);
}

function checkPlacement(engine: string, result: object, onEngine: readonly string[]): void {
  if (onEngine.length === 0) return;
  const placement = placementOf(result);
  if (placement === undefined) {
    throw new EngineMismatchError(
      engine,
      `${engine}: the engine does not report where each step ran (no placement)`,
    );
  }
  for (const name of onEngine) {
    const steps = placement.filter((p) => isStep(p.step, name));
    const where = placement.map((p) => `${p.step}: ${p.engine}`).join(", ");
    if (steps.length === 0) {
      throw new EngineMismatchError(engine, `${engine}: no step "${name}" in the pipe (its steps: ${where})`);
    }
    const elsewhere = steps.filter((p) => p.engine !== engine);
    if (elsewhere.length > 0) {
      const step = elsewhere[0] as ReportedPlacement;
      throw new EngineMismatchError(
        engine,
        `${engine}: step "${step.step}" ran ${step.engine}, expected on ${engine} (placement: ${where}); ` +
          "a step without `sql`, or whose `sql` returns undefined for its params, runs in process",
      );
    }
  }
}

/**
 * Asserts that a pipe gives the in-process table on every engine: runs it in process, then on each engine in
 * turn, and throws an {@link EngineMismatchError} naming the first engine whose table differs (with the
 * readable row diff), or on which a step listed in `onEngine` did not run. How a custom transform's `sql`
 * is tested against its `apply`. Tables compare as {@link assertTablesEqual} does (exactly, unless `tolerance`).
 * @example await assertSameOnEngines(pipe(orders).transform(keepSales), [duckdb()], { onEngine: ["keepSales"] })
 */
export async function assertSameOnEngines(
  pipe: Pipe<string>,
  engines: readonly PipeEngine[],
  options: EngineParityOptions = {},
): Promise<void> {
  const { onEngine = [], ...equality } = options;
  const expected = pipe.run().table;
  for (const engine of engines) {
    const result = await pipe.run({ engine });
    const diff = diffTables(result.table, expected, equality);
    if (!diff.equal) {
      throw new EngineMismatchError(
        engine.name,
        `${engine.name} differs from in process (actual: ${engine.name}, expected: in process)\n${formatTableDiff(diff)}`,
        diff,
      );
    }
    checkPlacement(engine.name, result, onEngine);
  }
}
