/**
 * Property: a random typed table written as CSV, Parquet or Arrow reads back unchanged — with its schema, and
 * (Parquet, Arrow) with none, the types then coming from the file. The tests run in New York and in Kolkata
 * (`test:unit`, `test:tz`): nothing may depend on the machine's time zone.
 */

import { join } from "node:path";
import {
  typedTable as declareTypes,
  defineTransform,
  needs,
  pipe,
  printSchema,
  schemaOf,
  show,
} from "@tablepipe/core";
import { rememberTableSchema } from "@tablepipe/core/internal";
import { table as makeTable } from "arquero";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { readTable } from "../read/read-table";
import { tempFolder, utc } from "../test-support";
import { writeTable } from "./write-table";

const tmp = tempFolder();
afterAll(() => tmp.remove());

type ColumnType = "int" | "float" | "string" | "boolean" | "timestamp" | "date";
const TYPES: readonly ColumnType[] = ["int", "float", "string", "boolean", "timestamp", "date"];
const MS_PER_DAY = 86_400_000;

const valuesOf: Record<ColumnType, fc.Arbitrary<unknown>> = {
  int: fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
  float: fc.double({ noNaN: true, noDefaultInfinity: true }),
  string: fc.string({ unit: "grapheme", maxLength: 6 }),
  boolean: fc.boolean(),
  timestamp: fc.integer({ min: utc(1900, 1, 1), max: utc(2199, 12, 31, 23, 59, 59, 999) }),
  date: fc.integer({ min: -25_567, max: 83_000 }).map((day) => day * MS_PER_DAY),
};

const zodOf: Record<ColumnType, z.ZodType> = {
  int: z.int(),
  float: z.number(),
  string: z.string(),
  boolean: z.boolean(),
  timestamp: z.date(),
  date: z.date(),
};

interface Spec {
  type: ColumnType;
  nullable: boolean;
}

/**
 * A table of 0-6 rows with columns of random types, nullable or not. The first column is never nullable: a
 * CSV line of one empty field is a blank line, which CSV readers skip (a known limit of the format).
 */
const typedTable = fc
  .tuple(
    fc.record({ type: fc.constantFrom(...TYPES), nullable: fc.constant(false) }),
    fc.array(fc.record({ type: fc.constantFrom(...TYPES), nullable: fc.boolean() }), { maxLength: 5 }),
  )
  .map(([first, rest]) => [first, ...rest])
  .chain((specs) =>
    fc.integer({ min: 0, max: 6 }).chain((rows) =>
      fc
        .tuple(
          ...specs.map((spec) =>
            fc.array(spec.nullable ? fc.option(valuesOf[spec.type], { nil: null }) : valuesOf[spec.type], {
              minLength: rows,
              maxLength: rows,
            }),
          ),
        )
        .map((columns) => ({ specs: specs as Spec[], columns })),
    ),
  );

function build({ specs, columns }: { specs: Spec[]; columns: unknown[][] }) {
  const names = specs.map((spec, i) => `${spec.type}_${i}`);
  const data: Record<string, ArrayLike<unknown>> = {};
  names.forEach((name, i) => {
    const spec = specs[i] as Spec;
    const values = columns[i] as unknown[];
    const dense = !spec.nullable && spec.type !== "string" && spec.type !== "boolean";
    data[name] = dense ? Float64Array.from(values as number[]) : values;
  });
  const schema = z.object(
    Object.fromEntries(
      names.map((name, i) => {
        const spec = specs[i] as Spec;
        return [name, spec.nullable ? zodOf[spec.type].nullable() : zodOf[spec.type]];
      }),
    ),
  );
  const display = Object.fromEntries(names.map((name, i) => [name, specs[i] as Spec]));
  return { table: rememberTableSchema(makeTable(data, names), display), schema, names };
}

const plain = (t: { columnNames(): string[]; array(name: string): ArrayLike<unknown> }) =>
  Object.fromEntries(t.columnNames().map((name) => [name, Array.from(t.array(name))]));

let file = 0;

