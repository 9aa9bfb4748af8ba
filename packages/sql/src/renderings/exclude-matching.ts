import { SQL_DIALECTS, type SqlStepContext } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import { lookupLoadTypes } from "../lookup-load-types";
import { stringParam } from "../param-values";
import { keepingColumns, type StepKnowledge } from "../step-rendering";
import { unmatchableLookupKey } from "./key-kinds";
import { type PredicateShape, predicateColumns, predicateSql } from "./lookup-predicate";

/** What a left anti-join against a lookup table renders from, and the names its errors give. */
interface AntiJoinShape {
  readonly column: string;
  readonly lookup: ColumnTable;
  readonly lookupKey: string;
  readonly where: PredicateShape | undefined;
  /** The step's name and the lookup table's, as the in-process step's errors say them. */
  readonly step: string;
  readonly lookupLabel: string;
}

/**
 * A left anti-join: DuckDB's `ANTI JOIN`, Spark's `NOT EXISTS` (never `NOT IN`, which keeps nothing when the
 * lookup holds a null key); a row whose key is null matches nothing and is kept.
 */
function antiJoinSql(c: SqlStepContext, spec: AntiJoinShape, lookup: string): string {
  const [l, t] = [c.quote("l"), c.quote("t")];
  const from = SQL_DIALECTS[c.dialect].existsJoin("anti", {
    left: `${c.input} AS ${t}`,
    right: c.quote(lookup),
    alias: l,
    on: `${l}.${c.quote(spec.lookupKey)} = ${t}.${c.quote(spec.column)}`,
    rightWhere: spec.where === undefined ? undefined : predicateSql(spec.where, l, c),
  });
  return `SELECT ${t}.* FROM ${from}`;
}

/**
 * The anti-join, unless the key or a tested column is not a lookup column by its exact name (DuckDB would take
 * `name` for a column `Name`: the step is declined, and in process names the column), or its key (of its known
 * type) can never equal the lookup's keys (numbers against strings, which SQL would convert and match): then the
 * in-process step's error is thrown, or, with a `where`, the step is declined (in process it fails only when
 * some lookup row meets the `where`, else keeps every row). The lookup is loaded with its columns' types as
 * the engine types them (`lookupLoadTypes`: a key holding no value takes the input key's type; the step
 * declines when that is unknown).
 */
function checkedAntiJoinSql(
  c: SqlStepContext,
  known: StepKnowledge,
  spec: AntiJoinShape,
): string | undefined {
  const tested = [spec.lookupKey, ...(spec.where === undefined ? [] : predicateColumns(spec.where))];
  const lookupColumns = new Set(spec.lookup.columnNames());
  if (tested.some((name) => !lookupColumns.has(name))) return undefined;
  const error = unmatchableLookupKey(spec, known.types, spec.lookup);
  if (error !== undefined) {
    if (spec.where !== undefined) return undefined;
    throw error;
  }
  const loadTypes = lookupLoadTypes(spec.lookup, known.columnTypes, {
    [spec.lookupKey]: known.types[spec.column],
  });
  return loadTypes === undefined ? undefined : antiJoinSql(c, spec, known.lookup(spec.lookup, loadTypes));
}

/** `excludeMatching`: drop the rows whose key matches a lookup row satisfying the predicate. */
export const renderExcludeMatching = keepingColumns((params, c, known) =>
  checkedAntiJoinSql(c, known, {
    column: stringParam(params, "column"),
    lookup: params.lookup as ColumnTable,
    lookupKey: stringParam(params, "lookupKey"),
    where: params.where as PredicateShape | undefined,
    step: "excludeMatching",
    lookupLabel: "lookup table",
  }),
);

/** `excludeAirports`: `excludeMatching` on the zones whose name contains "airport" in any case. */
export const renderExcludeAirports = keepingColumns((params, c, known) =>
  checkedAntiJoinSql(c, known, {
    column: stringParam(params, "column"),
    lookup: params.zones as ColumnTable,
    lookupKey: stringParam(params, "zoneIdColumn"),
    where: { column: stringParam(params, "zoneNameColumn"), contains: "airport", ignoreCase: true },
    step: "excludeAirports",
    lookupLabel: "zones table",
  }),
);
