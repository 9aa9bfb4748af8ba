import type { SqlStepContext } from "@tablepipe/core";
import { STDDEV_LARGE, STDDEV_SHRINK, STDDEV_SMALL } from "@tablepipe/core/internal";
import { groupAggregateOnRows, groupSumOnRows } from "./group-windows";

/** A double as a SQL literal both DuckDB and Spark read as that DOUBLE (`4.149515568880993E180`). */
function doubleLiteral(x: number): string {
  const text = String(x).replace("e+", "E").replace("e-", "E-");
  return text.includes("E") ? text : `${text}E0`;
}

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
    // one window over the group: the engines compute the windows of one frame together
    const groups = measures.flatMap(({ numbers, h }) => [
      `${groupAggregateOnRows(this.c, this.keys, "max", `abs(${numbers})`)} AS ${h.largest}`,
      `${groupSumOnRows(this.c, this.keys, numbers)} AS ${h.sum}`,
      `${groupSumOnRows(this.c, this.keys, `(${numbers} * ${SHRINK})`)} AS ${h.shrunk_sum}`,
      `${groupAggregateOnRows(this.c, this.keys, "count", numbers)} AS ${h.count}`,
    ]);
    const scales = measures.map(({ h }) => `${scaleSql(h.largest)} AS ${h.scale}`);
    const deviations = measures.map(
      ({ numbers, h }) => `((${numbers} * ${h.scale}) - ${meanSql(h)}) AS ${h.deviation}`,
    );
    const withGroups = `(SELECT *, ${groups.join(", ")} FROM ${rows})`;
    const withScales = `(SELECT *, ${scales.join(", ")} FROM ${withGroups})`;
    return `(SELECT *, ${deviations.join(", ")} FROM ${withScales})`;
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
