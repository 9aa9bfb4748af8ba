import type { SqlStepContext } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import { stringParam } from "../param-values";
import { keepingColumns } from "../step-rendering";
import { type PredicateShape, predicateSql } from "./lookup-predicate";

/** A left anti-join as `NOT EXISTS` (never `NOT IN`, which keeps nothing when the lookup holds a null key). */
export function antiJoinSql(
  c: SqlStepContext,
  spec: { column: string; lookup: ColumnTable; lookupKey: string; where: PredicateShape | undefined },
): string {
  const [l, t] = [c.quote("l"), c.quote("t")];
  const key = `${l}.${c.quote(spec.lookupKey)}`;
  const where = spec.where === undefined ? "" : ` AND ${predicateSql(spec.where, l, c)}`;
  const lookup = `SELECT 1 FROM ${c.table(spec.lookup)} AS ${l} WHERE ${key} = ${t}.${c.quote(spec.column)}${where}`;
  return `SELECT ${t}.* FROM ${c.input} AS ${t} WHERE NOT EXISTS (${lookup})`;
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