describe("round trip: every type, every format, the same table back", () => {
  for (const format of ["csv", "parquet", "arrow"] as const) {
    it(`${format}: written without being told the schema, read back with it`, async () => {
      await fc.assert(
        fc.asyncProperty(typedTable, async (generated) => {
          const { table, schema } = build(generated);
          const path = join(tmp.dir, `prop-${file++}.${format}`);
          await writeTable(table, path); // the table remembers its types: no schema passed
          expect(plain(await readTable(path, schema))).toEqual(plain(table));
        }),
        { numRuns: 40, seed: 11 },
      );
    });
  }

  for (const format of ["parquet", "arrow"] as const) {
    it(`${format}: read back without a schema, types from the file`, async () => {
      await fc.assert(
        fc.asyncProperty(typedTable, async (generated) => {
          const { table } = build(generated);
          const path = join(tmp.dir, `prop-${file++}.${format}`);
          await writeTable(table, path);
          const back = await readTable(path);
          expect(plain(back)).toEqual(plain(table));
          expect(printSchema(back).text).toBe(printSchema(table).text);
          // the table declares the file's types (not types guessed from its numbers: fromValues)
          const declared = Object.fromEntries(
            generated.specs.map((spec, i) => [
              `${spec.type}_${i}`,
              { type: spec.type, nullable: spec.nullable },
            ]),
          );
          expect(schemaOf(back)).toEqual(declared);
        }),
        { numRuns: 40, seed: 12 },
      );
    });
  }
});

/** A step that needs a time stamp (as limitHistory does): its pre-flight refuses a number column. */
const latest = defineTransform({
  name: "latest",
  columns: { column: needs({ type: "timestamp" }) },
  apply: (table, { column }) => table.orderby(column).slice(-1),
});

describe("a Parquet or Arrow file read without a schema declares the file's types", () => {
  const Order = z.object({
    order_id: z.int(),
    ordered_at: z.date(),
    signup: z.date().meta({ logicalType: "date" }),
    price: z.number().nullable(),
    status: z.string(),
    paid: z.boolean().nullable(),
  });
  const csv = [
    "order_id,ordered_at,signup,price,status,paid",
    "1,2024-11-05 16:49:00,2023-02-11,9.5,paid,true",
    "2,2024-11-06 08:00:00,2023-03-01,,refunded,",
  ].join("\n");

  for (const format of ["parquet", "arrow"] as const) {
    it(`${format}: time stamps, dates and ints come back as such (schemaOf), and a step needing a time stamp takes them`, async () => {
      const orders = await readTable(tmp.file("typed-orders.csv", csv), Order);
      const path = join(tmp.dir, `typed-orders.${format}`);
      await writeTable(orders, path);
      const back = await readTable(path);
      expect(schemaOf(back)).toEqual(schemaOf(orders));
      expect(schemaOf(back)).toMatchObject({
        order_id: { type: "int", nullable: false },
        ordered_at: { type: "timestamp", nullable: false },
        signup: { type: "date", nullable: false },
        price: { type: "float", nullable: true },
      });
      expect(plain(back)).toEqual(plain(orders));
      expect(back.get("ordered_at", 0)).toBe(utc(2024, 11, 5, 16, 49));
      expect(pipe(back).transform(latest, { column: "ordered_at" }).value().get("order_id", 0)).toBe(2);
      expect(show(back, 1).text).toContain("|       1|2024-11-05 16:49:00|2023-02-11|");
    });
  }
});

