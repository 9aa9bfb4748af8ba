import { col, count, eq, mul, pipe, round, sum, type Table, truncate } from "@tablepipe/core";
import { aggregate, derive, filter, rollingMax, rollingMean, sortRows, window } from "@tablepipe/transforms";
import type { OrderColumns } from "./order-rows";

/** An hour in milliseconds, the unit of a time stamp's range frame. */
const HOUR = 3_600_000;

/**
 * The paid revenue of each hour that had a paid order, its trend and its peak: the mean and the largest of the
 * hourly revenues of the last `hours` clock hours (that hour and the `hours - 1` before it; an hour without a
 * paid order has no row), the trend rounded to cents, oldest hour first: `filter`, `derive` with
 * `truncate(..., "hour")`, `aggregate` by the hour's start, `window` with `rollingMean` and `rollingMax` over a
 * range of time, `derive` with `round`.
 *
 * @example hourlyRevenue(orders, 3).print() // hour, orders, revenue, trend, peak (over the last 3 clock hours)
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
      columns: {
        trend: rollingMean(col("revenue"), { range: (hours - 1) * HOUR }),
        peak: rollingMax(col("revenue"), { range: (hours - 1) * HOUR }),
      },
    })
    .transform(derive, { columns: { trend: round(col("trend"), 2) } })
    .transform(sortRows, { by: ["hour"] })
    .value();
}
