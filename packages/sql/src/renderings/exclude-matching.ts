import { SQL_DIALECTS, type SqlStepContext } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import { stringParam } from "../param-values";
import { keepingColumns } from "../step-rendering";
import { type PredicateShape, predicateColumns, predicateSql } from "./lookup-predicate";

/**
 * A left anti-join: DuckDB's `ANTI JOIN`, Spark's `NOT EXISTS` (never `NOT IN`, which keeps nothing when the
 * lookup holds a null key); a row whose key is null matches nothing and is kept. Undefined (the step runs in
 * process, which names the column) when the key or a tested column is not a lookup column by its exact name:
 * DuckDB would take `name` for a column `Name`.
 */
export function antiJoinSql(
  c: SqlStepContext,
  spec: { column: string; lookup: ColumnTable; lookupKey: string; where: PredicateShape | undefined },
): string | undefined {
  const tested = [spec.lookupKey, ...(spec.where === undefined ? [] : predicateColumns(spec.where))];
  const lookupColumns = new Set(spec.lookup.columnNames());
  if (tested.some((name) => !lookupColumns.has(name))) return undefined;
  const [l, t] = [c.quote("l"), c.quote("t")];
  const from = SQL_DIALECTS[c.dialect].existsJoin("anti", {
    left: `${c.input} AS ${t}`,
    right: c.table(spec.lookup),
    alias: l,
    on: `${l}.${c.quote(spec.lookupKey)} = ${t}.${c.quote(spec.column)}`,
    rightWhere: spec.where === undefined ? undefined : predicateSql(spec.where, l, c),
  });
  return `SELECT ${t}.* FROM ${from}`;
}

/** `excludeMatching`: drop the rows whose key matches a lookup row satisfying the predicate. */
export const renderExcludeMatching = keepingColumns((params, c) =>
  antiJoinSql(c, {
    column: stringParam(params, "column"),
    lookup: params.lookup as ColumnTable,
    lookupKey: stringParam(params, "lookupKey"),
    where: params.where as PredicateShape | undefined,
  }),
);

/** `excludeAirports`: `excludeMatching` on the zones whose name contains "airport" in any case. */
export const renderExcludeAirports = keepingColumns((params, c) =>
  antiJoinSql(c, {
    column: stringParam(params, "column"),
    lookup: params.zones as ColumnTable,
    lookupKey: stringParam(params, "zoneIdColumn"),
    where: { column: stringParam(params, "zoneNameColumn"), contains: "airport", ignoreCase: true },
  }),
);
