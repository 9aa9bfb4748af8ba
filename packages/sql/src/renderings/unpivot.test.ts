import { pipe } from "@tablepipe/core";
import { unpivot } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { compileForTest } from "../test-support/compile-for-test";

const wide = aq.table({ site: ["a"], jan: [1], feb: [2] });
const months = { columns: ["jan", "feb"], nameColumn: "month", valueColumn: "amount" } as const;

describe("unpivot's rendering", () => {
  it("numbers input row r's copy for the j-th of k listed columns r * k + j, one SELECT per column", () => {
    const compiled = compileForTest(pipe(wide).transform(unpivot, months), {
      sourceTypes: { site: "string", jan: "int", feb: "int" },
    });
    expect(compiled.renderedSteps).toBe(1);
    const sql = compiled.ctes.at(-1)?.sql ?? "";
    expect(sql).toContain(
      `'jan' AS "month", "jan" AS "amount", "__tablepipe_row" * 2 + 0 AS "__tablepipe_row"`,
    );
    expect(sql).toContain(" UNION ALL ");
    expect(sql).toContain(
      `'feb' AS "month", "feb" AS "amount", "__tablepipe_row" * 2 + 1 AS "__tablepipe_row"`,
    );
  });

  it("declines (the step runs in process) when a listed column's type is unknown or the types differ", () => {
    const p = pipe(wide).transform(unpivot, months);
    expect(compileForTest(p, { sourceTypes: { jan: "int" } }).renderedSteps).toBe(0);
    expect(compileForTest(p, { sourceTypes: { jan: "int", feb: "float" } }).renderedSteps).toBe(0);
  });

  it("keeps the values that are not NULL with dropMissing", () => {
    const p = pipe(wide).transform(unpivot, { ...months, dropMissing: true });
    const sql = compileForTest(p, { sourceTypes: { jan: "int", feb: "int" } }).ctes.at(-1)?.sql ?? "";
    expect(sql).toContain(`WHERE "jan" IS NOT NULL`);
    expect(sql).toContain(`WHERE "feb" IS NOT NULL`);
  });
});
