import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { pipe } from "../pipe/pipe";
import { schemaOf } from "../schema/registry";
import { typedTable } from "../schema/typed-table";
import { adds, needs } from "./column-params";
import { defineTransform } from "./define-transform";
import { ContractViolationError } from "./errors";

/** Adds a column its contract does not declare. */
const sneaky = defineTransform({
  name: "sneaky",
  columns: { c: needs("x") },
  apply: (table) => table.derive({ extra: () => 1 }),
});

const rides = () =>
  typedTable(aq.table({ x: [1, 2], comment: ["a", null] }), {
    x: { type: "int", nullable: false },
    comment: { type: "string", nullable: true },
  });

describe("a column the output has that the contract does not add", () => {
  it("is a contract violation naming the step, the column and how to declare it", () => {
    expect(() => sneaky(rides())).toThrow(ContractViolationError);
    expect(() => sneaky(rides())).toThrow(
      'sneaky: the implementation broke its column contract: added column "extra", which its ' +
        'contract does not add (declare it: an adds() column param, or contract: () => ({ adds: ["extra"] }))',
    );
  });

  it("stops a pipe at that step, and names every such column", () => {
    expect(() => pipe(rides()).transform(sneaky).run()).toThrow(
      /^sneaky: the implementation broke its column contract: added column "extra"/,
    );
    const two = defineTransform({
      name: "two",
      columns: { c: needs("x") },
      apply: (table) => table.derive({ a: () => 1, b: () => 2 }),
    });
    expect(() => two(rides())).toThrow('added columns "a", "b", which its contract does not add');
  });

  it("is fine once declared, in an adds() param or the contract", () => {
    const declared = defineTransform({
      name: "declared",
      columns: { c: needs("x"), out: adds({ type: "int", default: "extra" }) },
      apply: (table, { out }) => table.derive({ [out]: () => 1 }),
    });
    expect(schemaOf(pipe(rides()).transform(declared).run().table).extra?.type).toBe("int");
    const computed = defineTransform({
      name: "computed",
      columns: { c: needs("x") },
      contract: () => ({ adds: ["extra"] }),
      apply: (table) => table.derive({ extra: () => 1 }),
    });
    expect(computed(rides()).columnNames()).toEqual(["x", "comment", "extra"]);
  });
});
