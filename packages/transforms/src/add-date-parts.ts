import { adds, defineTransform, needs } from "@tablepipe/core";
import { markBuiltIn } from "@tablepipe/core/internal";
import { assignColumns, visibleRows } from "./internal/rows";
import { civilDate, dayNumber, dayOfWeek, timestampMillis } from "./internal/timestamps";

/**
 * Add the month (1-12), day of week (1 = Sunday ... 7 = Saturday, Spark's `dayofweek`) and day of month
 * (1-31) of a time stamp, read from its wall-clock (UTC) fields: never the machine's zone, and no
 * off-by-one from arquero's 0-based `op.month` or Sunday-0 `op.dayofweek`.
 *
 * The new columns are `Int32Array`s; when some time stamp is missing they are plain arrays holding `null`
 * there. An output name that already exists is an error of the pre-flight (it once overwrote a string
 * column `month` silently): name the outputs otherwise, or drop the old column first.
 *
 * Params: `column` (required: the time-stamp column); the output names `month` (default "month"),
 * `dayOfWeek` (default "day_of_week") and `dayOfMonth` (default "day_of_month") name the parts themselves.
 *
 * @example
 * addDateParts(trips, { column: "pickup_datetime" }); // 2018-02-04 18:00 (a Sunday): month 2, day_of_week 1, day_of_month 4
 * addDateParts(trips, { column: "dropoff_datetime", month: "dropoff_month" });
 */
export const addDateParts = defineTransform({
  name: "addDateParts",
  rowLocal: true,
  description: "Add month (1-12), day_of_week (1 = Sunday) and day_of_month of a time stamp.",
  columns: {
    column: needs({ type: ["timestamp", "date"] }),
    month: adds({ type: "int", default: "month" }),
    dayOfWeek: adds({ type: "int", default: "day_of_week" }),
    dayOfMonth: adds({ type: "int", default: "day_of_month" }),
  },
  // The parts are missing where the time stamp is: nullable exactly when it is.
  types: ({ column, month, dayOfWeek, dayOfMonth }, input) => {
    const nullable = input[column]?.nullable ?? true;
    return Object.fromEntries(
      [month, dayOfWeek, dayOfMonth].map((name) => [name, { type: "int", nullable }]),
    );
  },
  apply: (table, { column, month, dayOfWeek: weekdayName, dayOfMonth }) => {
    const rows = visibleRows(table);
    const millis = timestampMillis(table, column, rows, "addDateParts");
    const n = rows.length;
    const months = new Int32Array(n);
    const weekdays = new Int32Array(n);
    const monthDays = new Int32Array(n);
    let missing = false;
    for (let i = 0; i < n; ++i) {
      const ms = millis[i]!;
      if (Number.isNaN(ms)) {
        missing = true;
        continue;
      }
      const day = dayNumber(ms);
      const date = civilDate(day);
      const monthDay = date - Math.floor(date / 10000) * 10000; // 101..1231, also before year 0
      months[i] = Math.floor(monthDay / 100);
      weekdays[i] = dayOfWeek(day);
      monthDays[i] = monthDay % 100;
    }
    const withNulls = (values: Int32Array): Int32Array | (number | null)[] => {
      if (!missing) return values;
      return Array.from(values, (value, i) => (Number.isNaN(millis[i]) ? null : value));
    };
    return assignColumns(table, rows, {
      [month]: withNulls(months),
      [weekdayName]: withNulls(weekdays),
      [dayOfMonth]: withNulls(monthDays),
    });
  },
});

markBuiltIn(addDateParts);
