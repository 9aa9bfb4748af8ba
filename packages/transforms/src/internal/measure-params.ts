/** The `measures` param of `aggregate` and `addGroupMeasures`: its schema, the columns it reads, the types it gives. */
import {
  type ColumnType,
  exprColumns,
  type MeasureNode,
  measureParam,
  measureType,
  type TableSchema,
} from "@tablepipe/core";
import * as z from "zod";

/** The params of a step of measures (besides its `by` column param): `{ measures: { name: measure } }`. */
export const measuresParams = z.object({
  measures: z
    .record(z.string().min(1, "expected a non-empty column name"), measureParam())
    .describe("The measures: { name: measure }."),
});

/**
 * The `by` keys of `step`, each once; an error naming the measure when one is named like a key (its column would
 * be the key's).
 */
export function measureKeys(
  step: string,
  by: readonly string[],
  measures: Readonly<Record<string, MeasureNode>>,
): string[] {
  const keys = [...new Set(by)];
  const clash = keys.find((name) => Object.hasOwn(measures, name));
  if (clash !== undefined) {
    throw new TypeError(`${step}: measure "${clash}" has the name of a by column; name it otherwise`);
  }
  return keys;
}

/** The columns the measures' expressions read, each once. */
export function measureNeeds(measures: Readonly<Record<string, MeasureNode>>): string[] {
  return [...new Set(Object.values(measures).flatMap((m) => (m.of === undefined ? [] : exprColumns(m.of))))];
}

/** Each measure's column type on the input `schema`. */
export function measureTypes(
  measures: Readonly<Record<string, MeasureNode>>,
  schema: TableSchema,
): Record<string, ColumnType> {
  return Object.fromEntries(Object.entries(measures).map(([name, m]) => [name, measureType(m, schema)]));
}
