import { SQL_DIALECTS, type SqlStepContext } from "@tablepipe/core";
import { withoutNaN } from "@tablepipe/core/internal";
import { doubleLiteral } from "../double-literal";
import { floatZeroAsZero } from "../float-zero";
import { groupAggregateOnRows, groupPartition } from "./group-windows";

/**
 * The hidden columns of one quantile on every row: its value as a DOUBLE (NaN null), its rank among its group's
 * values from 1 (nulls last) and its position `(n - 1) × q` in the group's sorted values, counted from 0.
 */
const HIDDEN = ["value", "rank", "position"] as const;

/** The SQL names of the hidden columns of one quantile. */
type Hidden = Readonly<Record<(typeof HIDDEN)[number], string>>;

/** `median` or `quantile`'s fraction. */
export type QuantileOf = "median" | number;

/**
 * The `median` and `quantile` measures of one `aggregate`, as in process (transforms' `groupQuantile`), bit for
 * bit: each group's values ranked on the rows (a window), the two values around the position picked by their
 * ranks, then NumPy's interpolation between them (the median: their mean) with the same IEEE operations.
 */
export class OrderedQuantiles {
  readonly #measures = new Map<string, { numbers: string; q: QuantileOf; index: number }>();

  /** `keys`: the `GROUP BY` columns (none for one group over the input). */
  constructor(
    readonly c: SqlStepContext,
    readonly keys: readonly string[],
  ) {}

  /** The `q` quantile (or the median) of the SQL expression `numbers` over the group, as in process. */
  quantile(numbers: string, q: QuantileOf): string {
    const h = this.#columns(numbers, q);
    const floor = SQL_DIALECTS[this.c.dialect].wholeNumber("floor", h.position);
    const at = (offset: number) => `max(CASE WHEN ${h.rank} = ${floor} + ${offset}E0 THEN ${h.value} END)`;
    const [a, b] = [at(1), at(2)];
    const t = `max(${h.position} - ${floor})`;
    const between =
      q === "median"
        ? `(${a} + ${b}) / 2E0`
        : `CASE WHEN ${t} < 5E-1 THEN ${a} + (${b} - ${a}) * ${t} ELSE ${b} - (${b} - ${a}) * (1E0 - ${t}) END`;
    // NaN (between -Infinity and Infinity) is null, as in process
    return withoutNaN(floatZeroAsZero(`CASE WHEN ${t} = 0E0 THEN ${a} ELSE ${between} END`, "float"));
  }

  /** The rows the step groups, from `rows`: `rows`, or `rows` with each quantile's hidden columns. */
  from(rows: string): string {
    if (this.#measures.size === 0) return rows;
    const measures = [...this.#measures.values()].map((m) => ({ ...m, h: this.#hidden(m.index) }));
    const values = measures.map(
      ({ numbers, h }) => `${withoutNaN(`CAST(${numbers} AS DOUBLE)`)} AS ${h.value}`,
    );
    const ranked = measures.flatMap(({ q, h }) => {
      const fraction = doubleLiteral(q === "median" ? 0.5 : q);
      const count = groupAggregateOnRows(this.c, this.keys, "count", h.value);
      const order = `ORDER BY ${h.value} ASC NULLS LAST`;
      return [
        `row_number() OVER (${groupPartition(this.c, this.keys)}${order}) AS ${h.rank}`,
        `(${count} - 1) * ${fraction} AS ${h.position}`,
      ];
    });
    const withValues = `(SELECT *, ${values.join(", ")} FROM ${rows})`;
    return `(SELECT *, ${ranked.join(", ")} FROM ${withValues})`;
  }

  /** The hidden columns of the quantile `q` of `numbers`, numbered in the order the measures ask for them. */
  #columns(numbers: string, q: QuantileOf): Hidden {
    const key = `${q} ${numbers}`;
    let found = this.#measures.get(key);
    if (found === undefined) {
      found = { numbers, q, index: this.#measures.size };
      this.#measures.set(key, found);
    }
    return this.#hidden(found.index);
  }

  #hidden(index: number): Hidden {
    return Object.fromEntries(
      HIDDEN.map((name) => [name, this.c.quote(`__tablepipe_quantile_${name}${index}`)]),
    ) as Hidden;
  }
}
