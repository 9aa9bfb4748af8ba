import { inspect } from "node:util";
import { table } from "arquero";
import { expect, describe as group, it } from "vitest";
import { defineTransform, describe, formatDisplayValue, printSchema, show, typedTable } from "../index";
import { rememberTableSchema } from "../internal";

const at = (d: number, h: number, mi = 0, ms = 0): number => Date.UTC(2018, 1, d, h, mi, 0, ms);

const trips = (): ReturnType<typeof table> =>
  table({
    pickup_datetime: Float64Array.from([at(4, 18), at(5, 9, 30, 250), at(6, 23, 59)]),
    day: [Date.UTC(2018, 1, 4), null, Date.UTC(2018, 1, 6)],
    fare: Float64Array.from([12.5, 7, 30]),
    flag: ["N", null, "Y"],
  });

const schema = { pickup_datetime: "timestamp", day: "date", fare: "float", flag: "string" } as const;

group("show", () => {
  it("shows the first rows as a grid, time stamps and dates readable, numbers right-aligned", () => {
    expect(show(trips(), 2, { schema }).text).toBe(
      [
        "+-----------------------+----------+----+----+",
        "|pickup_datetime        |day       |fare|flag|",
        "+-----------------------+----------+----+----+",
        "|2018-02-04 18:00:00    |2018-02-04|12.5|N   |",
        "|2018-02-05 09:30:00.250|null      |   7|null|",
        "+-----------------------+----------+----+----+",
        "only showing top 2 of 3 rows",
      ].join("\n"),
    );
  });

  it("escapes line breaks, tabs and other control characters in cells and names, one line per row", () => {
    const notes = table({ "id\tkey": [1, 2], notes: ["line one\r\nline two", "a\tb\u001b[31m"] });
    expect(show(notes).text).toBe(
      [
        "+-------+--------------------+",
        "|id\\tkey|notes               |",
        "+-------+--------------------+",
        "|      1|line one\\r\\nline two|",
        "|      2|a\\tb\\u001b[31m      |",
        "+-------+--------------------+",
        "2 rows",
      ].join("\n"),
    );
    const lines = describe(notes).text.split("\n");
    expect(lines).toHaveLength(7);
    expect(lines).toContain("|notes  |string|    0|a\\tb\\u001b[31m|line one\\r\\nline two|       2|");
  });

  it("takes the types a table remembers, and never takes a number for a time stamp without them", () => {
    expect(show(trips(), 1).text).toContain("|  1517767200000|");
    const remembered = rememberTableSchema(trips(), schema);
    expect(show(remembered, 1).text).toContain("|2018-02-04 18:00:00|");
  });

  it("takes the types a table declares: a typed table and every step's output show their time stamps", () => {
    const typed = typedTable(table({ at: [Date.UTC(2018, 1, 4, 18)], n: [1] }), {
      at: { type: "timestamp", nullable: false },
      n: { type: "int", nullable: false },
    });
    expect(show(typed, 1).text).toContain("|2018-02-04 18:00:00|");
    const keep = defineTransform({ name: "keep", apply: (t) => t.filter(() => true).reify() });
    expect(show(keep(typed), 1).text).toContain("|2018-02-04 18:00:00|");
    expect(show(table({ at: [Date.UTC(2018, 1, 4, 18)] }), 1).text).toContain("|1517767200000|");
  });

  it("takes the declared type over a remembered one: a date remembered as a time stamp (a zod z.date()) shows as a date", () => {
    const day = Date.UTC(2023, 1, 11);
    const made = typedTable(table({ signup: [day], n: [1] }), {
      signup: { type: "date", nullable: false },
      n: { type: "int", nullable: false },
    });
    // a row schema's z.date().meta({ logicalType: "date" }) is remembered as a time stamp, declared a date
    const both = rememberTableSchema(made, { signup: "timestamp", n: "int" });
    expect(show(both, 1).text).toContain("|2023-02-11|");
    expect(printSchema(both).text).toContain(" |-- signup: date (nullable = false)");
    expect(inspect(both)).toContain("|2023-02-11|");
  });

  it("prints as the grid in console.log and the REPL (util.inspect), for a result and a remembering table", () => {
    const remembered = rememberTableSchema(trips(), schema);
    expect(inspect(show(remembered, 1))).toBe(show(remembered, 1).text);
    expect(inspect(remembered)).toContain("2018-02-06 23:59:00");
    expect(`${show(remembered, 0)}`).toContain("only showing top 0 of 3 rows");
  });

  it("refuses a row count that is not a whole number", () => {
    expect(() => show(trips(), -1)).toThrow(/n must be an integer >= 0, got -1/);
  });
});

