import { SQL_DIALECTS, type SqlStepContext } from "@tablepipe/core";
import { withoutNaN } from "@tablepipe/core/internal";
import { doubleLiteral } from "../double-literal";
import { floatZeroAsZero } from "../float-zero";
import { groupAggregateOnRows, groupPartition } from "./group-windows";

/**
 * The hidden columns of one measured expression on every row: its value as a DOUBLE (NaN null), its rank among
 * its group's values from 1 (nulls last) and its group's count of values. Every quantile of the expression shares
 * them (one sort).
 */
const HIDDEN = ["value", "rank", "count"] as const;

/** The SQL names of the hidden columns of one measured expression. */
type Hidden = Readonly<Record<(typeof HIDDEN)[number], string>>;

/** `median` or `quantile`'s fraction. */
export type QuantileOf = "median" | number;

/**
 * The `median` and `quantile` measures of one `aggregate`, as in process (transforms' `groupQuantile`), bit for
 * bit: each group's values ranked on the rows (a window), the two values around the position `(n - 1) × q`
 * picked by their ranks, then NumPy's interpolation between them (the median: their mean) with the same IEEE
 * operations.
 */
export class OrderedQuantiles {
  readonly #numbers = new Map<string, number>();

  /** `keys`: the `GROUP BY` columns (none for one group over the input). */
  constructor(
    readonly c: SqlStepContext,
    readonly keys: readonly string[],
  ) {}

  /** The `q` quantile (or the median) of the SQL expression `numbers` over the group, as in process. */
  quantile(numbers: string, q: QuantileOf): string {
    const h = this.#columns(numbers);
    const position = `((${h.count} - 1) * ${doubleLiteral(q === "median" ? 0.5 : q)})`;
    const floor = SQL_DIALECTS[this.c.dialect].wholeNumber("floor", position);
    const at = (offset: number) => `max(CASE WHEN ${h.rank} = ${floor} + ${offset}E0 THEN ${h.value} END)`;
    const [a, b] = [at(1), at(2)];
    const t = `max(${position} - ${floor})`;
    const between =
      q === "median"
        ? `(${a} + ${b}) / 2E0`
        : `CASE WHEN ${t} < 5E-1 THEN ${a} + (${b} - ${a}) * ${t} ELSE ${b} - (${b} - ${a}) * (1E0 - ${t}) END`;
    // NaN (between -Infinity and Infinity) is null, as in process
    return withoutNaN(floatZeroAsZero(`CASE WHEN ${t} = 0E0 THEN ${a} ELSE ${between} END`, "float"));
  }

  /** The rows the step groups, from `rows`: `rows`, or `rows` with each measured expression's hidden columns. */
  from(rows: string): string {
    if (this.#numbers.size === 0) return rows;
    const measured = [...this.#numbers].map(([numbers, index]) => ({ numbers, h: this.#hidden(index) }));
    const values = measured.map(
      ({ numbers, h }) => `${withoutNaN(`CAST(${numbers} AS DOUBLE)`)} AS ${h.value}`,
    );
    const ranked = measured.flatMap(({ h }) => [
      `row_number() OVER (${groupPartition(this.c, this.keys)}ORDER BY ${h.value} ASC NULLS LAST) AS ${h.rank}`,
      `${groupAggregateOnRows(this.c, this.keys, "count", h.value)} AS ${h.count}`,
    ]);
    const withValues = `(SELECT *, ${values.join(", ")} FROM ${rows})`;
    return `(SELECT *, ${ranked.join(", ")} FROM ${withValues})`;
  }

  /** The hidden columns of `numbers`, numbered in the order the measures ask for them. */
  #columns(numbers: string): Hidden {
    let index = this.#numbers.get(numbers);
    if (index === undefined) {
      index = this.#numbers.size;
      this.#numbers.set(numbers, index);
    }
    return this.#hidden(index);
  }

  /** The SQL names of the hidden columns numbered `index`. */
  #hidden(index: number): Hidden {
    return Object.fromEntries(
      HIDDEN.map((name) => [name, this.c.quote(`__tablepipe_quantile_${name}${index}`)]),
    ) as Hidden;
  }
}
