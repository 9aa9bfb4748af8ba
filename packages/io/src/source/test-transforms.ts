/** Transforms the source-pipe tests share (test support, not part of the package). */
import { adds, defineTransform, needs, needsEach } from "@tablepipe/core";
import * as aq from "arquero";

/** A dedupe on every column (the planner may move it after the row-local steps). */
export const dedupe = defineTransform({
  name: "dedupe",
  dropsDuplicateRows: () => true,
  apply: (table) => table.dedupe(),
});

/** A row-local derive: `yes` is 1 where `flag` is "Y", else 0 (an int: a dedupe may move after it). */
export const isYes = defineTransform({
  name: "isYes",
  rowLocal: true,
  columns: { column: needs("flag"), output: adds({ type: "int", default: "yes" }) },
  apply: (table, { column, output }) =>
    table.derive({ [output]: aq.escape((d: Record<string, unknown>) => (d[column] === "Y" ? 1 : 0)) }),
});

/** The first row of each id (not row-local). */
export const firstPerId = defineTransform({
  name: "firstPerId",
  columns: { keys: needsEach(["id"]) },
  apply: (table, { keys }) => table.dedupe(keys),
});
