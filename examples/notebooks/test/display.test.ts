import { tripRows } from "@tablepipe/testing";
import { taxiTripSchema, taxiZoneGeoSchema } from "@tablepipe/tip-model";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import {
  columnInfo,
  formatCell,
  JUPYTER_DISPLAY,
  runTests,
  schemaFieldType,
  show,
  showPairs,
  tableHtml,
  timestampColumns,
} from "../display";

describe("schemaFieldType / timestampColumns", () => {
  it("names zod fields' types, time stamps and nullability included", () => {
    expect(schemaFieldType(z.date())).toBe("timestamp");
    expect(schemaFieldType(z.int().nullable())).toBe("int?");
    expect(schemaFieldType(z.number().default(1))).toBe("number");
    expect(schemaFieldType(z.string().nullable().default(null))).toBe("string?");
    expect(schemaFieldType(z.date().optional())).toBe("timestamp");
  });

  it("finds the time stamps of the trip schema", () => {
    expect(timestampColumns(taxiTripSchema)).toEqual(["pickup_datetime", "dropoff_datetime"]);
    expect(timestampColumns(taxiZoneGeoSchema)).toEqual([]);
  });
});

describe("tableHtml", () => {
  const trips = tripRows.tuples(
    ["pickup_datetime", "store_and_fwd_flag", "fare_amount"],
    [
      ["2018-02-04T18:00", "N", 6.5],
      ["2018-02-04T18:30:00.250", "Y", 7],
    ],
  );

  it("shows the shape, the schema's types and time stamps as wall-clock text", () => {
    const html = tableHtml(trips, { schema: taxiTripSchema, columns: ["pickup_datetime", "fare_amount"] });
    expect(html).toContain("Table: 17 cols x 2 rows");
    expect(html).toContain("pickup_datetime<br><span");
    expect(html).toContain(">timestamp</span>");
    expect(html).toContain(">2018-02-04 18:00:00</td>"); // one line: cells do not wrap
    expect(html).toContain(">2018-02-04 18:30:00.250</td>");
    expect(html).not.toContain(String(Date.UTC(2018, 1, 4, 18)));
    expect(html).not.toContain("store_and_fwd_flag");
  });

  it("infers the types of columns no schema declares, marks missing values, escapes text, limits rows", () => {
    const table = aq.table({ n: [1, 2, 3], s: ["<b>", null, "x&y"], at: [0, null, 86_400_000] });
    const info = columnInfo(table, { timestamps: ["at"] });
    expect(info).toEqual([
      { name: "n", type: "number", timestamp: false },
      { name: "s", type: "string?", timestamp: false },
      { name: "at", type: "timestamp", timestamp: true },
    ]);
    const html = tableHtml(table, { timestamps: ["at"], rows: 2, title: "t<1>" });
    expect(html).toContain("t&lt;1&gt;: Table: 3 cols x 3 rows (first 2 shown)");
    expect(html).toContain("&lt;b&gt;");
    expect(html).toContain(">null</td>");
    expect(html).toContain(">1970-01-01 00:00:00</td>");
    expect(html).not.toContain("x&amp;y"); // the third row is not shown
  });

  it("throws on a column the table lacks", () => {
    expect(() => tableHtml(trips, { columns: ["nope"] })).toThrow(
      'no column "nope" in Table: 17 cols x 2 rows',
    );
  });
});

describe("show / showPairs", () => {
  it("returns a MIME bundle under Jupyter.display, the key Deno's kernel looks up", () => {
    expect(JUPYTER_DISPLAY).toBe(Symbol.for("Jupyter.display"));
    const bundle = show(aq.table({ a: [1] }))[JUPYTER_DISPLAY]();
    expect(bundle["text/html"]).toContain("<table");
    expect(bundle["text/plain"]).toBe("[Table: 1 col x 1 row]\n  a: number");
    expect(showPairs("rows", { training: 5364 })[JUPYTER_DISPLAY]()["text/plain"]).toBe(
      "rows\n  training: 5364",
    );
  });

  it("rejects what is not a table", () => {
    expect(() => show([1, 2])).toThrow("show() takes an arquero table, got object");
  });

  it("formats cells: null, Dates, time stamps, other values", () => {
    expect(formatCell(undefined)).toBe("null");
    expect(formatCell(new Date(Date.UTC(2018, 1, 4, 18)))).toBe("2018-02-04 18:00:00");
    expect(formatCell(Date.UTC(2018, 1, 4, 18), true)).toBe("2018-02-04 18:00:00");
    expect(formatCell(Date.UTC(2018, 1, 4, 18))).toBe("1517767200000");
    expect(formatCell(true)).toBe("true");
  });
});

describe("runTests", () => {
  it("shows the passed tests", async () => {
    const shown = await runTests({ one: () => {}, two: async () => {} });
    expect(shown[JUPYTER_DISPLAY]()["text/plain"]).toBe("2 passed\n  ✓ one\n  ✓ two");
  });

  it("runs every test, then throws naming each failure", async () => {
    let ran = false;
    await expect(
      runTests({
        fails: () => {
          throw new Error("boom");
        },
        passes: () => {
          ran = true;
        },
        rejects: () => Promise.reject(new TypeError("bad")),
      }),
    ).rejects.toThrow("2 of 3 tests failed:\n\n✗ fails\nError: boom\n\n✗ rejects\nTypeError: bad");
    expect(ran).toBe(true);
  });
});
