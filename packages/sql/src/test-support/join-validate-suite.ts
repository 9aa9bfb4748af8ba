/**
 * The parity of `join`'s `validate`: the right table checked when rendered, then pushed down; one-to-one's left
 * keys checked in the query.
 */
import { col, eq, pipe } from "@tablepipe/core";
import { derive, filter, join } from "@tablepipe/transforms";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectParity, expectSameFailure, type ParityEngine } from "./expect-parity";
import { oneToOneCases } from "./join-one-to-one-cases";
import { ORDER_TYPES, orderRows, ordersTable } from "./random-tables";

/** The engine's step names in placement order. */
const engines = (placement: readonly { readonly engine: string }[]): string[] =>
  placement.map((s) => s.engine);

/**
 * `join` with `validate` for one SQL engine: `many-to-one` over a right table whose keys are unique runs on the
 * engine, the join and every later step, equal to the in-process run; a repeated right key fails before any query
 * with the in-process error naming the first right row whose key appears again; `one-to-one` runs on the engine
 * too, a repeated left key (of the step's input: the rows earlier steps kept) failing with the in-process error
 * that names the first left row whose key appears again, whatever later steps keep.
 */
export function describeJoinValidateParity(engine: ParityEngine, enabled = true): void {
  describe.runIf(enabled)(
    `join with validate on ${engine.name}, as in process`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      it("many-to-one over unique right keys: the join and later steps run on the engine", async () => {
        // unique ids, and missing keys (which never count) repeated
        const right = fc
          .uniqueArray(fc.integer({ min: 1, max: 5 }), { maxLength: 4 })
          .chain((ids) => fc.shuffledSubarray([...ids, null, null, Number.NaN]))
          .map((ids) => aq.table({ id: ids, label: ids.map((id) => (id === null ? "none" : `L${id}`)) }));
        const how = fc.constantFrom("inner", "left", "right", "full", "semi", "anti" as const);
        await fc.assert(
          fc.asyncProperty(orderRows, right, how, async (rows, lookup, kind) => {
            const p = pipe(ordersTable(rows))
              .transform(join, { right: lookup, on: ["id"], how: kind, validate: "many-to-one" })
              .transform(filter, { where: eq(col("status"), "paid") })
              .transform(derive, { columns: { twice: col("amount") } });
            const result = await expectParity(p, engine, ORDER_TYPES);
            expect(engines(result.placement)).toEqual([engine.name, engine.name, engine.name]);
          }),
          { numRuns: Math.max(3, Math.ceil(engine.runs / 3)) },
        );
      });

      it("many-to-one over a repeated right key fails with the in-process error, naming the same key", async () => {
        const orders = ordersTable([
          { id: 4, status: "paid", amount: 5, paid: true, at: null },
          { id: 1, status: "open", amount: 10, paid: false, at: null },
        ]);
        // 2 is the first right row whose key appears again (the left lists 4 and 1 first)
        const right = aq.table({
          id: [3, 2, 4, 2, 4, 1, 1, null, null],
          label: ["a", "b", "c", "d", "e", "f", "g", "h", "i"],
        });
        for (const how of ["inner", "left", "semi"] as const) {
          await expectSameFailure(
            pipe(orders)
              .transform(join, { right, on: ["id"], how, validate: "many-to-one" })
              .transform(filter, { where: eq(col("status"), "paid") }),
            engine,
            ORDER_TYPES,
            /^join\(id\): validate "many-to-one": the key \(id = 2\) appears more than once in the right table/,
          );
        }
        const pairs = aq.table({
          id: [1, 2, 1, 2],
          status: ["paid", "open", "paid", null],
          label: ["a", "b", "c", "d"],
        });
        await expectSameFailure(
          pipe(orders).transform(join, { right: pairs, on: ["id", "status"], validate: "many-to-one" }),
          engine,
          ORDER_TYPES,
          /^join\(id\+status\): validate "many-to-one": the key \(id = 1, status = "paid"\) appears more than once in the right table/,
        );
      });

      oneToOneCases(engine);
    },
  );
}
