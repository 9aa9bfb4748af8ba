import { type CastType, SQL_DIALECTS, type SqlStepContext, type WindowFunctionNode } from "@tablepipe/core";
import { meansNumbers, rollingExtreme, sumsNumbers } from "@tablepipe/core/internal";
import { doubleLiteral } from "../double-literal";
import { exprType } from "../expr-type";
import { floatZeroAsZero } from "../float-zero";
import { stringsParam } from "../param-values";
import { orderTerms, partitionTerms, selectWithColumns } from "../select-list";
import { type BuiltInRendering, type KnownTypes, typesOf } from "../step-rendering";
import { exprsCastChecks } from "./cast-checks";
import { inProcessKind } from "./expr-kinds";
import { castWhere } from "./guarded-select";
import { numberSql, sumSql, sumWithoutNaN } from "./number-sql";

/** The windows a window column's SQL is over. */
interface Windows {
  /** Every tie broken: the partition, the orderBy columns, every other column, the row's position. */
  readonly ordered: string;
  /** The orderBy columns alone (`rank`); `undefined` when there is no orderBy. */
  readonly peers: string | undefined;
  /** The one orderBy column as a DOUBLE (a range frame's); `undefined` when there is not one of a known number type. */
  readonly measured: string | undefined;
}

/**
 * A function's frame up to the row: a rolling function's `ROWS BETWEEN rows - 1 PRECEDING ...` over the ordered
 * window, or its range's; without either (the cumulative functions, `fillForward`), the partition's rows up to the
 * row, as in process.
 */
function frameOver(fn: WindowFunctionNode, windows: Windows): string {
  if (fn.range !== undefined) {
    return ` OVER (${windows.measured} RANGE BETWEEN ${doubleLiteral(fn.range)} PRECEDING AND CURRENT ROW)`;
  }
  const preceding = fn.rows === undefined ? "UNBOUNDED" : `${fn.rows - 1}`;
  return ` OVER (${windows.ordered} ROWS BETWEEN ${preceding} PRECEDING AND CURRENT ROW)`;
}

/**
 * One window column's SQL over its window ({@link Windows}); a sum or mean of a time stamp sums its epoch
 * milliseconds. A rolling frame is `ROWS BETWEEN rows - 1 PRECEDING AND CURRENT ROW`, or for `{ range }`
 * `RANGE BETWEEN range PRECEDING AND CURRENT ROW` over the orderBy column as a DOUBLE (a time stamp's epoch
 * milliseconds); its mean is `avg`, NaN null; its min or max of floats plus `0.0`, a zero `0` as in process.
 */
function windowSql(fn: WindowFunctionNode, c: SqlStepContext, types: KnownTypes, windows: Windows): string {
  const { ordered, peers } = windows;
  const of = fn.of === undefined ? "" : c.expr(fn.of);
  switch (fn.fn) {
    case "rowNumber":
      return `row_number() OVER (${ordered})`;
    case "rank":
      // with no orderBy every row of a partition ties (rank 1); Spark refuses rank() without an ORDER BY
      return peers === undefined ? "CAST(1 AS BIGINT)" : `rank() OVER (${peers})`;
    case "denseRank":
      return peers === undefined ? "CAST(1 AS BIGINT)" : `dense_rank() OVER (${peers})`;
    case "percentRank":
      // (rank - 1) / (rows - 1) in DOUBLEs on both engines, as in process; every row ties without an orderBy
      return peers === undefined ? "CAST(0 AS DOUBLE)" : `percent_rank() OVER (${peers})`;
    case "ntile":
      return `ntile(${fn.buckets ?? 1}) OVER (${ordered})`;
    case "lag":
    case "lead":
      return `${fn.fn}(${of}, ${fn.offset ?? 1}) OVER (${ordered})`;
    case "fillForward": {
      // the last value that is not null up to the row: DuckDB's IGNORE NULLS, Spark's second argument
      const last = c.dialect === "duckdb" ? `last_value(${of} IGNORE NULLS)` : `last_value(${of}, true)`;
      return `${last}${frameOver(fn, windows)}`;
    }
    case "fillBackward": {
      // the first value that is not null from the row on
      const first = c.dialect === "duckdb" ? `first_value(${of} IGNORE NULLS)` : `first_value(${of}, true)`;
      return `${first} OVER (${ordered} ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)`;
    }
    case "cumulativeSum":
    case "cumulativeMean":
    case "rollingSum":
    case "rollingMean": {
      const over = frameOver(fn, windows);
      const mean = meansNumbers(fn);
      if (fn.of === undefined) return `${mean ? "avg" : "sum"}(${of})${over}`;
      if (!mean) return sumSql(fn.of, c, types, over);
      return sumWithoutNaN(`avg(${numberSql(fn.of, c, types)})${over}`, fn.of, types);
    }
    case "rollingMin":
    case "rollingMax":
    case "cumulativeMin":
    case "cumulativeMax": {
      const smallest = fn.fn === "rollingMin" || fn.fn === "cumulativeMin";
      const extreme = `${smallest ? "min" : "max"}(${of})${frameOver(fn, windows)}`;
      return floatZeroAsZero(extreme, fn.of === undefined ? undefined : exprType(fn.of, types));
    }
  }
}

