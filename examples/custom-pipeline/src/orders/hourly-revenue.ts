import { col, count, eq, mul, pipe, sum, type Table, truncate } from "@tablepipe/core";
import { aggregate, derive, filter, rollingMax, rollingMean, sortRows, window } from "@tablepipe/transforms";
import type { OrderColumns } from "./order-rows";

/**
 * The paid revenue of each hour that had a paid order, its trend and its peak: the mean and the largest of that
 * hour's revenue and the revenue of the `hours - 1` hours with orders before it, oldest hour first: `filter`,
 * `derive` with `truncate(..., "hour")`, `aggregate` by the hour's start, `window` with `rollingMean` and
 * `rollingMax`.
 *
 * @example hourlyRevenue(orders, 3).print() // hour, orders, revenue, trend, peak (over up to 3 hours with orders)
 */
export function hourlyRevenue(
  orders: Table<OrderColumns>,
  hours: number,
): Table<"hour" | "orders" | "revenue" | "trend" | "peak"> {
  return pipe(orders)
    .transform(filter, { where: eq(col("status"), "paid") })
    .transform(derive, {
      columns: { hour: truncate(col("ordered_at"), "hour"), amount: mul(col("quantity"), col("unit_price")) },
    })
    .transform(aggregate, { by: ["hour"], measures: { orders: count(), revenue: sum(col("amount")) } })
    .transform(window, {
      partitionBy: [],
      orderBy: ["hour"],
      columns: { trend: rollingMean(col("revenue"), hours), peak: rollingMax(col("revenue"), hours) },
    })
    .transform(sortRows, { by: ["hour"] })
    .value();
}
