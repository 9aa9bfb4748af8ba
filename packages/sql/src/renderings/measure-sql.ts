/** The SQL of `aggregate`'s measures, which `pivot` shares: each measure as an aggregate call, its type, whether it renders. */
import { type CastType, type MeasureNode, SQL_DIALECTS, type SqlStepContext } from "@tablepipe/core";
import { FLOAT_MEASURES } from "@tablepipe/core/internal";
import { exprType } from "../expr-type";
import { floatZeroAsZero } from "../float-zero";
import type { KnownTypes } from "../step-rendering";
import { inProcessKind } from "./expr-kinds";
import { numberSql, sumSql, sumWithoutNaN } from "./number-sql";
import type { OrderedSums } from "./ordered-sums";

/**
 * One measure as an aggregate call; `first`/`last` take the value (null included) at the first/last position;
 * `sum`, `mean` and `stddev` of a time stamp read its epoch milliseconds, as in process. A `sum` or `mean` of
 * anything but ints adds its values in row order (`sums`), as in process; of ints, the exact sum. A `stddev` is
 * the in-process formula, its sums in row order (`sums.stddev`); a `median` or `quantile` picks and interpolates
 * its group's sorted values as in process (`sums.quantile`).
 */
export function measureSql(
  measure: MeasureNode,
  c: SqlStepContext,
  types: KnownTypes,
  sums: OrderedSums,
): string {
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
    case "max":
      // a float's zero as 0, as in process: a parallel aggregate's -0 or 0 is whichever partial state came first
      return floatZeroAsZero(`${measure.fn}(${of})`, exprType(measure.of, types));
    case "countDistinct":
      return `count(DISTINCT ${of})`;
    case "first":
      return SQL_DIALECTS[c.dialect].valueAt("first", of, c.rowOrder);
    case "last":
      return SQL_DIALECTS[c.dialect].valueAt("last", of, c.rowOrder);
    case "stddev":
      return sums.stddev(numberSql(measure.of, c, types));
    case "median":
      return sums.quantile(numberSql(measure.of, c, types), "median");
    case "quantile":
      return sums.quantile(numberSql(measure.of, c, types), measure.q ?? Number.NaN);
  }
}

/**
 * A measure's type where plain: counts are ints, min/max/first/last keep their expression's type, a sum of
 * floats or time stamps (their epoch milliseconds) is a float, and so are a mean, stddev, median and quantile.
 */
export function measureType(measure: MeasureNode, types: KnownTypes): CastType | undefined {
  if (measure.fn === "count" || measure.fn === "countDistinct") return "int" as const;
  if (FLOAT_MEASURES.has(measure.fn)) return "float" as const;
  if (measure.of === undefined) return undefined;
  const type = exprType(measure.of, types);
  if (measure.fn === "sum") return type === "float" || type === "timestamp" ? "float" : undefined;
  return type;
}

/** The measures that take numbers only: in process, strings or booleans are an error naming the measure. */
const NUMERIC_MEASURES: ReadonlySet<MeasureNode["fn"]> = new Set([
  "sum",
  "mean",
  "stddev",
  "median",
  "quantile",
]);

/**
 * Whether the in-process step accepts the measure on the known column types: its expression passes the
 * in-process check, and a sum, mean or standard deviation is of numbers (or of a column of unknown type).
 */
export function measureAccepted(measure: MeasureNode, types: KnownTypes): boolean {
  if (measure.of === undefined) return true;
  const kind = inProcessKind(measure.of, types);
  if (kind === undefined) return false;
  return !(NUMERIC_MEASURES.has(measure.fn) && (kind === "string" || kind === "boolean"));
}
