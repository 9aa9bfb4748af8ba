import { evaluateExpression, trueRows } from "@tablepipe/core/internal";
import { tripRows } from "@tablepipe/testing";
import type * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { TipAmountModelConfig } from "../config";
import { keepEveningRides } from "./keep-evening-rides";

const hhmm = (table: aq.ColumnTable): string[] =>
  Array.from(table.array("dropoff_datetime") as ArrayLike<number>, (ms) =>
    new Date(ms).toISOString().slice(11, 16),
  );

describe("keepEveningRides", () => {
  const trips = tripRows.tuples(
    ["dropoff_datetime"],
    [
      ["2018-02-04T16:59:59"],
      ["2018-02-04T17:00"],
      ["2018-02-04T23:59"],
      ["2018-02-05T00:00"],
      ["2018-02-05T12:00"],
    ],
  );

  it("keeps drop-offs from 17:00 through 23:59 (16:59 and 00:00 are out)", () => {
    expect(hhmm(keepEveningRides(trips))).toEqual(["17:00", "23:59"]);
  });

  it("takes the config's evening hours as its defaults", () => {
    const { first_evening_hour, last_evening_hour } = TipAmountModelConfig.parse({});
    expect(keepEveningRides.resolveParams({})).toMatchObject({
      from: first_evening_hour,
      to: last_evening_hour,
    });
  });

  it("takes other bounds and reads the drop-off time, not the pickup time", () => {
    expect(hhmm(keepEveningRides(trips, { from: 12, to: 16 }))).toEqual(["16:59", "12:00"]);
    const pickupAtNight = tripRows.rows([
      { pickup_datetime: "2018-02-04T03:00", dropoff_datetime: "2018-02-04T18:00" },
    ]);
    expect(keepEveningRides(pickupAtNight).numRows()).toBe(1);
  });
});

describe("keepEveningRides as a condition (tested in the read's worker threads)", () => {
  it("keeps the rows its own implementation keeps", () => {
    const trips = tripRows.tuples(
      ["dropoff_datetime"],
      [
        ["2018-02-04T16:59:59"],
        ["2018-02-04T17:00"],
        ["2018-02-04T22:30"],
        ["2018-02-04T23:59"],
        ["2018-02-05T00:00"],
        ["2018-02-05T02:59"],
      ],
    );
    const schema = { dropoff_datetime: { type: "timestamp", nullable: false } } as const;
    for (const [from, to] of [
      [17, 23],
      [22, 2],
      [0, 0],
    ] as const) {
      const params = keepEveningRides.resolveParams({ from, to });
      const condition = keepEveningRides.keepWhere?.(params, schema);
      if (condition === undefined) throw new Error("keepEveningRides gives no condition");
      const input = { rowCount: trips.numRows(), column: (name: string) => trips.array(name) };
      const kept = [...trueRows(evaluateExpression(condition, input, "test"), trips.numRows())];
      expect(kept.map((i) => hhmm(trips)[i])).toEqual(hhmm(keepEveningRides(trips, { from, to })));
    }
  });
});
