import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { defineTransform } from "../transform/define-transform";
import type { Table } from "../transform/table";
import { compose } from "./compose";
import { type Pipe, pipe } from "./pipe";
import { step } from "./step";

/** What a JavaScript caller may pass where TypeScript would refuse it. */
const untyped = (value: unknown): never => value as never;

const keepAll = defineTransform({ name: "keepAll", apply: (table) => table });
const numbers = () => aq.table({ x: [1, 2, 3] });

describe("pipe() from JavaScript", () => {
  it("refuses what is not a table at once, saying what it got", () => {
    const source = { format: "table", path: "x.parquet", sql: "SELECT 1" } as { table?: Table<"x"> };
    expect(() => pipe(untyped(source.table))).toThrow(/^pipe\(\) needs an arquero table, got undefined$/);
    expect(() => pipe(untyped(null))).toThrow("pipe() needs an arquero table, got null");
    expect(() => pipe(untyped(Promise.resolve(numbers())))).toThrow(
      "pipe() needs an arquero table, got a Promise (await it first)",
    );
    expect(() => pipe(untyped(source))).toThrow(
      "pipe() needs an arquero table, got an object with keys format, path, sql",
    );
    expect(pipe(numbers()).value().numRows()).toBe(3);
  });

  it("refuses, before running, an engine that is not one", async () => {
    await expect(pipe(numbers()).run({ engine: untyped("duckdb") })).rejects.toThrow(
      'run({ engine }) needs an engine (duckdb(), spark(remote): an object with runPipe), got the string "duckdb"',
    );
  });
});

describe("compose() from JavaScript", () => {
  it("names step(...) when the steps function takes its params for a pipe", () => {
    const wrong = compose({
      name: "wrong",
      params: z.object({ max: z.number().default(2) }),
      steps: untyped((p: Pipe<"x">) => p.transform(keepAll)),
    });
    const run = () => pipe(numbers()).transform(wrong).value();
    expect(run).toThrow(TypeError);
    expect(run).toThrow(
      /^wrong: its steps function failed \(.*transform is not a function\); it is given the composite's params, not a pipe: steps is a list of steps, or a function of the composite's params that returns one: \(params\) => \[step\(dropDuplicates\), /,
    );
  });

  it("refuses steps that are not a list of steps, naming the item", () => {
    expect(() => compose({ name: "bare", steps: untyped([keepAll]) })).toThrow(
      /^bare: step 1 of its steps is not a step: got a transform \(wrap it: step\(transform, params\)\); steps is a list/,
    );
    expect(() => compose({ name: "one", steps: untyped(step(keepAll)) })).toThrow(
      /^one: expected a list of steps, got an object with keys /,
    );
    const single = compose({ name: "single", steps: untyped(() => step(keepAll)) });
    expect(() => pipe(numbers()).transform(single).value()).toThrow(
      /^single: expected a list of steps, got /,
    );
    const fine = compose({ name: "fine", steps: () => [step(keepAll)] });
    expect(pipe(numbers()).transform(fine).value().numRows()).toBe(3);
  });
});
