import { adds, defineTransform, needs, type Pipe, type PipeEngine, pipe } from "@tablepipe/core";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { assertSameOnEngines, EngineMismatchError } from "./engine-parity";

const doubled = defineTransform({
  name: "doubled",
  columns: { x: needs({ type: "int", default: "x" }), y: adds({ type: "int", default: "y" }) },
  apply: (t, { x, y }) => t.derive({ [y]: aq.escape((d: Record<string, number>) => (d[x] ?? 0) * 2) }),
});
const orders = () => pipe(aq.table({ x: [1, 2, 3] })).transform(doubled);

/**
 * An engine that runs the pipe in process and changes its table by `change`, reporting each step as ran on
 * itself, or in process for the steps named in `declined`.
 */
function fakeEngine(
  change: (x: number) => number = (x) => x,
  declined: readonly string[] = [],
): PipeEngine<{ placement: { step: string; engine: string }[] }> {
  return {
    name: "fake",
    async runPipe<C extends string>(p: Pipe<C>) {
      const { table: out, trace } = p.run();
      const y = Array.from(out.array("y") as ArrayLike<number>, change);
      return {
        table: out.assign({ y }) as typeof out,
        trace,
        placement: trace.map((entry) => ({
          step: entry.step,
          engine: declined.includes(entry.step) ? "in-process" : "fake",
        })),
      };
    },
  };
}

describe("assertSameOnEngines", () => {
  it("passes when every engine gives the in-process table, with each listed step on the engine", async () => {
    await expect(assertSameOnEngines(orders(), [fakeEngine()], { onEngine: ["doubled"] })).resolves.toBe(
      undefined,
    );
  });

  it("names the engine and shows the rows that differ from in process", async () => {
    const error = await assertSameOnEngines(orders(), [fakeEngine((y) => (y === 4 ? 5 : y))]).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EngineMismatchError);
    expect(error).toMatchObject({ engine: "fake" });
    const message = (error as Error).message;
    expect(message.split("\n")[0]).toBe("fake differs from in process (actual: fake, expected: in process)");
    expect(message).toContain("5");
    expect((error as EngineMismatchError).tableDiff?.equal).toBe(false);
  });

  it("passes when an engine returns as null a NaN the in-process run keeps: one missing value", async () => {
    /** An engine that runs the pipe in process and gives each NaN of `v` as null, as DuckDB and Spark do. */
    const nanAsNull: PipeEngine<{ placement: { step: string; engine: string }[] }> = {
      name: "fake",
      async runPipe<C extends string>(p: Pipe<C>) {
        const { table: out, trace } = p.run();
        const v = Array.from(out.array("v") as ArrayLike<number>, (x) => (Number.isNaN(x) ? null : x));
        return { table: out.assign({ v }) as typeof out, trace, placement: [] };
      },
    };
    const withNaN = pipe(aq.table({ v: [1.5, Number.NaN, 3] }));
    await expect(assertSameOnEngines(withNaN, [nanAsNull])).resolves.toBe(undefined);
    const nanToZero = fakeEngine((y) => (y === 4 ? 0 : y));
    await expect(assertSameOnEngines(orders(), [nanToZero])).rejects.toThrow(EngineMismatchError);
  });

  it("accepts numbers within the tolerance", async () => {
    const close = fakeEngine((y) => y + 1e-12);
    await expect(assertSameOnEngines(orders(), [close])).rejects.toThrow(EngineMismatchError);
    await expect(assertSameOnEngines(orders(), [close], { tolerance: 1e-9 })).resolves.toBe(undefined);
  });

  it("fails when a step listed in onEngine ran in process, naming where each step ran", async () => {
    const run = assertSameOnEngines(orders(), [fakeEngine(undefined, ["doubled"])], {
      onEngine: ["doubled"],
    });
    await expect(run).rejects.toThrow(
      'fake: step "doubled" ran in-process, expected on fake (placement: doubled: in-process)',
    );
  });

  it("fails when onEngine names a step the pipe does not have", async () => {
    const run = assertSameOnEngines(orders(), [fakeEngine()], { onEngine: ["tripled"] });
    await expect(run).rejects.toThrow('fake: no step "tripled" in the pipe (its steps: doubled: fake)');
  });
});
