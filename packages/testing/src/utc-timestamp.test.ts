import { describe, expect, it } from "vitest";
import { parseUtcTimestamp } from "./utc-timestamp";

const utc = (...parts: [number, number, number, number?, number?, number?, number?]): number => {
  const [year, month, day, hour = 0, minute = 0, second = 0, ms = 0] = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
};

describe("parseUtcTimestamp", () => {
  it.each([
    ["2018-02-04", utc(2018, 2, 4)],
    ["2018-02-04T18:00", utc(2018, 2, 4, 18)],
    ["2018-02-04 18:00:00", utc(2018, 2, 4, 18)],
    ["2018-02-04T19:30:15.25", utc(2018, 2, 4, 19, 30, 15, 250)],
    ["2018-02-04T19:30:15.123456", utc(2018, 2, 4, 19, 30, 15, 123)],
    ["2018-02-04T18:00:00Z", utc(2018, 2, 4, 18)],
    ["2018-02-04T18:00:00+05:30", utc(2018, 2, 4, 12, 30)],
    ["2018-02-04T18:00:00-0500", utc(2018, 2, 4, 23)],
    ["2020-02-29T00:00", utc(2020, 2, 29)],
  ])("reads %s as UTC wall-clock time whatever the machine's zone", (text, expected) => {
    expect(parseUtcTimestamp(text)?.getTime()).toBe(expected);
  });

  it("handles years before 100 without the two-digit-year shift", () => {
    expect(parseUtcTimestamp("0050-01-01")?.getUTCFullYear()).toBe(50);
  });

  it.each([
    "2018-13-01",
    "2018-02-30",
    "2019-02-29",
    "2018-02-04T24:00",
    "2018-02-04T18:61",
    "04/02/2018",
    "2018-2-4",
    "yesterday",
    "",
  ])("rejects %j", (text) => {
    expect(parseUtcTimestamp(text)).toBeUndefined();
  });
});
