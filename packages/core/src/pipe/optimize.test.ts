import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { adds, needs, needsEach } from "../transform/column-params";
import { defineTransform } from "../transform/define-transform";
import { compose } from "./compose";
import { optimizePlan, rowLocalPrefixLength } from "./optimize";
import { planSteps } from "./plan";
import { step } from "./step";

const dedupe = defineTransform({
  name: "dedupe",
  columns: { subset: needsEach([]) },
  dropsDuplicateRows: ({ subset }) => subset.length === 0,
  apply: (table, { subset }) => (subset.length > 0 ? table.dedupe(subset) : table.dedupe()),
});
const keepPositive = defineTransform({
  name: "keepPositive",
  rowLocal: true,
  columns: { column: needs("a") },
  apply: (table, { column }) => table.filter(aq.escape((d: Record<string, number>) => d[column]! > 0)),
});
const double = defineTransform({
  name: "double",
  rowLocal: true,
  columns: { column: needs("a"), output: adds({ type: "int", default: "a2" }) },
  apply: (table, { column, output }) =>
    table.derive({ [output]: aq.escape((d: Record<string, number>) => d[column]! * 2) }),
});
/** `double` whose added column is a float, or of a type it does not declare. */
const negated = (type?: "float") =>
  defineTransform({
    name: type === undefined ? "negatedUntyped" : "negated",
    rowLocal: true,
    columns: { column: needs("a"), output: type === undefined ? adds("n") : adds({ type, default: "n" }) },
    apply: (table, { column, output }) =>
      table.derive({ [output]: aq.escape((d: Record<string, number>) => -d[column]!) }),
  });
const firstTwo = defineTransform({
  name: "firstTwo",
  params: z.object({}),
  apply: (table) => table.slice(0, 2),
});
const both = compose({ name: "both", steps: [step(dedupe), step(keepPositive), step(double)] });

const labels = (columns: string[], steps: Parameters<typeof planSteps>[1]): string[] =>
  optimizePlan(columns, planSteps(columns, steps)).map((s) => s.label);

describe("optimizePlan", () => {
  it("flattens composites and moves a dedupe on all columns after the row-local steps that follow it", () => {
    expect(labels(["a"], [step(both), step(firstTwo)])).toEqual([
      "keepPositive",
      "double",
      "dedupe",
      "firstTwo",
    ]);
  });

  it("keeps a dedupe on a subset where it is (a filter could drop its first copy)", () => {
    expect(labels(["a", "b"], [step(dedupe, { subset: ["a"] }), step(keepPositive)])).toEqual([
      "dedupe(a)",
      "keepPositive",
    ]);
  });

  it("stops at a step that is not row-local, and at a derive that overwrites a column", () => {
    expect(labels(["a"], [step(dedupe), step(firstTwo), step(keepPositive)])).toEqual([
      "dedupe",
      "firstTwo",
      "keepPositive",
    ]);
    expect(labels(["a", "a2"], [step(dedupe), step(double), step(keepPositive)])).toEqual([
      "dedupe",
      "double",
      "keepPositive",
    ]);
  });

  it("stops at a derive adding a float, or a column of a type it does not declare (its -0 would be cleared)", () => {
    for (const derive of [negated("float"), negated()]) {
      expect(labels(["a"], [step(dedupe), step(keepPositive), step(derive), step(double)])).toEqual([
        "keepPositive",
        "dedupe",
        derive.transformName,
        "double",
      ]);
    }
  });

  it("reads an added column's type from a plan made with the input's types", () => {
    // the added column has its input's type: an int lets the dedupe move, a float keeps it where it is
    const copied = defineTransform({
      name: "copied",
      rowLocal: true,
      columns: { column: needs("a"), output: adds("c") },
      types: ({ column, output }, input) => (input[column] === undefined ? {} : { [output]: input[column] }),
      apply: (table, { column, output }) =>
        table.derive({ [output]: aq.escape((d: Record<string, number>) => d[column]) }),
    });
    const planned = (type: "int" | "float") =>
      optimizePlan(
        ["a"],
        planSteps(["a"], [step(dedupe), step(copied)], "", { a: { type, nullable: false } }),
      ).map((s) => s.label);
    expect(planned("int")).toEqual(["copied", "dedupe"]);
    expect(planned("float")).toEqual(["dedupe", "copied"]);
  });

  it("keeps the columns after each step right when it moves one", () => {
    const plan = optimizePlan(["a"], planSteps(["a"], [step(dedupe), step(double)]));
    expect(plan.map((s) => s.columnsOut)).toEqual([
      ["a", "a2"],
      ["a", "a2"],
    ]);
  });

  it("gives the same table as the plan as written", () => {
    const table = aq.table({ a: [3, -1, 3, 2, -1, 2, 5] });
    const steps = [step(both), step(firstTwo)];
    const plain = planSteps(["a"], steps);
    const run = (plan: ReturnType<typeof planSteps>) =>
      plan.reduce((t, s) => s.transform.applyUnchecked(t, s.resolved), table).objects();
    const flatPlain = plain.flatMap((s) => (s.children.length > 0 ? s.children : [s]));
    expect(run(optimizePlan(["a"], plain))).toEqual(run(flatPlain));
  });

  it("counts the leading row-local steps", () => {
    const plan = optimizePlan(["a"], planSteps(["a"], [step(both), step(firstTwo), step(keepPositive)]));
    expect(rowLocalPrefixLength(plan)).toBe(2);
    expect(rowLocalPrefixLength([])).toBe(0);
  });
});