describe('a date column of a row schema (z.date().meta({ logicalType: "date" })) stays a date', () => {
  const Customer = z.object({ id: z.string(), signup: z.date().meta({ logicalType: "date" }) });

  it("is written as a CSV date, a Parquet DATE and an Arrow date, told the schema or not", async () => {
    const { parquetMetadataAsync, asyncBufferFromFile, parquetSchema } = await import("hyparquet");
    const { tableFromIPC, Type } = await import("@uwdata/flechette");
    const { readFile } = await import("node:fs/promises");
    const customers = await readTable(tmp.file("customers.csv", "id,signup\nC1,2023-02-11\n"), Customer);
    for (const options of [{}, { schema: Customer }]) {
      const csv = join(tmp.dir, "customers-out.csv");
      await writeTable(customers, csv, options);
      expect(await readFile(csv, "utf8")).toBe("id,signup\nC1,2023-02-11\n");
      const parquet = join(tmp.dir, "customers-out.parquet");
      await writeTable(customers, parquet, options);
      const metadata = await parquetMetadataAsync(await asyncBufferFromFile(parquet));
      expect(parquetSchema(metadata).children[1]?.element.logical_type?.type).toBe("DATE");
      const arrow = join(tmp.dir, "customers-out.arrow");
      await writeTable(customers, arrow, options);
      expect(tableFromIPC(await readFile(arrow)).schema.fields[1]?.type.typeId).toBe(Type.Date);
    }
  });

  it("is shown and printed as a date", async () => {
    const customers = await readTable(
      tmp.file("customers-shown.csv", "id,signup\nC1,2023-02-11\n"),
      Customer,
    );
    expect(show(customers, 1).text).toContain("|C1|2023-02-11|");
    expect(printSchema(customers).text).toContain(" |-- signup: date (nullable = false)");
  });
});

