/** A transform's own `sql` checked against its contract on an engine, before its query runs (shared by the engines). */
import {
  adds,
  ContractViolationError,
  col,
  defineTransform,
  needs,
  pipe,
  StepFailedError,
  typedTable,
} from "@tablepipe/core";
import { derive } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { expectParity, type ParityEngine } from "./expect-parity";

const TYPES = { celsius: "float" } as const;

const readings = () =>
  typedTable(aq.table({ celsius: [1.5, -2, null] }), { celsius: { type: "float", nullable: true } });

/** Adds an int flag, 1 above zero, else 0; `sql` renders it (right or wrong). */
export const aboveZero = (sql: (column: string, output: string, quote: (name: string) => string) => string) =>
  defineTransform({
    name: "aboveZero",
    rowLocal: true,
    columns: {
      column: needs({ type: "float", default: "celsius" }),
      output: adds({ type: "int", default: "above" }),
    },
    apply: (table, { column, output }) =>
      table.derive({
        [output]: aq.escape((d: Record<string, number | null>) => ((d[column] ?? 0) > 0 ? 1 : 0)),
      }),
    sql: ({ column, output }, c) => `SELECT *, ${sql(column, output, c.quote)} FROM ${c.input}`,
  });

/** Adds celsius in kelvin; `sql` gives the rendering's whole query. */
const toKelvin = (sql: (input: string, quote: (name: string) => string, rowOrder: string) => string) =>
  defineTransform({
    name: "toKelvin",
    rowLocal: true,
    columns: {
      column: needs({ type: "float", default: "celsius" }),
      output: adds({ type: "float", default: "kelvin", nullable: true }),
    },
    apply: (table, { column, output }) =>
      table.derive({
        [output]: aq.escape((d: Record<string, number | null>) => {
          const v = d[column];
          return v === null || v === undefined ? null : v + 273.15;
        }),
      }),
    sql: (_, c) => sql(c.input, c.quote, c.rowOrder),
  });

const CONTRACT = /^(aboveZero|toKelvin): its SQL rendering breaks its column contract: /;

/** The engine's error for a pipe, checked to be a ContractViolationError of the step's contract. */
async function contractError(engine: ParityEngine, p: Parameters<ParityEngine["run"]>[0]): Promise<string> {
  const error = await engine.run(p, TYPES).then(
    () => new Error("the engine's run did not fail"),
    (e: unknown) => e as Error,
  );
  expect(error).toBeInstanceOf(ContractViolationError);
  expect(error.message).toMatch(CONTRACT);
  return error.message;
}

/**
 * A step's own rendering whose output does not fit its contract (an added column of another type, a column it
 * adds or keeps missing, an undeclared column) fails with a ContractViolationError naming the step, the column,
 * what its SQL gives and what the contract says, before the query runs; a fitting one runs as in process.
 */
export function describeOwnRenderingContract(engine: ParityEngine, enabled = true): void {
  describe.runIf(enabled)(
    `a transform's own sql checked against its contract on ${engine.name}`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      it("refuses an added int column its SQL gives as booleans", async () => {
        const p = pipe(readings()).transform(
          aboveZero((column, output, q) => `${q(column)} > 0 AS ${q(output)}`),
        );
        expect(p.run().table.array("above")).toEqual([1, 0, 0]);
        expect(await contractError(engine, p)).toBe(
          'aboveZero: its SQL rendering breaks its column contract: its SQL gives column "above" as BOOLEAN, but its contract adds it as int',
        );
      });

      it("refuses an added float column its SQL gives as text", async () => {
        const p = pipe(readings()).transform(
          toKelvin(
            (input, q, row) =>
              `SELECT ${q("celsius")}, ${row}, CAST(${q("celsius")} + 273.15 AS STRING) AS ${q("kelvin")} FROM ${input}`,
          ),
        );
        expect(await contractError(engine, p)).toMatch(
          /^toKelvin: its SQL rendering breaks its column contract: its SQL gives column "kelvin" as (VARCHAR|STRING), but its contract adds it as float$/,
        );
      });

      it("names the step whose SQL misspells the column it adds, not the next step", async () => {
        const kelvn = toKelvin((input, q) => `SELECT *, ${q("celsius")} + 273.15 AS kelvn FROM ${input}`);
        const expected =
          'toKelvin: its SQL rendering breaks its column contract: does not output column "kelvin", which its contract adds; ' +
          'outputs column "kelvn", which its contract does not add (declare it: an adds() column param, or contract: () => ({ adds: ["kelvn"] })); ' +
          "its SQL outputs: celsius, kelvn";
        expect(await contractError(engine, pipe(readings()).transform(kelvn))).toBe(expected);
        const next = pipe(readings())
          .transform(kelvn)
          .transform(derive, { columns: { k2: col("kelvin") } });
        expect(await contractError(engine, next)).toBe(expected);
      });

      it("names the step whose SQL drops a column its contract keeps", async () => {
        const p = pipe(readings()).transform(
          toKelvin(
            (input, q, row) => `SELECT ${row}, ${q("celsius")} + 273.15 AS ${q("kelvin")} FROM ${input}`,
          ),
        );
        expect(await contractError(engine, p)).toBe(
          'toKelvin: its SQL rendering breaks its column contract: does not output column "celsius", which its contract keeps; its SQL outputs: kelvin',
        );
      });

      it("refuses a column its contract does not add", async () => {
        const p = pipe(readings()).transform(
          aboveZero(
            (column, output, q) => `CASE WHEN ${q(column)} > 0 THEN 1 ELSE 0 END AS ${q(output)}, 2 AS extra`,
          ),
        );
        expect(await contractError(engine, p)).toMatch(
          /: outputs column "extra", which its contract does not add \(declare it: .*\); its SQL outputs: celsius, above, extra$/,
        );
      });

      it("still names a rendering that drops the row order with its own fix", async () => {
        const p = pipe(readings()).transform(
          toKelvin(
            (input, q) => `SELECT ${q("celsius")}, ${q("celsius")} + 273.15 AS ${q("kelvin")} FROM ${input}`,
          ),
        );
        const error = await engine.run(p, TYPES).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StepFailedError);
        expect((error as Error).message).toMatch(
          /^toKelvin: its SQL rendering drops the hidden row-order column/,
        );
      });

      it("runs a rendering that fits its contract, as in process", async () => {
        const p = pipe(readings())
          .transform(
            aboveZero((column, output, q) => `CASE WHEN ${q(column)} > 0 THEN 1 ELSE 0 END AS ${q(output)}`),
          )
          .transform(
            toKelvin((input, q) => `SELECT *, ${q("celsius")} + 273.15 AS ${q("kelvin")} FROM ${input}`),
          );
        const result = await expectParity(p, engine, TYPES);
        expect(result.placement.map((step) => step.engine)).toEqual([engine.name, engine.name]);
      });
    },
  );
}
