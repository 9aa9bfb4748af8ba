import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { tripRows, zoneRows } from "./taxi-rows";
import "./vitest";

/** The message of the assertion error `run` throws. */
function failure(run: () => void): string {
  try {
    run();
  } catch (error) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the colours of vitest's matcher hint
    return (error as Error).message.replace(/\u001b\[\d+m/g, "");
  }
  throw new Error("expected the matcher to fail");
}

describe("toEqualTable", () => {
  const zones = zoneRows.tuples(["zone_id"], [[1], [2]]);

  it("passes for equal tables and accepts the options", () => {
    expect(zones).toEqualTable(zoneRows.tuples(["zone_id"], [[1], [2]]));
    expect(zones).toEqualTable(zoneRows.tuples(["zone_id"], [[2], [1]]), { ignoreRowOrder: true });
    expect(table({ x: [1.0000001] })).toEqualTable(table({ x: [1] }), { tolerance: 1e-6 });
  });

  it("fails with the row diff", () => {
    const message = failure(() => expect(zones).toEqualTable(zoneRows.tuples(["zone_id"], [[1], [3]])));
    expect(message).toContain("expect(actual).toEqualTable(expected)");
    expect(message).toContain("Tables differ:");
    expect(message).toContain("    actual 1   | *2      |");
    expect(message).toContain("    expected 1 | *3      |");
  });

  it("works with .not", () => {
    expect(zones).not.toEqualTable(zoneRows.tuples(["zone_id"], [[2], [1]]));
    const message = failure(() => expect(zones).not.toEqualTable(zoneRows.tuples(["zone_id"], [[1], [2]])));
    expect(message).toContain("expect(actual).not.toEqualTable(expected)");
    expect(message).toContain(
      "Expected the tables to differ, but they are equal (2 rows; columns: zone_id, zone_name, borough).",
    );
  });

  it("rejects a received value that is not a table", () => {
    expect(() => expect([1, 2]).toEqualTable(zones)).toThrow(
      "toEqualTable: the received value must be a table (an arquero ColumnTable), got [1, 2] (array)",
    );
    expect(() => expect([1]).not.toEqualTable(zones)).toThrow(TypeError);
  });

  it("works inside expect.soft and with a full Trip table", () => {
    expect(tripRows.rows([{}, { tip_amount: 2 }])).toEqualTable(tripRows.rows([{}, { tip_amount: 2 }]));
    expect(tripRows.rows([{}])).not.toEqualTable(tripRows.rows([{ tip_amount: 2 }]));
  });
});

describe("toHaveColumns", () => {
  const input = tripRows
    .tuples(["store_and_fwd_flag"], [["Y"]])
    .select("pickup_datetime", "store_and_fwd_flag");

  it("checks a subset of the columns, or exactly them", () => {
    expect(input).toHaveColumns(["store_and_fwd_flag"]);
    expect(input).toHaveColumns(["pickup_datetime", "store_and_fwd_flag"], { exact: true });
    expect(input).not.toHaveColumns(["month", "day_of_week"]);
    expect(input).not.toHaveColumns(["store_and_fwd_flag"], { exact: true });
  });

  it("fails naming the missing columns", () => {
    const message = failure(() => expect(input).toHaveColumns(["month", "store_and_fwd_flag"]));
    expect(message).toContain("expect(table).toHaveColumns(columns)");
    expect(message).toContain("- missing 1 column: month");
  });

  it("fails under .not when the columns are there", () => {
    const message = failure(() => expect(input).not.toHaveColumns(["store_and_fwd_flag"]));
    expect(message).toContain("Expected the columns not to match, but they do.");
    expect(message).toContain("- table columns: pickup_datetime, store_and_fwd_flag");
  });
});