describe("a table read from a file writes back as the same file types", () => {
  it("reads back with its own schema after a write without one (no more 'cannot parse \"1705312800000\" as a timestamp')", async () => {
    const Order = z.object({ id: z.int(), ordered_at: z.date(), amount: z.number().nullable() });
    const source = tmp.file(
      "orders.csv",
      "id,ordered_at,amount\n1,2024-01-15 10:00:00,9.5\n2,2024-01-15 11:30:00,\n",
    );
    const orders = await readTable(source, Order);
    for (const format of ["csv", "parquet", "arrow"] as const) {
      const path = join(tmp.dir, `orders-out.${format}`);
      await writeTable(orders, path);
      expect(plain(await readTable(path, Order))).toEqual(plain(orders));
    }
  });

  it("writes Parquet logical types the metadata shows: INT32, DOUBLE, STRING, BOOLEAN, TIMESTAMP(MILLIS, local), DATE", async () => {
    const { parquetMetadataAsync, asyncBufferFromFile, parquetSchema } = await import("hyparquet");
    const t = rememberTableSchema(
      makeTable({
        i: Float64Array.from([1]),
        f: Float64Array.from([1.5]),
        s: ["x"],
        b: [true],
        at: Float64Array.from([utc(2018, 2, 4, 18)]),
        d: Float64Array.from([utc(2018, 2, 4)]),
      }),
      { i: "int", f: "float", s: "string", b: "boolean", at: "timestamp", d: "date" },
    );
    const path = join(tmp.dir, "logical.parquet");
    await writeTable(t, path);
    const elements = parquetSchema(await parquetMetadataAsync(await asyncBufferFromFile(path))).children.map(
      (c) => c.element,
    );
    expect(elements.map((e) => [e.name, e.type, e.logical_type?.type ?? null])).toEqual([
      ["i", "INT32", null],
      ["f", "DOUBLE", null],
      ["s", "BYTE_ARRAY", "STRING"],
      ["b", "BOOLEAN", null],
      ["at", "INT64", "TIMESTAMP"],
      ["d", "INT32", "DATE"],
    ]);
    expect(elements[4]?.logical_type).toMatchObject({ isAdjustedToUTC: false, unit: "MILLIS" });
  });

  it("writes NaN, a missing value, as one (empty in CSV, null in Parquet and Arrow), in float and int columns", async () => {
    const schema = z.object({ id: z.int(), ratio: z.number().nullable(), n: z.int().nullable() });
    const data = { id: [1, 2, 3], ratio: Float64Array.of(0.5, Number.NaN, 2), n: [4, Number.NaN, null] };
    for (const format of ["csv", "parquet", "arrow"] as const) {
      const path = join(tmp.dir, `nan.${format}`);
      await writeTable(makeTable(data), path);
      expect((await readTable(path, schema)).objects()).toEqual([
        { id: 1, ratio: 0.5, n: 4 },
        { id: 2, ratio: null, n: null },
        { id: 3, ratio: 2, n: null },
      ]);
    }
    const csv = join(tmp.dir, "nan.csv");
    const { readFile } = await import("node:fs/promises");
    expect(await readFile(csv, "utf8")).toBe("id,ratio,n\n1,0.5,4\n2,,\n3,2,\n");
  });

  it("writes a table with the types it declares (a step's output, typedTable): time stamps as time stamps", async () => {
    const sorted = declareTypes(makeTable({ at: [utc(2018, 2, 4, 9, 30), utc(2018, 2, 4, 18)], n: [2, 1] }), {
      at: { type: "timestamp", nullable: false },
      n: { type: "int", nullable: false },
    });
    const csv = join(tmp.dir, "declared.csv");
    await writeTable(sorted, csv);
    const { readFile } = await import("node:fs/promises");
    expect(await readFile(csv, "utf8")).toBe("at,n\n2018-02-04 09:30:00,2\n2018-02-04 18:00:00,1\n");
    const parquet = join(tmp.dir, "declared.parquet");
    await writeTable(sorted, parquet);
    expect(printSchema(await readTable(parquet)).text).toContain("|-- at: timestamp");
  });

  it("keeps a byte-order mark that starts a text, in CSV, Parquet and Arrow, read on workers too", async () => {
    const schema = z.object({ id: z.int(), s: z.string() });
    const texts = ["\ufeffx", "\ufeff", "a\ufeff", "\ufeff\ufeffé"];
    const table = makeTable({ id: texts.map((_, i) => i), s: texts });
    for (const format of ["csv", "parquet", "arrow"] as const) {
      const path = join(tmp.dir, `bom.${format}`);
      await writeTable(table, path);
      for (const workers of [0, 2]) {
        const back = await readTable(path, schema, { workers, chunkSize: 16 });
        expect(back.array("s"), `${format}, ${workers} workers`).toEqual(texts);
      }
    }
  });

  it("refuses ±Infinity, which readTable would refuse to read back, naming the column and row", async () => {
    for (const format of ["csv", "parquet", "arrow"] as const) {
      for (const ratio of [Float64Array.of(1, Number.POSITIVE_INFINITY), [1, Number.NEGATIVE_INFINITY]]) {
        const path = join(tmp.dir, `inf.${format}`);
        const value = ratio[1] as number;
        await expect(writeTable(makeTable({ ratio }), path)).rejects.toThrow(
          `column ratio, row 2: ${value} is not a finite number, and readTable refuses it`,
        );
      }
    }
  });

  it("refuses an int column's value outside the safe integers in every format, naming column, row and value", async () => {
    for (const format of ["csv", "parquet", "arrow"] as const) {
      const path = join(tmp.dir, `big.${format}`);
      for (const [f, shown] of [
        [Float64Array.of(1, 1e308), "1e+308"],
        [[1, -(2 ** 53)], "-9007199254740992"],
        [[1n, 9007199254740993n], "9007199254740993"],
      ] as const) {
        const t = declareTypes(makeTable({ f }), { f: { type: "int", nullable: false } });
        await expect(writeTable(t, path), `${format} ${shown}`).rejects.toThrow(
          `column f, row 2: ${shown} is outside the safe integers (±9007199254740991), and readTable refuses it in an int column`,
        );
      }
      const half = rememberTableSchema(makeTable({ f: [1, 2.5] }), { f: "int" });
      await expect(writeTable(half, path)).rejects.toThrow(
        "column f, row 2: 2.5 is not a whole number (int column)",
      );
    }
  });

  it("refuses a CSV file without a schema, saying to pass one", async () => {
    const path = tmp.file("untyped.csv", "a\n1\n");
    await expect(readTable(path)).rejects.toThrow(/a CSV file holds no column types: pass a row schema/);
  });
});