group("describe", () => {
  it("gives per column the type, nulls, min, max and distinct count, time stamps readable in the grid", () => {
    const description = describe(rememberTableSchema(trips(), schema));
    expect(description.columns).toEqual([
      {
        column: "pickup_datetime",
        type: "timestamp",
        nulls: 0,
        min: at(4, 18),
        max: at(6, 23, 59),
        distinct: 3,
      },
      {
        column: "day",
        type: "date",
        nulls: 1,
        min: Date.UTC(2018, 1, 4),
        max: Date.UTC(2018, 1, 6),
        distinct: 2,
      },
      { column: "fare", type: "float", nulls: 0, min: 7, max: 30, distinct: 3 },
      { column: "flag", type: "string", nulls: 1, min: "N", max: "Y", distinct: 2 },
    ]);
    expect(description.text).toContain(
      "|pickup_datetime|timestamp|    0|2018-02-04 18:00:00|2018-02-06 23:59:00|       3|",
    );
    expect(description.text.split("\n").at(-1)).toBe("a table of 3 rows");
    expect(
      describe(table({ x: [1] }))
        .text.split("\n")
        .at(-1),
    ).toBe("a table of 1 row");
  });
});

group("printSchema", () => {
  it("lists the columns with their types and nullability, Spark-style", () => {
    expect(
      printSchema(trips(), { schema: { ...schema, fare: { type: "float", nullable: true } } }).text,
    ).toBe(
      [
        "root",
        " |-- pickup_datetime: timestamp (nullable = false)",
        " |-- day: date (nullable = true)",
        " |-- fare: float (nullable = true)",
        " |-- flag: string (nullable = true)",
      ].join("\n"),
    );
  });
});

group("formatDisplayValue", () => {
  it("shows time stamps without a T or a zone, dates as days, Dates in any column as time stamps", () => {
    expect(formatDisplayValue(at(4, 18), "timestamp")).toBe("2018-02-04 18:00:00");
    expect(formatDisplayValue(at(4, 18), "date")).toBe("2018-02-04");
    expect(formatDisplayValue(new Date(at(4, 18)), "other")).toBe("2018-02-04 18:00:00");
    expect(formatDisplayValue(at(4, 18), "float")).toBe("1517767200000");
    expect(formatDisplayValue(null, "timestamp")).toBe("null");
  });
});

group("console.log, the REPL and util.inspect of a typed table", () => {
  const at = Date.UTC(2018, 1, 4, 18);
  const typed = () =>
    typedTable(table({ at: [at, null], fare: [12.5, 3] }), {
      at: { type: "timestamp", nullable: true },
      fare: { type: "float", nullable: false },
    });

  it("typedTable's table shows its time stamps readably, as show does", () => {
    const shown = inspect(typed());
    expect(shown).toContain("2018-02-04 18:00:00");
    expect(shown).not.toContain(String(at));
    expect(shown).toBe(show(typed(), 10).text);
  });

  it("so does every step's output, whose schema the pipe declares", async () => {
    const { pipe } = await import("../index");
    const keep = defineTransform({ name: "keepAll", apply: (t) => t });
    const out = pipe(typed()).transform(keep).run().table;
    expect(inspect(out)).toContain("2018-02-04 18:00:00");
  });

  it("a plain arquero table keeps arquero's own view", () => {
    expect(inspect(table({ at: [at] }))).toContain(String(at));
  });
});
