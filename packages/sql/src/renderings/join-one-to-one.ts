import { SQL_DIALECTS, type SqlStepContext } from "@tablepipe/core";
import { repeatedJoinKeyError } from "@tablepipe/core/internal";
import type { FailureProbe } from "../failure-probe";
import type { KnownTypes } from "../step-rendering";
import { sqlText } from "./cast-text";

/** The hidden column counting the input rows that share a row's key. */
const COUNT = "__tablepipe_key_rows";
/** The hidden columns of the failure probe's row: the repeated key's values, key by key. */
const keyColumn = (i: number): string => `__tablepipe_key_${i}`;

/** The parts of a `join` with `validate: "one-to-one"` whose right table's keys are known to be unique. */
export interface OneToOneJoin {
  readonly keys: readonly string[];
  readonly how: "inner" | "left" | "semi" | "anti";
  /** The right table's columns the join adds (none for semi and anti). */
  readonly extra: readonly string[];
  /** The right table's relation, quoted. */
  readonly right: string;
  /** The input columns' known types. */
  readonly types: KnownTypes;
}

/** Whether every key of a row holds a value (a missing key never counts as a repeat, as in process). */
function keyPresent(c: SqlStepContext, keys: readonly string[], alias?: string): string {
  const at = alias === undefined ? "" : `${alias}.`;
  return keys.map((key) => `${at}${c.quote(key)} IS NOT NULL`).join(" AND ");
}

/** The input's rows, each with the number of input rows sharing its key (one window over the keys). */
function counted(c: SqlStepContext, keys: readonly string[]): string {
  const partition = keys.map((key) => c.quote(key)).join(", ");
  return `(SELECT *, count(*) OVER (PARTITION BY ${partition}) AS ${c.quote(COUNT)} FROM ${c.input})`;
}

/** The engine's error for a row whose key repeats, its values as the engine writes them (the probe names them as in process). */
function repeatedKeyFailure(
  c: SqlStepContext,
  keys: readonly string[],
  types: KnownTypes,
  alias: string,
): string {
  const text = SQL_DIALECTS[c.dialect].types.string;
  const parts = keys.map((key, i) => {
    const value = `CAST(${alias}.${c.quote(key)} AS ${text})`;
    const shown = types[key] === "string" ? `'"' || ${value} || '"'` : value;
    return `${sqlText(c, `${i === 0 ? "" : ", "}${key} = `)} || ${shown}`;
  });
  const message = [
    sqlText(c, 'join: validate "one-to-one": the key ('),
    ...parts,
    sqlText(c, ") appears more than once in the left table"),
  ].join(" || ");
  return SQL_DIALECTS[c.dialect].raiseError(message);
}

/** A probed cell as in process holds it: a number for the engine's BIGINT or HUGEINT (a bigint) or time stamp (a Date). */
function inProcessValue(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.getTime();
  return value;
}

/**
 * The failure probe of the left check: the first input row, in row order, whose key (no value missing) other
 * rows share, that is the first row whose key appears again later, and the in-process error naming its key (a
 * time stamp as its epoch milliseconds, the number it is in process).
 */
function repeatedLeftKeyProbe(c: SqlStepContext, keys: readonly string[], types: KnownTypes): FailureProbe {
  const d = SQL_DIALECTS[c.dialect];
  const values = keys.map((key, i) => {
    const cell = types[key] === "timestamp" ? d.epochMillis(c.quote(key)) : c.quote(key);
    return `${cell} AS ${c.quote(keyColumn(i))}`;
  });
  const where = `${keyPresent(c, keys)} AND ${c.quote(COUNT)} > 1`;
  return {
    sql: `SELECT ${values.join(", ")} FROM ${counted(c, keys)} AS ${c.quote("__tablepipe_counted")} WHERE ${where} ORDER BY ${c.rowOrder} ASC NULLS FIRST LIMIT 1`,
    error: (row) =>
      repeatedJoinKeyError(
        "one-to-one",
        keys,
        keys.map((_, i) => inProcessValue(row[keyColumn(i)])),
        "left",
      ),
  };
}

/**
 * A `join` with `validate: "one-to-one"` over a right table whose keys are unique (checked when rendered), so
 * each left row has at most one match: a `LEFT JOIN` that keeps every left row, one window counting each left
 * key's rows, and one condition, left in its place (`SqlDialect.inPlace`), that fails the query on a row whose
 * key (no value missing) repeats and else keeps the rows `how` keeps (a match, none, or all). Every left row
 * reaches the check whatever the right table holds: an engine may skip the left side of an inner or semi join
 * whose right side is empty, or filter it by the right keys' range (DuckDB's join filters), but never that of
 * a left join. Rows keep their left row order. The failure probe names the first row, in row order, whose key
 * appears again, with the in-process error.
 * @example const { sql, failureProbe } = oneToOneJoin(c, { keys: ["id"], how: "inner", extra: ["label"], right: '"lookup 1"', types });
 */
export function oneToOneJoin(
  c: SqlStepContext,
  join: OneToOneJoin,
): { readonly sql: string; readonly failureProbe: FailureProbe } {
  const [l, r] = [c.quote("l"), c.quote("r")];
  const matches = join.keys.map((key) => `${l}.${c.quote(key)} = ${r}.${c.quote(key)}`).join(" AND ");
  const matched = `${r}.${c.rowOrder} IS NOT NULL`;
  const keep = join.how === "left" ? "TRUE" : join.how === "anti" ? `${r}.${c.rowOrder} IS NULL` : matched;
  const repeated = `${keyPresent(c, join.keys, l)} AND ${l}.${c.quote(COUNT)} > 1`;
  const guard = SQL_DIALECTS[c.dialect].inPlace(
    `(CASE WHEN ${repeated} THEN ${repeatedKeyFailure(c, join.keys, join.types, l)} ELSE ${keep} END)`,
  );
  const list = [
    ...c.columns.map((name) => `${l}.${c.quote(name)}`),
    ...join.extra.map((name) => `${r}.${c.quote(name)}`),
    `${l}.${c.rowOrder}`,
  ];
  return {
    sql: `SELECT ${list.join(", ")} FROM ${counted(c, join.keys)} AS ${l} LEFT JOIN ${join.right} AS ${r} ON ${matches} WHERE ${guard}`,
    failureProbe: repeatedLeftKeyProbe(c, join.keys, join.types),
  };
}
