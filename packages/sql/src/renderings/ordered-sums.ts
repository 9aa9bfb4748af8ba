import { SQL_DIALECTS, type SqlStepContext } from "@tablepipe/core";
import { groupFrame } from "./group-windows";
import { OrderedQuantiles, type QuantileOf } from "./ordered-quantiles";
import { OrderedStddevs } from "./ordered-stddevs";

/** The hidden columns that hold, on a `"window"` dialect, each summed expression's sum over its group. */
const SUM_COLUMN = "__tablepipe_sum";

/**
 * The float sums of one `aggregate`, each adding its group's values one by one in row order, as in process
 * (`SqlDialect.orderedSum`): the same double on every engine and every run. A plain `sum` adds them in the
 * order the engine's threads meet them, which rounds differently from run to run.
 */
export class OrderedSums {
  readonly #windows = new Map<string, string>();
  readonly #stddevs: OrderedStddevs;
  readonly #quantiles: OrderedQuantiles;

  /** `keys`: the `GROUP BY` columns (none for one group over the input). */
  constructor(
    readonly c: SqlStepContext,
    readonly keys: readonly string[],
  ) {
    this.#stddevs = new OrderedStddevs(c, keys, (numbers) => this.sum(numbers));
    this.#quantiles = new OrderedQuantiles(c, keys);
  }

  /** The sum of the SQL expression `numbers` over the group, null when it has no value. */
  sum(numbers: string): string {
    if (SQL_DIALECTS[this.c.dialect].orderedSum === "aggregate") {
      return `sum(${numbers} ORDER BY ${this.c.rowOrder})`;
    }
    let column = this.#windows.get(numbers);
    if (column === undefined) {
      column = this.c.quote(`${SUM_COLUMN}${this.#windows.size}`);
      this.#windows.set(numbers, column);
    }
    // every row of the group holds the group's sum
    return `max(${column})`;
  }

  /** The mean of `numbers` over the group, as in process: the sum in row order divided by the count. */
  mean(numbers: string): string {
    return `(${this.sum(numbers)} / count(${numbers}))`;
  }

  /** The sample standard deviation of `numbers` over the group, as in process (see `OrderedStddevs`). */
  stddev(numbers: string): string {
    return this.#stddevs.stddev(numbers);
  }

  /** The `q` quantile, or the median, of `numbers` over the group, as in process (see `OrderedQuantiles`). */
  quantile(numbers: string, q: QuantileOf): string {
    return this.#quantiles.quantile(numbers, q);
  }

  /**
   * The relation the step groups (after its `where`): the input, with each stddev's and each quantile's hidden
   * columns (see `OrderedStddevs`, `OrderedQuantiles`), and on a `"window"` dialect a column per summed
   * expression, its sum over the group's rows in row order. Call after the measures.
   */
  from(where: string): string {
    const rows = this.#quantiles.from(this.#stddevs.from(`${this.c.input}${where}`));
    if (this.#windows.size === 0) return rows;
    const over = groupFrame(this.c, this.keys);
    const sums = [...this.#windows].map(([numbers, column]) => `sum(${numbers}) ${over} AS ${column}`);
    return `(SELECT *, ${sums.join(", ")} FROM ${rows})`;
  }
}
