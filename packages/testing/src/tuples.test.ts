import { describe, expect, it } from "vitest";
import { zoneRows } from "./taxi-rows";

/** Calls `tuples` with arguments the types would reject, as plain JavaScript could. */
const untypedTuples = (...args: unknown[]): unknown =>
  (zoneRows.tuples as (...untyped: unknown[]) => unknown)(...args);

describe("tuples() at run time, when the types are bypassed", () => {
  it("catches the guide's bug: the column list inside the data list", () => {
    // generate_rows(ZoneGeo, [(100, "terrestrial", ), ["zone_id", "zone_name"]]) silently gave 2 default rows.
    expect(() =>
      untypedTuples([
        [100, "terrestrial"],
        ["zone_id", "zone_name"],
      ]),
    ).toThrow(
      'zoneRows.tuples(): the first argument must be the column list, got an array of 2 rows; did the column list end up inside the data list? call zoneRows.tuples(columns, rows), e.g. zoneRows.tuples(["zone_id", "zone_name"], [[zone_id0, zone_name0], [zone_id1, zone_name1]])',
    );
  });

  it("catches the rows and the column list given in the wrong order", () => {
    expect(() => untypedTuples([[100, "terrestrial"]], ["zone_id", "zone_name"])).toThrow(
      "the first argument must be the column list, got an array of 1 row",
    );
  });

  it("catches a missing rows argument", () => {
    expect(() => untypedTuples(["zone_id", "zone_name"])).toThrow(
      "zoneRows.tuples(): the second argument, the rows, is missing; call zoneRows.tuples(columns, rows)",
    );
  });

  it("catches a tuple longer or shorter than the column list", () => {
    expect(() => untypedTuples(["zone_id"], [[1], [100, "terrestrial"]])).toThrow(
      'zoneRows.tuples(): row 1 has 2 values but 1 column was named (zone_id): [100, "terrestrial"]',
    );
    expect(() => untypedTuples(["zone_id", "zone_name"], [[100]])).toThrow(
      "row 0 has 1 value but 2 columns were named (zone_id, zone_name): [100]",
    );
  });

  it("catches a single row not wrapped in a list", () => {
    expect(() => untypedTuples(["zone_id", "zone_name"], [100, "terrestrial"])).toThrow(
      'row 0 must be an array of values for (zone_id, zone_name), got 100 (number); to pass one row, wrap it: [[100, "terrestrial"]]',
    );
  });

  it("catches unknown and repeated column names", () => {
    expect(() => untypedTuples(["zone_id", "zoneName"], [[1, "a"]])).toThrow(
      'zoneRows.tuples(): unknown column "zoneName" (did you mean "zone_name"?); valid columns: zone_id, zone_name, borough',
    );
    expect(() => untypedTuples(["color"], [[1]])).toThrow(
      'unknown column "color"; valid columns: zone_id, zone_name, borough',
    );
    expect(() => untypedTuples(["zone_id", "zone_id"], [[1, 2]])).toThrow(
      'column "zone_id" is named twice in the column list',
    );
  });

  it("catches a column list that is not a list of names", () => {
    expect(() => untypedTuples("zone_id", [[1]])).toThrow(
      'the first argument must be the column list (an array of column names), got "zone_id" (string)',
    );
    expect(() => untypedTuples(["zone_id", 2], [[1, 2]])).toThrow(
      "the column list must hold column names (strings); item 1 is 2 (number)",
    );
    expect(() => untypedTuples(["zone_id"], "rows")).toThrow(
      'the second argument must be an array of rows (tuples), got "rows" (string)',
    );
  });
});