function windowType(fn: WindowFunctionNode, types: KnownTypes): CastType | undefined {
  if (fn.fn === "rowNumber" || fn.fn === "rank" || fn.fn === "denseRank" || fn.fn === "ntile") return "int";
  if (fn.fn === "percentRank") return "float";
  if (fn.of === undefined) return undefined;
  if (meansNumbers(fn)) return "float";
  const type = exprType(fn.of, types);
  if (!sumsNumbers(fn)) return type;
  return type === "float" || type === "timestamp" ? "float" : undefined;
}

/**
 * The window of a range frame: the partition, ordered by its one orderBy column as a DOUBLE (an int cast, a time
 * stamp's epoch milliseconds), ascending nulls first or descending nulls last; `undefined` when there is not
 * exactly one orderBy column, or its type is not known to be an int, a float or a time stamp.
 */
function measuredWindow(
  c: SqlStepContext,
  partition: string,
  keys: readonly { readonly column: string; readonly descending: boolean }[],
  types: KnownTypes,
): string | undefined {
  const [key, ...more] = keys;
  if (key === undefined || more.length > 0) return undefined;
  const type = types[key.column];
  const quoted = c.quote(key.column);
  const measure =
    type === "int"
      ? `CAST(${quoted} AS DOUBLE)`
      : type === "float"
        ? quoted
        : type === "timestamp"
          ? SQL_DIALECTS[c.dialect].epochMillis(quoted)
          : undefined;
  if (measure === undefined) return undefined;
  const direction = key.descending ? "DESC NULLS LAST" : "ASC NULLS FIRST";
  return [partition, `ORDER BY ${measure} ${direction}`].filter(Boolean).join(" ");
}

/**
 * Whether the in-process step accepts the function on the known column types: its expression passes the
 * in-process check, and a sum, mean, rolling min or max is of numbers (time stamps are numbers there) or of a
 * column of unknown type.
 */
function functionAccepted(fn: WindowFunctionNode, types: KnownTypes): boolean {
  if (fn.of === undefined) return true;
  const kind = inProcessKind(fn.of, types);
  if (kind === undefined) return false;
  return !((sumsNumbers(fn) || rollingExtreme(fn)) && (kind === "string" || kind === "boolean"));
}

/**
 * `window`: SQL's window functions over `PARTITION BY` the keys (nulls one partition), ordered by the
 * `orderBy` columns (ascending nulls first, descending nulls last), ties broken by every other column
 * ascending and then by position, as in process; `rank` orders by the `orderBy` columns alone, so rows
 * equal in them share a rank. Rows keep their order. A `descending` column that is not an `orderBy` column,
 * or a function the in-process step refuses on the known column types, is left to it, which names the error.
 * A function's cast that can fail is checked by the step's `WHERE` (before the window is computed) on every row,
 * as in process, whether a later step reads the column or not, with the in-process error naming the row; one
 * casting a string to a time stamp runs in process.
 */
export const renderWindow: BuiltInRendering = (params, c, known) => {
  const keys = [...new Set(stringsParam(params, "partitionBy"))];
  const order = [...new Set(stringsParam(params, "orderBy"))];
  const descending = stringsParam(params, "descending");
  if (descending.some((name) => !order.includes(name))) return undefined;
  const functions = params.columns as Readonly<Record<string, WindowFunctionNode>>;
  // a function in process refuses (`cumulativeSum` of strings): the step runs there and fails with its own error
  if (Object.values(functions).some((fn) => !functionAccepted(fn, known.types))) return undefined;
  const checks = exprsCastChecks(
    c,
    Object.entries(functions).map(([name, fn]) => [`window: column "${name}"`, fn.of] as const),
    known.types,
  );
  if (checks === undefined) return undefined;
  const partition = keys.length > 0 ? `PARTITION BY ${partitionTerms(c, keys, known.types)}` : "";
  const orderKeys = order.map((column) => ({ column, descending: descending.includes(column) }));
  const rest = c.columns.filter((name) => !keys.includes(name) && !order.includes(name));
  const ordered = [
    ...orderTerms(c, [...orderKeys, ...rest.map((column) => ({ column }))], known.types),
    c.rowOrder,
  ];
  const peers = orderKeys.length > 0 ? `ORDER BY ${orderTerms(c, orderKeys, known.types).join(", ")}` : "";
  const orderedWindow = [partition, `ORDER BY ${ordered.join(", ")}`].filter(Boolean).join(" ");
  const peersWindow = orderKeys.length > 0 ? [partition, peers].filter(Boolean).join(" ") : undefined;
  const measured = measuredWindow(c, partition, orderKeys, known.types);
  // a range frame needs one orderBy column of numbers: else the in-process step names what is wrong
  if (measured === undefined && Object.values(functions).some((fn) => fn.range !== undefined))
    return undefined;
  const windows = { ordered: orderedWindow, peers: peersWindow, measured };
  const computed = Object.fromEntries(
    Object.entries(functions).map(([name, fn]) => [name, windowSql(fn, c, known.types, windows)]),
  );
  const { list, columns } = selectWithColumns(c, computed);
  const added = Object.fromEntries(
    Object.entries(functions).map(([name, fn]) => [name, windowType(fn, known.types)]),
  );
  const { where, probe } = castWhere(c, checks);
  return {
    sql: `SELECT ${list} FROM ${c.input}${where}`,
    columns,
    types: typesOf(known.types, columns, added),
    ...probe,
  };
};
