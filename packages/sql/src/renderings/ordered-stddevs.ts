import { SQL_DIALECTS, type SqlStepContext } from "@tablepipe/core";
import { STDDEV_LARGE, STDDEV_SHRINK, STDDEV_SMALL } from "@tablepipe/core/internal";
import { doubleLiteral } from "../double-literal";
import { groupAggregateOnRows, groupSumOnRows } from "./group-windows";

const MAX = doubleLiteral(Number.MAX_VALUE);
const LARGE = doubleLiteral(STDDEV_LARGE);
const SMALL = doubleLiteral(STDDEV_SMALL);
const SHRINK = doubleLiteral(STDDEV_SHRINK);
const GROW = doubleLiteral(1 / STDDEV_SHRINK);

/**
 * The hidden columns of one stddev on every row, over the row's group: its values' largest magnitude, their sums
 * in row order unscaled and scaled down (core's `stddevScale`), their count; then the group's scale and the row's
 * scaled deviation from the group's mean.
 */
const HIDDEN = ["largest", "sum", "shrunk_sum", "count", "scale", "deviation"] as const;

/** The SQL names of the hidden columns of one stddev. */
type Hidden = Readonly<Record<(typeof HIDDEN)[number], string>>;

/** One stddev's values as SQL (a DOUBLE) and its hidden columns. */
interface Measure {
  readonly numbers: string;
  readonly h: Hidden;
}

/** The aliases of the rows and of their groups' columns where DuckDB joins them. */
const [ROWS, GROUPS] = ["__tablepipe_stddev_rows", "__tablepipe_stddev_groups"] as const;

/**
 * The scale of a group from its largest magnitude (the SQL `largest`), as core's `stddevScale`: null past the
 * largest double (an infinity), so that the group's deviations, squares and result are null.
 */
function scaleSql(largest: string): string {
  return `(CASE WHEN ${largest} > ${MAX} THEN NULL WHEN ${largest} >= ${LARGE} THEN ${SHRINK} WHEN ${largest} > 0 AND ${largest} < ${SMALL} THEN ${GROW} ELSE 1E0 END)`;
}

/**
 * The mean of a group's scaled values, as in process their sum in row order over their count: of a group scaled
 * down, the sum of the values scaled down; else the sum of the values times the scale (1, or 2^600 for tiny
 * values, whose partial sums scale exactly: a sum of values below 2^-480 rounds only in the normal range).
 */
function meanSql(h: Hidden): string {
  return `(CASE WHEN ${h.largest} >= ${LARGE} THEN ${h.shrunk_sum} ELSE ${h.sum} * ${h.scale} END / ${h.count})`;
}

/**
 * The `stddev` measures of one `aggregate`, computed as in process (transforms' `groupStddev`), bit for bit: the
 * values scaled by their group's power of two (null for a group holding an infinity), their mean from their sum
 * in row order, the sum in row order of their squared deviations from it, over n - 1, its square root unscaled.
 * Each deviation is a hidden column on the rows (`from`); the sum of their squares is one of the step's ordered
 * sums (`OrderedSums`, which holds this).
 */
export class OrderedStddevs {
  readonly #numbers = new Map<string, number>();

  /** `keys`: the `GROUP BY` columns; `sum`: the step's ordered sum over the group, which adds the squares. */
  constructor(
    readonly c: SqlStepContext,
    readonly keys: readonly string[],
    readonly sum: (numbers: string) => string,
  ) {}

  /**
   * The sample standard deviation of the SQL expression `of` over the group, as in process: of each value as a
   * DOUBLE (a DECIMAL's too, which in process is read as a float).
   */
  stddev(of: string): string {
    const numbers = `CAST(${of} AS DOUBLE)`;
    const { scale, deviation } = this.#columns(numbers);
    const squares = this.sum(`(${deviation} * ${deviation})`);
    const count = `count(${numbers})`;
    // NULLIF: Spark may compute the quotient of a group of one, a division by zero (an error under ANSI)
    return `(CASE WHEN ${count} < 2 THEN NULL ELSE sqrt(${squares} / NULLIF(${count} - 1, 0)) / max(${scale}) END)`;
  }

