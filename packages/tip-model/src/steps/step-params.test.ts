import { describe, expect, it } from "vitest";
import { tripRowGroupBounds } from "./step-params";

describe("tripRowGroupBounds", () => {
  it("bounds the pickup time by limitHistory's months: after the start month, through the end month", () => {
    expect(tripRowGroupBounds({ history_start_month: "201703", history_end_month: "201811" })).toEqual([
      {
        column: "pickup_datetime",
        min: Date.UTC(2017, 3, 1),
        max: Date.UTC(2018, 11, 1),
        maxExclusive: true,
      },
    ]);
  });

  it("rolls a December over into the next year", () => {
    const [bound] = tripRowGroupBounds({ history_start_month: "201712", history_end_month: "201812" });
    expect([bound?.min, bound?.max]).toEqual([Date.UTC(2018, 0, 1), Date.UTC(2019, 0, 1)]);
  });
});
