import "@tablepipe/testing/vitest";
import { pipe } from "@tablepipe/core";
import { tripRows } from "@tablepipe/testing";
import { describe, expect, it } from "vitest";
import { addFeatures } from "./add-features";

describe("addFeatures", () => {
  it("adds the date parts of pickup_datetime and store_and_fwd_flag_is_N, keeping every column", () => {
    const trips = tripRows.tuples(
      ["pickup_datetime", "store_and_fwd_flag"],
      [
        ["2018-02-04T18:00", "N"],
        ["2018-07-14T09:30", "Y"],
      ],
    );
    const { table, trace } = pipe(trips).transform(addFeatures).run();
    expect(table.columnNames()).toEqual([
      ...trips.columnNames(),
      "month",
      "day_of_week",
      "day_of_month",
      "store_and_fwd_flag_is_N",
    ]);
    expect(table.select("month", "day_of_week", "day_of_month", "store_and_fwd_flag_is_N").objects()).toEqual(
      [
        { month: 2, day_of_week: 1, day_of_month: 4, store_and_fwd_flag_is_N: 1 },
        { month: 7, day_of_week: 7, day_of_month: 14, store_and_fwd_flag_is_N: 0 },
      ],
    );
    expect(trace[0]?.children.map((c) => c.step)).toEqual(["addDateParts", "encodeFlag"]);
  });
});
