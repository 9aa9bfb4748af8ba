import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { assertTablesEqual, TableMismatchError } from "./assert-tables";
import type { TableEqualityOptions } from "./table-diff";
import { diffTables } from "./table-diff";
import { tripRows, zoneRows } from "./taxi-rows";

/** The error assertTablesEqual throws (fails the test when it does not throw). */
function mismatch(
  actual: Parameters<typeof assertTablesEqual>[0],
  expected: Parameters<typeof assertTablesEqual>[1],
  options?: TableEqualityOptions,
): TableMismatchError {
  try {
    assertTablesEqual(actual, expected, options);
  } catch (error) {
    expect(error).toBeInstanceOf(TableMismatchError);
    return error as TableMismatchError;
  }
  throw new Error("expected the tables to differ");
}

const zones = (rows: [number, string][]) => zoneRows.tuples(["zone_id", "zone_name"], rows);

describe("assertTablesEqual", () => {
  it("passes for equal tables", () => {
    assertTablesEqual(zones([[1, "a"]]), zones([[1, "a"]]));
    assertTablesEqual(tripRows.rows([{}, { tip_amount: 2 }]), tripRows.rows([{}, { tip_amount: 2 }]));
    assertTablesEqual(zoneRows.empty(), zoneRows.empty());
  });

  it("reports a differing cell with the row side by side, the cell marked", () => {
    const error = mismatch(
      zones([
        [1, "a"],
        [100, "terrestrial"],
      ]),
      zones([
        [1, "a"],
        [100, "airport"],
      ]),
    );
    expect(error.name).toBe("TableMismatchError");
    // vitest prints an error's own `diff` as text after the message: the structured diff is a getter
    expect(Object.keys(error)).not.toContain("diff");
    expect(error.message).toBe(
      [
        "Tables differ:",
        "- 1 differing row; differing cells marked *:",
        "",
        "    row        | zone_id | zone_name      | borough",
        "    -----------+---------+----------------+---------------",
        '    actual 1   | 100     | *"terrestrial" | "Food Borough"',
        '    expected 1 | 100     | *"airport"     | "Food Borough"',
      ].join("\n"),
    );
    expect(error.tableDiff.differingRows).toEqual([
      {
        actualIndex: 1,
        expectedIndex: 1,
        actual: [100, "terrestrial", "Food Borough"],
        expected: [100, "airport", "Food Borough"],
        differingColumns: ["zone_name"],
      },
    ]);
  });

  it("reports missing and extra columns, listing both column lists, and compares the shared ones", () => {
    const actual = table({ a: [1, 2], b: [3, 4], extra: [0, 0] });
    const expected = table({ a: [1, 2], b: [3, 5], gone: [9, 9] });
    const error = mismatch(actual, expected);
    expect(error.message).toContain("- missing columns (expected, not in actual): gone");
    expect(error.message).toContain("- extra columns (in actual, not expected): extra");
    expect(error.message).toContain("    actual columns:   a, b, extra\n    expected columns: a, b, gone");
    expect(error.message).toContain("- 1 differing row (compared on the 2 shared columns)");
    expect(error.message).toContain("    actual 1   | 2 | *4");
    expect(error.tableDiff.missingColumns).toEqual(["gone"]);
    expect(error.tableDiff.extraColumns).toEqual(["extra"]);
  });

  it("reports column order unless ignoreColumnOrder", () => {
    const actual = table({ b: [2], a: [1] });
    const expected = table({ a: [1], b: [2] });
    const error = mismatch(actual, expected);
    expect(error.message).toBe(
      [
        "Tables differ:",
        "- column order differs",
        "    actual columns:   b, a",
        "    expected columns: a, b",
      ].join("\n"),
    );
    assertTablesEqual(actual, expected, { ignoreColumnOrder: true });
    expect(mismatch(actual, table({ a: [1], b: [3] }), { ignoreColumnOrder: true }).message).toContain(
      "Tables differ (ignoring column order):",
    );
  });

  it("reports the row counts and the rows without a partner", () => {
    const error = mismatch(
      zones([[1, "a"]]),
      zones([
        [1, "a"],
        [2, "b"],
      ]),
    );
    expect(error.message).toContain("- row count: actual 1, expected 2");
    expect(error.message).toContain("    actual (no row) |         |           |");
    expect(error.message).toContain('    expected 1      | 2       | "b"       | "Food Borough"');
    expect(mismatch(zones([[1, "a"]]), zoneRows.empty()).message).toContain(
      "- row count: actual 1, expected 0",
    );
  });

  it("shows the first maxDiffRows differing rows and counts the rest", () => {
    const actual = table({ x: [1, 2, 3, 4, 5, 6] });
    const expected = table({ x: [0, 0, 0, 0, 0, 6] });
    const error = mismatch(actual, expected, { maxDiffRows: 2 });
    expect(error.message).toContain("- 5 differing rows;");
    expect(error.message).toContain("    actual 1   | *2");
    expect(error.message).not.toContain("actual 2 ");
    expect(error.message).toContain("    (3 more differing rows not shown; raise maxDiffRows to see more)");
    expect(error.tableDiff.differingRowCount).toBe(5);
    expect(error.tableDiff.differingRows).toHaveLength(2);
    expect(mismatch(actual, expected).tableDiff.differingRows).toHaveLength(5);
  });

  describe("ignoreRowOrder", () => {
    const shuffled = zones([
      [3, "c"],
      [1, "a"],
      [2, "b"],
      [1, "a"],
    ]);
    const sorted = zones([
      [1, "a"],
      [1, "a"],
      [2, "b"],
      [3, "c"],
    ]);

    it("compares rows as a multiset", () => {
      expect(mismatch(shuffled, sorted).tableDiff.differingRowCount).toBe(2);
      assertTablesEqual(shuffled, sorted, { ignoreRowOrder: true });
      assertTablesEqual(sorted, shuffled, { ignoreRowOrder: true });
    });

    it("counts duplicates", () => {
      const once = zones([
        [3, "c"],
        [1, "a"],
        [2, "b"],
        [2, "b"],
      ]);
      const error = mismatch(once, sorted, { ignoreRowOrder: true });
      expect(error.message).toBe(
        [
          "Tables differ (ignoring row order):",
          "- 1 actual row and 1 expected row have no equal row in the other table; each shown with the closest unmatched row; differing cells marked *:",
          "",
          "    row        | zone_id | zone_name | borough",
          "    -----------+---------+-----------+---------------",
          '    actual 3   | *2      | *"b"      | "Food Borough"',
          '    expected 1 | *1      | *"a"      | "Food Borough"',
        ].join("\n"),
      );
    });

    it("pairs an unmatched row with its closest counterpart, whatever the sort order", () => {
      const actual = table({ id: [1, 2, 3], value: ["x", "y", "z"] });
      const expected = table({ id: [3, 2, 0], value: ["z", "y", "x"] });
      const error = mismatch(actual, expected, { ignoreRowOrder: true });
      expect(error.tableDiff.differingRows).toEqual([
        { actualIndex: 0, expectedIndex: 2, actual: [1, "x"], expected: [0, "x"], differingColumns: ["id"] },
      ]);
    });

    it("is deterministic; rows sharing no cell are not paired", () => {
      const a = table({ k: [5, 1, 4, 2, 3], v: ["e", "a", "d", "b", "c"] });
      const b = table({ k: [1, 2, 3, 4, 6], v: ["a", "b", "c", "d", "f"] });
      const first = mismatch(a, b, { ignoreRowOrder: true }).message;
      expect(mismatch(a, b, { ignoreRowOrder: true }).message).toBe(first);
      const reversed = table({ k: [3, 2, 4, 1, 5], v: ["c", "b", "d", "a", "e"] });
      expect(mismatch(reversed, b, { ignoreRowOrder: true }).tableDiff.differingRows).toEqual([
        {
          actualIndex: 4,
          expectedIndex: null,
          actual: [5, "e"],
          expected: null,
          differingColumns: ["k", "v"],
        },
        {
          actualIndex: null,
          expectedIndex: 4,
          actual: null,
          expected: [6, "f"],
          differingColumns: ["k", "v"],
        },
      ]);
    });

    it("reports surplus rows and the counts of the rows not shown", () => {
      const actual = table({ x: [1, 2, 3] });
      const expected = table({ x: [1, 4, 5, 6, 7] });
      const error = mismatch(actual, expected, { ignoreRowOrder: true, maxDiffRows: 2 });
      expect(error.message).toContain("- row count: actual 3, expected 5");
      expect(error.message).toContain(
        "- 2 actual rows and 4 expected rows have no equal row in the other table",
      );
      expect(error.message).toContain("(2 more expected rows not shown; raise maxDiffRows to see more)");
      const all = mismatch(actual, expected, { ignoreRowOrder: true });
      expect(all.tableDiff.differingRows.map((pair) => [pair.actualIndex, pair.expectedIndex])).toEqual([
        [1, 1],
        [2, 2],
        [null, 3],
        [null, 4],
      ]);
      expect(all.message).toContain("    actual (no match) |");
    });

    it("sorts rows whose numbers differ within the tolerance alike", () => {
      const actual = table({ x: [0.9999999, 1.0], label: ["b", "a"] });
      const expected = table({ x: [1.0, 1.0], label: ["b", "a"] });
      assertTablesEqual(actual, expected, { ignoreRowOrder: true, tolerance: 1e-6 });
      const shuffled = table({ x: [1.0, 0.9999999], label: ["a", "b"] });
      assertTablesEqual(shuffled, expected, { ignoreRowOrder: true, tolerance: 1e-6 });
    });

    it("works with Dates, NaN and nulls in the sort", () => {
      const actual = table({
        at: [new Date(Date.UTC(2020, 0, 2)), null, new Date(Date.UTC(2020, 0, 1))],
        v: [Number.NaN, 1, null],
      });
      const expected = table({
        at: [new Date(Date.UTC(2020, 0, 1)), new Date(Date.UTC(2020, 0, 2)), undefined],
        v: [undefined, Number.NaN, 1],
      });
      assertTablesEqual(actual, expected, { ignoreRowOrder: true });
    });
  });

  describe("tolerance", () => {
    const one = (x: number) => table({ x: [x] });

    it("is absolute and inclusive at its edge", () => {
      assertTablesEqual(one(1), one(1.1), { tolerance: 0.1 });
      assertTablesEqual(one(100), one(100.0009), { tolerance: 1e-3 });
      expect(mismatch(one(1), one(1.1000001), { tolerance: 0.1 }).message).toContain(
        "Tables differ (tolerance 0.1):",
      );
      expect(mismatch(one(1e9), one(1e9 + 1), { tolerance: 1e-3 }).tableDiff.differingRowCount).toBe(1);
    });

    it("defaults to exact comparison", () => {
      const error = mismatch(one(0.1 + 0.2), one(0.3));
      expect(error.message).toContain("actual 0   | *0.30000000000000004");
      assertTablesEqual(one(0.1 + 0.2), one(0.3), { tolerance: 1e-12 });
    });

    it("does not apply to Dates or strings", () => {
      expect(() =>
        assertTablesEqual(table({ d: [new Date(0)] }), table({ d: [new Date(1)] }), { tolerance: 10 }),
      ).toThrow(TableMismatchError);
    });

    it("must be a number >= 0", () => {
      expect(() => assertTablesEqual(one(1), one(1), { tolerance: -1 })).toThrow(
        "tolerance must be a number >= 0, got -1",
      );
      expect(() => assertTablesEqual(one(1), one(1), { tolerance: Number.NaN })).toThrow(TypeError);
    });
  });

  describe("values", () => {
    it("compares Dates by time value, shown as wall-clock time stamps", () => {
      const at = (hour: number) => table({ at: [new Date(Date.UTC(2018, 1, 4, hour, 0, 0))] });
      assertTablesEqual(at(18), at(18));
      expect(mismatch(at(18), at(19)).message).toContain(
        "    actual 0   | *2018-02-04 18:00:00\n    expected 0 | *2018-02-04 19:00:00",
      );
    });

    it("equates time stamps held as epoch milliseconds with the same Dates", () => {
      const at = (hour: number) => Date.UTC(2018, 1, 4, hour);
      const trips = tripRows.rows([{ pickup_datetime: new Date(at(18)) }, { pickup_datetime: at(9) }]);
      const expected = table({
        pickup_datetime: [new Date(at(18)), new Date(at(9))],
        tip_amount: [0.8, 0.8],
      });
      assertTablesEqual(trips.select("pickup_datetime", "tip_amount"), expected);
      assertTablesEqual(trips.select("pickup_datetime", "tip_amount"), expected.orderby("pickup_datetime"), {
        ignoreRowOrder: true,
      });
      const mixed = table({ at: [new Date(at(20)), at(19), null] });
      assertTablesEqual(table({ at: [null, at(20), new Date(at(19))] }), mixed, { ignoreRowOrder: true });
    });

    it("shows epoch milliseconds as time stamps where the other table holds Dates", () => {
      const actual = table({ at: Float64Array.from([Date.UTC(2018, 1, 4, 18, 0, 0, 7)]), n: [1] });
      const expected = table({ at: [new Date(Date.UTC(2018, 1, 4, 19))], n: [2] });
      const message = mismatch(actual, expected).message;
      expect(message).toContain(
        "    actual 0   | *2018-02-04 18:00:00.007 | *1\n    expected 0 | *2018-02-04 19:00:00     | *2",
      );
      const numbers = mismatch(table({ at: [1517767200000] }), table({ at: [1517770800000] })).message;
      expect(numbers).toContain("    actual 0   | *1517767200000\n    expected 0 | *1517770800000");
    });

    it("shows the time stamps of a z.date() column as such when both tables hold epoch milliseconds", () => {
      const at = (hour: number) => Date.UTC(2018, 1, 4, hour);
      // row factories (and readTable) remember which columns are time stamps
      const actual = tripRows.tuples(["pickup_datetime"], [[at(18)]]).select("pickup_datetime");
      const expected = tripRows.tuples(["pickup_datetime"], [[at(19)]]);
      expect(mismatch(tripRows.tuples(["pickup_datetime"], [[at(18)]]), expected).message).toContain(
        "*2018-02-04 18:00:00",
      );
      // a derived table (select) forgets; the other side, or the schema option, tells
      expect(mismatch(actual, expected.select("pickup_datetime")).message).toContain("*1517767200000");
      const told = mismatch(actual, expected.select("pickup_datetime"), {
        schema: { pickup_datetime: "timestamp" },
      });
      expect(told.message).toContain(
        "    actual 0   | *2018-02-04 18:00:00\n    expected 0 | *2018-02-04 19:00:00",
      );
      const days = mismatch(table({ d: [Date.UTC(2018, 1, 4)] }), table({ d: [Date.UTC(2018, 1, 5)] }), {
        schema: { d: "date" },
      });
      expect(days.message).toContain("    actual 0   | *2018-02-04\n    expected 0 | *2018-02-05");
    });

    it("adds the epoch milliseconds to differing time stamps that print alike (apart by less than 1 ms)", () => {
      const schema = { at: "timestamp" } as const;
      const message = mismatch(table({ n: [1], at: [-1] }), table({ n: [1], at: [-0.5] }), {
        schema,
      }).message;
      expect(message).toContain(
        "    actual 0   | 1 | *1969-12-31 23:59:59.999 (epoch ms -1)\n" +
          "    expected 0 | 1 | *1969-12-31 23:59:59.999 (epoch ms -0.5)",
      );
      const dates = [new Date(Date.UTC(2018, 1, 4, 18, 0, 0, 7)), Date.UTC(2018, 1, 4, 18, 0, 0, 7) + 0.25];
      expect(mismatch(table({ at: [dates[0]] }), table({ at: [dates[1]] })).message).toContain(
        "(epoch ms 1517767200007)\n    expected 0 | *2018-02-04 18:00:00.007 (epoch ms 1517767200007.25)",
      );
      // texts that differ stay as they were
      const apart = mismatch(table({ at: [0] }), table({ at: [1] }), { schema }).message;
      expect(apart).toContain("*1970-01-01 00:00:00\n    expected 0 | *1970-01-01 00:00:00.001");
    });

    it("equates NaN with NaN, and with null and undefined: one missing value, as in tablepipe", () => {
      assertTablesEqual(table({ x: [Number.NaN, 1] }), table({ x: [Number.NaN, 1] }));
      assertTablesEqual(table({ x: [Number.NaN, 1] }), table({ x: [null, 1] }));
      assertTablesEqual(table({ x: [undefined, Number.NaN] }), table({ x: [Number.NaN, null] }));
      assertTablesEqual(table({ x: [Number.NaN, 2, null] }), table({ x: [2, null, null] }), {
        ignoreRowOrder: true,
      });
      expect(mismatch(table({ x: [Number.NaN] }), table({ x: [0] })).message).toContain("*NaN");
    });

    it("equates null with undefined", () => {
      assertTablesEqual(table({ x: [null, 1] }), table({ x: [undefined, 1] }));
      expect(mismatch(table({ x: [null] }), table({ x: [0] })).message).toContain("actual 0   | *null");
    });

    it("equates typed and plain arrays of the same numbers", () => {
      assertTablesEqual(table({ x: new Float64Array([1, 2.5]) }), table({ x: [1, 2.5] }));
      assertTablesEqual(table({ x: new Int32Array([1, 2]) }), table({ x: new Float64Array([1, 2]) }));
      assertTablesEqual(
        tripRows.rows([{}]),
        table(
          tripRows
            .rows([{}])
            .columnNames()
            .reduce(
              (columns, name) =>
                Object.assign(columns, { [name]: Array.from(tripRows.rows([{}]).array(name)) }),
              {},
            ),
        ),
      );
    });

    it("keeps kinds apart and shows them: strings quoted, bigints with n", () => {
      const error = mismatch(table({ x: ["1"], y: [2n] }), table({ x: [1], y: [2] }));
      expect(error.message).toContain('    actual 0   | *"1" | *2n');
      expect(error.message).toContain("    expected 0 | *1   | *2");
    });
  });

  it("reads filtered and ordered tables as they are seen", () => {
    const base = table({ x: [3, 1, 2, 9] });
    const view = base.filter((row: { x: number }) => row.x < 5).orderby("x");
    assertTablesEqual(view, table({ x: [1, 2, 3] }));
  });

  it("narrows a too-wide grid to the columns that differ", () => {
    const actual = tripRows.rows([{ tip_amount: 1 }]);
    const expected = tripRows.rows([{ tip_amount: 2 }]);
    const message = mismatch(actual, expected).message;
    expect(message).toContain("tip_amount");
    expect(message).toContain("*1");
    expect(message).toMatch(
      /\(not shown, to fit the width: \d+ columns without differences in these rows: [a-z_]+, /,
    );
    for (const line of message.split("\n").filter((text) => text.includes(" | "))) {
      expect(line.length).toBeLessThanOrEqual(130);
    }
  });

  it("rejects arguments that are not tables", () => {
    expect(() => assertTablesEqual([] as never, zoneRows.empty())).toThrow("actual is not a table");
    expect(() => assertTablesEqual(zoneRows.empty(), { a: [1] } as never)).toThrow("expected is not a table");
  });

  it("exposes the structured diff", () => {
    const diff = diffTables(zones([[1, "a"]]), zones([[1, "a"]]));
    expect(diff.equal).toBe(true);
    expect(diff.options).toEqual({
      ignoreRowOrder: false,
      ignoreColumnOrder: false,
      tolerance: 0,
      maxDiffRows: 10,
      schema: {},
    });
  });
});
