import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { add, col, gt, hour } from "../expr/build";
import type { ExprNode } from "../expr/nodes";
import type { TableSchema } from "../schema/logical-types";
import { adds, needs } from "../transform/column-params";
import { defineTransform } from "../transform/define-transform";
import { compose } from "./compose";
import { keepCondition } from "./keep-condition";
import { planSteps } from "./plan";
import { step } from "./step";

const SCHEMA: TableSchema = {
  fare: { type: "float", nullable: true },
  at: { type: "timestamp", nullable: false },
  note: { type: "string", nullable: true },
};
const COLUMNS = Object.keys(SCHEMA);

/** A row-local filter on `column` whose condition is `where(column, min)` (or undefined). */
function filterWith(
  where: (column: string, min: number) => ExprNode | undefined,
  options: { rowLocal?: boolean } = {},
) {
  return defineTransform({
    name: "keepAbove",
    rowLocal: options.rowLocal ?? true,
    columns: { column: needs("fare") },
    params: z.object({ min: z.number() }),
    apply: (table, { column, min }) =>
      table.filter(aq.escape((d: Record<string, number>) => d[column]! > min)),
    keepWhere: ({ column, min }) => where(column, min),
  });
}

const plannedOne = (transform: Parameters<typeof step>[0], params: object, schema = SCHEMA) =>
  planSteps(COLUMNS, [step(transform as never, params as never)], "", schema)[0]!;

describe("keepCondition", () => {
  it("is the filter's condition, for its resolved params", () => {
    const planned = plannedOne(
      filterWith((column, min) => gt(col(column), min)),
      { min: 10 },
    );
    expect(keepCondition(planned)).toEqual(gt(col("fare"), 10));
  });

  it("is undefined when the transform has none, or gives none for these params", () => {
    const none = defineTransform({
      name: "keepSome",
      rowLocal: true,
      columns: { column: needs("fare") },
      apply: (table) => table,
    });
    expect(keepCondition(plannedOne(none, {}))).toBeUndefined();
    expect(
      keepCondition(
        plannedOne(
          filterWith(() => undefined),
          { min: 1 },
        ),
      ),
    ).toBeUndefined();
  });

  it("is undefined for a step that is not a row-local filter, or planned without the input's schema", () => {
    const notRowLocal = filterWith((column, min) => gt(col(column), min), { rowLocal: false });
    expect(keepCondition(plannedOne(notRowLocal, { min: 1 }))).toBeUndefined();
    const deriving = defineTransform({
      name: "double",
      rowLocal: true,
      columns: { column: needs("fare"), output: adds("fare2") },
      apply: (table, { column, output }) =>
        table.derive({ [output]: aq.escape((d: Record<string, number>) => d[column]! * 2) }),
      keepWhere: ({ column }) => gt(col(column), 0),
    });
    expect(keepCondition(plannedOne(deriving, {}))).toBeUndefined();
    const planned = planSteps(COLUMNS, [
      step(
        filterWith((column, min) => gt(col(column), min)),
        { min: 1 },
      ),
    ])[0]!;
    expect(keepCondition(planned)).toBeUndefined();
  });

  it("is undefined for a condition that is not boolean on the schema, or reads a column the step does not need", () => {
    expect(
      keepCondition(
        plannedOne(
          filterWith((c) => add(col(c), 1)),
          { min: 1 },
        ),
      ),
    ).toBeUndefined();
    expect(
      keepCondition(
        plannedOne(
          filterWith(() => gt(hour(col("at")), 17)),
          { min: 1 },
        ),
      ),
    ).toBeUndefined();
    expect(
      keepCondition(
        plannedOne(
          filterWith(() => gt(col("nothing"), 1)),
          { min: 1 },
        ),
      ),
    ).toBeUndefined();
  });

  it("is undefined when keepWhere throws: the step then runs and reports the problem itself", () => {
    const throwing = filterWith(() => {
      throw new Error("the lookup table has no id column");
    });
    expect(keepCondition(plannedOne(throwing, { min: 1 }))).toBeUndefined();
  });

  it("is undefined for a composite (its steps are planned one by one)", () => {
    const inner = filterWith((column, min) => gt(col(column), min));
    const composite = compose({ name: "pair", steps: [step(inner, { min: 1 })] });
    expect(keepCondition(plannedOne(composite, {}))).toBeUndefined();
  });
});
