/**
 * typedTable checks a zod row schema's value rules as readTable does: a value that breaks one is a
 * SchemaMismatchError naming the column, the row, the value and the rule in words.
 */

import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { SchemaMismatchError } from "../transform/errors";
import { typedTable } from "./typed-table";

const rejects = (run: () => unknown, message: string): void => {
  expect(run).toThrow(SchemaMismatchError);
  expect(run).toThrow(message);
};

describe("typedTable with a zod schema's value rules", () => {
  it("refuses a value that breaks a bound, a regex, a format or an enum, naming column, row and value", () => {
    rejects(
      () => typedTable(aq.table({ v: [1, -1] }), z.object({ v: z.int().min(0) })),
      `typedTable: column "v", row 1: -1 breaks the schema's rule: expected at least 0`,
    );
    rejects(
      () => typedTable(aq.table({ v: ["12", "x"] }), z.object({ v: z.string().regex(/^\d+$/) })),
      `typedTable: column "v", row 1: "x" breaks the schema's rule: expected matching /^\\d+$/`,
    );
    rejects(
      () => typedTable(aq.table({ v: [null, "nope"] }), z.object({ v: z.email().nullable() })),
      `typedTable: column "v", row 1: "nope" breaks the schema's rule: expected an email address`,
    );
    rejects(
      () => typedTable(aq.table({ v: ["a", "c"] }), z.object({ v: z.enum(["a", "b"]) })),
      `typedTable: column "v", row 1: "c" is not an allowed value (expected one of "a", "b")`,
    );
  });

  it("checks a time stamp's rule on its wall-clock time, and a refinement with its message", () => {
    rejects(
      () =>
        typedTable(
          aq.table({ at: [Date.UTC(2018, 0, 1), Date.UTC(2017, 11, 31, 23, 59)] }),
          z.object({ at: z.date().min(new Date("2018-01-01")) }),
        ),
      `typedTable: column "at", row 1: 2017-12-31 23:59:00 breaks the schema's rule: expected at or after 2018-01-01 00:00:00`,
    );
    rejects(
      () => typedTable(aq.table({ n: [2, 3] }), z.object({ n: z.int().refine((x) => x % 2 === 0, "even") })),
      `typedTable: column "n", row 1: 3 breaks the schema's rule: expected the refinement "even"`,
    );
  });

  it("passes values that keep the rules, and does not check a missing value of a nullable column", () => {
    const schema = z.object({ v: z.int().min(0).nullable(), s: z.enum(["a", "b"]).optional() });
    const t = typedTable(aq.table({ v: [0, null, 5], s: ["a", null, "b"] }), schema);
    expect(t.numRows()).toBe(3);
    // the rows a filtered view shows are the ones checked and counted
    const view = aq.table({ v: [-1, 2, -3, 4] }).filter((d: { v: number }) => d.v > 0);
    expect(typedTable(view, z.object({ v: z.int().min(0) })).numRows()).toBe(2);
    rejects(
      () =>
        typedTable(
          aq.table({ v: [-1, 2, -3] }).filter((d: { v: number }) => d.v !== -1),
          z.object({ v: z.int().min(0) }),
        ),
      `typedTable: column "v", row 1: -3 breaks`,
    );
  });

  it("refuses a rule it cannot check value by value, naming it", () => {
    expect(() => typedTable(aq.table({ v: ["a"] }), z.object({ v: z.string().trim() }))).toThrow(
      /typedTable: the schema has rules that cannot be checked:\n- column v: a transformation \(\.trim\(\)/,
    );
    const row = z.object({ a: z.int(), b: z.int() }).refine((r) => r.a < r.b, "a before b");
    expect(() => typedTable(aq.table({ a: [1], b: [2] }), row)).toThrow(/"a before b" on the whole row/);
  });
});
