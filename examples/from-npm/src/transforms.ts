// The README example of @tablepipe/transforms (see core.ts for how it is checked).
// #region example
import { pipe, typedTable } from "@tablepipe/core";
import { addDateParts, keepHourWindow, limitHistory } from "@tablepipe/transforms";
import * as aq from "arquero";

export function transformsExample() {
  // epoch milliseconds are numbers: the schema says they are time stamps
  const trips = typedTable(
    aq.table({
      pickup_datetime: [Date.UTC(2017, 2, 31, 18), Date.UTC(2018, 1, 4, 18), Date.UTC(2018, 1, 4, 9)],
    }),
    { pickup_datetime: { type: "timestamp", nullable: false } },
  );
  const evening = pipe(trips)
    .transform(limitHistory, { column: "pickup_datetime", after: "201703", through: "201811" }) // 2017-04 to 2018-11
    .transform(keepHourWindow, { column: "pickup_datetime", from: 17, to: 23 })
    .transform(addDateParts, { column: "pickup_datetime" }) // month 1-12, day_of_week 1 = Sunday, day_of_month
    .value();
  return evening.objects();
  // [{ pickup_datetime: 1517767200000, month: 2, day_of_week: 1, day_of_month: 4 }]
}
// #endregion example
