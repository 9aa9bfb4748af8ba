import { type MeasureNode, SQL_DIALECTS, type SqlStepContext } from "@tablepipe/core";
import { exprType } from "../expr-type";
import { stringsParam } from "../param-values";
import { columnList } from "../select-list";
import { type BuiltInRendering, type KnownTypes, typesOf } from "../step-rendering";
import { exprsCastChecks } from "./cast-checks";
import { inProcessKind } from "./expr-kinds";
import { castWhere } from "./guarded-select";
import { numberSql, sumSql, sumWithoutNaN } from "./number-sql";
import { OrderedSums } from "./ordered-sums";
import { stddevSql } from "./stddev-sql";

/**
 * One measure as an aggregate call; `first`/`last` take the value (null included) at the first/last position;
 * `sum`, `mean` and `stddev` of a time stamp read its epoch milliseconds, as in process. A `sum` or `mean` of
 * anything but ints adds its values in row order (`sums`), as in process; of ints, the exact sum.
 */
function measureSql(measure: MeasureNode, c: SqlStepContext, types: KnownTypes, sums: OrderedSums): string {
  if (measure.of === undefined) return "count(*)";
  const of = c.expr(measure.of);
  const ints = exprType(measure.of, types) === "int";
  switch (measure.fn) {
    case "count":
      return `count(${of})`;
    case "sum":
      return ints
        ? sumSql(measure.of, c, types)
        : sumWithoutNaN(sums.sum(numberSql(measure.of, c, types)), measure.of, types);
    case "mean":
      return ints
        ? `avg(${of})`
        : sumWithoutNaN(sums.mean(numberSql(measure.of, c, types)), measure.of, types);
    case "min":
      return `min(${of})`;
    case "max":
      return `max(${of})`;
    case "countDistinct":
      return `count(DISTINCT ${of})`;
    case "first":
      return SQL_DIALECTS[c.dialect].valueAt("first", of, c.rowOrder);
    case "last":
      return SQL_DIALECTS[c.dialect].valueAt("last", of, c.rowOrder);
    case "stddev":
      return stddevSql(numberSql(measure.of, c, types));
  }
}

/**
 * A measure's type where plain: counts are ints, min/max/first/last keep their expression's type, a sum of
 * floats or time stamps (their epoch milliseconds) is a float.
 */
function measureType(measure: MeasureNode, types: KnownTypes) {
  if (measure.fn === "count" || measure.fn === "countDistinct") return "int" as const;
  if (measure.fn === "mean" || measure.fn === "stddev") return "float" as const;
  if (measure.of === undefined) return undefined;
  const type = exprType(measure.of, types);
  if (measure.fn === "sum") return type === "float" || type === "timestamp" ? "float" : undefined;
  return type;
}

/** The measures that take numbers only: in process, strings or booleans are an error naming the measure. */
const NUMERIC_MEASURES: ReadonlySet<MeasureNode["fn"]> = new Set(["sum", "mean", "stddev"]);

/**
 * Whether the in-process step accepts the measure on the known column types: its expression passes the
 * in-process check, and a sum, mean or standard deviation is of numbers (or of a column of unknown type).
 */
function measureAccepted(measure: MeasureNode, types: KnownTypes): boolean {
  if (measure.of === undefined) return true;
  const kind = inProcessKind(measure.of, types);
  if (kind === undefined) return false;
  return !(NUMERIC_MEASURES.has(measure.fn) && (kind === "string" || kind === "boolean"));
}

/**
 * `aggregate`: `GROUP BY` (null keys form one group), groups at the position of their first row; with no
 * `by`, one row even for an empty input. A measure's cast that can fail is checked by the step's `WHERE` on every
 * row, as in process, whether a later step reads the measure or not, and fails with the in-process error naming
 * the measure and the row (the failure probe); a measure casting a string to a time stamp runs in process.
 */
export const renderAggregate: BuiltInRendering = (params, c, known) => {
  const by = [...new Set(stringsParam(params, "by"))];
  const measures = params.measures as Readonly<Record<string, MeasureNode>>;
  if (by.some((name) => Object.hasOwn(measures, name))) return undefined; // the in-process step names the error
  // a measure in process refuses (`sum` of strings): the step runs there and fails with its own error
  if (Object.values(measures).some((m) => !measureAccepted(m, known.types))) return undefined;
  const checks = exprsCastChecks(
    c,
    Object.entries(measures).map(([name, m]) => [`aggregate: measure "${name}"`, m.of] as const),
    known.types,
  );
  if (checks === undefined) return undefined;
  // a cast that can fail is checked in the WHERE, before the grouping: the engine prunes an unread measure
  const { where, probe } = castWhere(c, checks);
  const sums = new OrderedSums(c, by);
  const items = Object.entries(measures).map(
    ([name, m]) => `${measureSql(m, c, known.types, sums)} AS ${c.quote(name)}`,
  );
  const from = sums.from(where);
  const columns = [...by, ...Object.keys(measures)];
  const added = Object.fromEntries(
    Object.entries(measures).map(([name, m]) => [name, measureType(m, known.types)]),
  );
  const types = typesOf(known.types, columns, added);
  if (by.length === 0) {
    const list = [...items, `0 AS ${c.rowOrder}`].join(", ");
    return { sql: `SELECT ${list} FROM ${from}`, columns, types, ...probe };
  }
  const keys = columnList(c, by);
  const list = [keys, ...items, `min(${c.rowOrder}) AS ${c.rowOrder}`].join(", ");
  return { sql: `SELECT ${list} FROM ${from} GROUP BY ${keys}`, columns, types, ...probe };
};