  /**
   * The rows the step groups, from `rows` (what follows `FROM`): `rows`, or `rows` with each stddev's scale and
   * scaled deviation from its group's mean. Call after the measures.
   */
  from(rows: string): string {
    if (this.#numbers.size === 0) return rows;
    const measures = [...this.#numbers.keys()].map((numbers) => ({ numbers, h: this.#columns(numbers) }));
    const withGroups =
      SQL_DIALECTS[this.c.dialect].orderedSum === "aggregate"
        ? this.#groupsJoined(rows, measures)
        : this.#groupsOnRows(rows, measures);
    const scales = measures.map(({ h }) => `${scaleSql(h.largest)} AS ${h.scale}`);
    const deviations = measures.map(
      ({ numbers, h }) => `((${numbers} * ${h.scale}) - ${meanSql(h)}) AS ${h.deviation}`,
    );
    const withScales = `(SELECT *, ${scales.join(", ")} FROM ${withGroups})`;
    return `(SELECT *, ${deviations.join(", ")} FROM ${withScales})`;
  }

  /** Each measure's group columns (largest, sums in row order, count) as SQL over `numbers`, with their names. */
  #groupColumns(
    measures: readonly Measure[],
    sum: (numbers: string) => string,
    aggregate: (fn: string, of: string) => string,
  ): string[] {
    return measures.flatMap(({ numbers, h }) => [
      `${aggregate("max", `abs(${numbers})`)} AS ${h.largest}`,
      `${sum(numbers)} AS ${h.sum}`,
      `${sum(`(${numbers} * ${SHRINK})`)} AS ${h.shrunk_sum}`,
      `${aggregate("count", numbers)} AS ${h.count}`,
    ]);
  }

  /** The rows with their group's columns as windows over the group (Spark computes the windows of one frame together). */
  #groupsOnRows(rows: string, measures: readonly Measure[]): string {
    const groups = this.#groupColumns(
      measures,
      (numbers) => groupSumOnRows(this.c, this.keys, numbers),
      (fn, of) => groupAggregateOnRows(this.c, this.keys, fn, of),
    );
    return `(SELECT *, ${groups.join(", ")} FROM ${rows})`;
  }

  /**
   * The rows joined with their group's columns, which a `GROUP BY` computes with DuckDB's ordered aggregate (as a
   * window over each row's group instead, a stddev of 1M rows in 300,000 groups took 12.3 s, not 2.5 s); keys
   * match as the `GROUP BY` groups them, a null with a null.
   */
  #groupsJoined(rows: string, measures: readonly Measure[]): string {
    const q = (name: string) => this.c.quote(name);
    const keys = this.keys.map((key, i) => ({ key: q(key), alias: q(`__tablepipe_stddev_key${i}`) }));
    const groups = this.#groupColumns(
      measures,
      (numbers) => `sum(${numbers} ORDER BY ${this.c.rowOrder})`,
      (fn, of) => `${fn}(${of})`,
    );
    const groupBy = keys.length > 0 ? ` GROUP BY ${keys.map(({ key }) => key).join(", ")}` : "";
    const stats = `SELECT ${[...keys.map(({ key, alias }) => `${key} AS ${alias}`), ...groups].join(", ")} FROM ${rows}${groupBy}`;
    const on = keys.map(({ key, alias }) => `${q(ROWS)}.${key} IS NOT DISTINCT FROM ${q(GROUPS)}.${alias}`);
    const hidden = measures.flatMap(({ h }) => [h.largest, h.sum, h.shrunk_sum, h.count]);
    return `(SELECT ${q(ROWS)}.*, ${hidden.map((name) => `${q(GROUPS)}.${name}`).join(", ")} FROM (SELECT * FROM ${rows}) AS ${q(ROWS)} JOIN (${stats}) AS ${q(GROUPS)} ON ${on.length > 0 ? on.join(" AND ") : "TRUE"})`;
  }

  /** The hidden columns of the stddev of `numbers`, numbered in the order the measures ask for them. */
  #columns(numbers: string): Hidden {
    let index = this.#numbers.get(numbers);
    if (index === undefined) {
      index = this.#numbers.size;
      this.#numbers.set(numbers, index);
    }
    const at = index;
    return Object.fromEntries(
      HIDDEN.map((name) => [name, this.c.quote(`__tablepipe_stddev_${name}${at}`)]),
    ) as Hidden;
  }
}
