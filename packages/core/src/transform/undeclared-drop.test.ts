import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { pipe } from "../pipe/pipe";
import { typedTable } from "../schema/typed-table";
import { needs, removes } from "./column-params";
import { defineTransform } from "./define-transform";
import { ContractViolationError } from "./errors";

/** Keeps only its column, dropping the others without saying so in its contract. */
const sneaky = defineTransform({
  name: "sneaky",
  columns: { c: needs("x") },
  apply: (table, { c }) => table.select(c),
});

const rides = () =>
  typedTable(aq.table({ x: [1, 2], comment: ["a", null] }), {
    x: { type: "int", nullable: false },
    comment: { type: "string", nullable: true },
  });

describe("a column the output lacks that the contract does not remove", () => {
  it("is a contract violation naming the step, the column and how to declare it", () => {
    expect(() => sneaky(rides())).toThrow(ContractViolationError);
    expect(() => sneaky(rides())).toThrow(
      'sneaky: the implementation broke its column contract: dropped column "comment", which its ' +
        'contract does not remove (declare it: a removes() column param, or contract: () => ({ removes: ["comment"] }))',
    );
  });

  it("stops a pipe at that step, not at the next one", () => {
    expect(() => pipe(rides()).transform(sneaky).run()).toThrow(
      /^sneaky: the implementation broke its column contract: dropped column "comment"/,
    );
  });

  it("is fine once declared, in a removes() param or the contract", () => {
    const declared = defineTransform({
      name: "declared",
      columns: { c: needs("x"), drop: removes("comment") },
      apply: (table, { c }) => table.select(c),
    });
    expect(pipe(rides()).transform(declared).run().table.columnNames()).toEqual(["x"]);
    const computed = defineTransform({
      name: "computed",
      columns: { c: needs("x") },
      contract: () => ({ removes: ["comment"] }),
      apply: (table, { c }) => table.select(c),
    });
    expect(computed(rides()).columnNames()).toEqual(["x"]);
  });
});
