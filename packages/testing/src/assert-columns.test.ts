import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { assertColumns, ColumnMismatchError, checkColumns } from "./assert-columns";

const features = table({ pickup_datetime: [], month: [], day_of_week: [], store_and_fwd_flag_is_N: [] });

describe("assertColumns", () => {
  it("passes when the table has at least the columns (the guide's is_subset)", () => {
    assertColumns(features, ["month", "day_of_week"]);
    assertColumns(features, []);
  });

  it("fails naming the missing columns and listing the table's", () => {
    expect(() => assertColumns(features, ["month", "day_of_month", "tip"])).toThrow(
      [
        "The table's columns do not match:",
        "- table columns: pickup_datetime, month, day_of_week, store_and_fwd_flag_is_N",
        "- expected (at least): month, day_of_month, tip",
        "- missing 2 columns: day_of_month, tip",
      ].join("\n"),
    );
    expect(() => assertColumns(features, ["tip"])).toThrow(ColumnMismatchError);
  });

  it("with exact, rejects other columns too", () => {
    const names = ["pickup_datetime", "month", "day_of_week", "store_and_fwd_flag_is_N"];
    assertColumns(features, names, { exact: true });
    assertColumns(features, [...names].reverse(), { exact: true });
    expect(() => assertColumns(features, ["month"], { exact: true })).toThrow(
      "- extra 3 columns: pickup_datetime, day_of_week, store_and_fwd_flag_is_N",
    );
  });

  it("with ordered, checks the order given", () => {
    assertColumns(features, ["month", "store_and_fwd_flag_is_N"], { ordered: true });
    expect(() => assertColumns(features, ["day_of_week", "month"], { ordered: true })).toThrow(
      "- the columns are not in the order given",
    );
    const names = ["pickup_datetime", "month", "day_of_week", "store_and_fwd_flag_is_N"];
    assertColumns(features, names, { exact: true, ordered: true });
    expect(() => assertColumns(features, [...names].reverse(), { exact: true, ordered: true })).toThrow(
      "expected (exactly, in this order)",
    );
  });

  it("exposes the check without throwing", () => {
    const check = checkColumns(features, ["month", "x"]);
    expect(check.pass).toBe(false);
    expect(check.missing).toEqual(["x"]);
    expect(checkColumns(table({}), []).message).toContain("- table columns: (none)");
  });

  it("rejects arguments of the wrong kind", () => {
    expect(() => assertColumns({} as never, ["a"])).toThrow("expected a table");
    expect(() => assertColumns(features, "month" as never)).toThrow(
      "expected the column names as an array of strings",
    );
  });
});
