import fc from "fast-check";
import {
  type FileMetaData,
  parquetMetadata,
  parquetRead,
  parquetSchema,
  type SchemaElement,
} from "hyparquet";
import { type ColumnSource, parquetWriteBuffer } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { columnChunkRange, decodeFlatColumnChunk, flatKind } from "./flat-column-chunk";
import { compressorsFor } from "./parquet-codecs";
import { epochMillisParsers } from "./parquet-time-columns";
import { readHybrid } from "./rle-hybrid";

type WriteElement = NonNullable<Parameters<typeof parquetWriteBuffer>[0]["schema"]>[number];

/** One column to write: its schema element and values (null for an empty cell). */
interface ColumnCase {
  element: WriteElement;
  values: unknown[];
  encoding: "PLAIN" | "RLE_DICTIONARY" | undefined;
}

/** A kind of flat column, and how to draw its values (few distinct ones, so dictionaries are kept). */
const KINDS: { element: Omit<WriteElement, "name" | "repetition_type">; value: fc.Arbitrary<unknown> }[] = [
  { element: { type: "INT32" }, value: fc.integer() },
  { element: { type: "INT32", converted_type: "INT_16" }, value: fc.integer({ min: -32768, max: 32767 }) },
  { element: { type: "INT64" }, value: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }) },
  { element: { type: "DOUBLE" }, value: fc.double() },
  { element: { type: "FLOAT" }, value: fc.float() },
  {
    element: { type: "BYTE_ARRAY", converted_type: "UTF8", logical_type: { type: "STRING" } },
    value: fc.string({ unit: "binary", maxLength: 6 }),
  },
  ...(["MILLIS", "MICROS", "NANOS"] as const).map((unit) => ({
    element: {
      type: "INT64" as const,
      logical_type: { type: "TIMESTAMP" as const, isAdjustedToUTC: false, unit },
    },
    // whole range of INT64 at both ends (BigInt arithmetic) and around the epoch (negative sub-ms digits)
    value: fc.oneof(
      fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
      fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }),
    ),
  })),
  {
    element: { type: "INT64", converted_type: "TIMESTAMP_MICROS" },
    value: fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
  },
  { element: { type: "INT32", converted_type: "DATE" }, value: fc.integer({ min: -100_000, max: 100_000 }) },
];

const columnCase: fc.Arbitrary<ColumnCase> = fc
  .record({
    kind: fc.integer({ min: 0, max: KINDS.length - 1 }),
    nullable: fc.boolean(),
    nullRate: fc.double({ min: 0, max: 1, noNaN: true }),
    distinct: fc.integer({ min: 1, max: 40 }),
    rows: fc.integer({ min: 0, max: 400 }),
    encoding: fc.constantFrom("PLAIN" as const, "RLE_DICTIONARY" as const, undefined),
  })
  .chain(({ kind, nullable, nullRate, distinct, rows, encoding }) => {
    const spec = KINDS[kind] as (typeof KINDS)[number];
    const cell = nullable
      ? fc
          .double({ min: 0, max: 1, noNaN: true })
          .chain((p) => (p < nullRate ? fc.constant(null) : spec.value))
      : spec.value;
    return fc
      .array(spec.value, { minLength: 1, maxLength: distinct })
      .chain((pool) =>
        fc.array(fc.oneof(cell, fc.constantFrom(...pool)), { minLength: rows, maxLength: rows }),
      )
      .map((values) => ({
        element: {
          ...spec.element,
          name: "c",
          repetition_type: nullable ? "OPTIONAL" : "REQUIRED",
        } as WriteElement,
        values,
        encoding,
      }));
  });

/** Write `columns` as one Parquet file in memory. */
function write(
  columns: ColumnCase[],
  options: { codec: "UNCOMPRESSED" | "SNAPPY"; pageSize: number; rowGroupSize: number },
): ArrayBuffer {
  const columnData: ColumnSource[] = columns.map((column, i) => ({
    name: `c${i}`,
    data: column.values as ColumnSource["data"],
    ...(column.encoding === undefined ? {} : { encoding: column.encoding }),
  }));
  return parquetWriteBuffer({
    columnData,
    schema: [
      { name: "root", num_children: columns.length },
      ...columns.map((column, i) => ({ ...column.element, name: `c${i}` })),
    ],
    codec: options.codec,
    pageSize: options.pageSize,
    rowGroupSize: options.rowGroupSize,
  });
}

/** hyparquet's own decode of one column of rows `[rowStart, rowEnd)`: the reference. */
async function reference(
  buffer: ArrayBuffer,
  metadata: FileMetaData,
  name: string,
  rowStart: number,
  rowEnd: number,
): Promise<unknown[]> {
  const out: unknown[] = [];
  await parquetRead({
    file: buffer,
    metadata,
    columns: [name],
    rowStart,
    rowEnd,
    parsers: epochMillisParsers,
    onChunk: (chunk) => {
      for (let row = chunk.rowStart; row < chunk.rowEnd; row++)
        out[row - rowStart] = chunk.columnData[row - chunk.rowStart];
    },
  });
  return out;
}

/** Values compared as the builders see them: null and undefined are both empty. */
function normalised(values: ArrayLike<unknown>): unknown[] {
  return Array.from(values, (v) => (v === undefined ? null : v));
}

/** Decode every column chunk of `buffer` directly and with hyparquet; returns the pairs. */
async function bothDecodes(
  buffer: ArrayBuffer,
): Promise<{ ours: unknown[]; theirs: unknown[]; where: string }[]> {
  const metadata = parquetMetadata(buffer);
  const elements = new Map(
    parquetSchema(metadata).children.map((child) => [child.element.name, child.element]),
  );
  const pairs: { ours: unknown[]; theirs: unknown[]; where: string }[] = [];
  // the reader's decompressors (Snappy by WebAssembly), against hyparquet's own decode (its JavaScript Snappy)
  const compressors = await compressorsFor(metadata);
  let rowStart = 0;
  for (const [g, group] of metadata.row_groups.entries()) {
    const rows = Number(group.num_rows);
    for (const chunk of group.columns) {
      const meta = chunk.meta_data;
      if (meta === undefined) throw new Error("no column metadata");
      const name = meta.path_in_schema[0] as string;
      const { start, end } = columnChunkRange(meta);
      const ours = decodeFlatColumnChunk(
        new Uint8Array(buffer.slice(start, end)),
        meta,
        elements.get(name) as SchemaElement,
        rows,
        compressors,
      );
      if (ours === undefined) throw new Error(`column ${name} was not decoded directly`);
      const theirs = await reference(buffer, metadata, name, rowStart, rowStart + rows);
      pairs.push({ ours: normalised(ours), theirs: normalised(theirs), where: `row group ${g}, ${name}` });
    }
    rowStart += rows;
  }
  return pairs;
}

describe("decodeFlatColumnChunk", () => {
  it("decodes every flat kind, nullable or not, PLAIN or dictionary, in many pages and row groups, as hyparquet does", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(columnCase, { minLength: 1, maxLength: 3 }),
        fc.constantFrom("UNCOMPRESSED" as const, "SNAPPY" as const),
        fc.integer({ min: 16, max: 2048 }),
        fc.integer({ min: 1, max: 300 }),
        async (columns, codec, pageSize, rowGroupSize) => {
          const rows = Math.min(...columns.map((c) => c.values.length));
          for (const column of columns) column.values.length = rows;
          const pairs = await bothDecodes(write(columns, { codec, pageSize, rowGroupSize }));
          for (const { ours, theirs, where } of pairs) expect(ours, where).toEqual(theirs);
        },
      ),
      { numRuns: 120 },
    );
  });

  it("gives a typed array when no row is null (a REQUIRED column, or an OPTIONAL one without nulls)", async () => {
    const buffer = write(
      [
        {
          element: { name: "a", type: "DOUBLE", repetition_type: "REQUIRED" },
          values: [1.5, 2.5, 1.5],
          encoding: undefined,
        },
        {
          element: { name: "b", type: "INT32", repetition_type: "OPTIONAL" },
          values: [1, 2, 3],
          encoding: "PLAIN",
        },
        {
          element: { name: "c", type: "INT32", repetition_type: "OPTIONAL" },
          values: [1, null, 3],
          encoding: "PLAIN",
        },
      ],
      { codec: "SNAPPY", pageSize: 1 << 20, rowGroupSize: 100 },
    );
    const metadata = parquetMetadata(buffer);
    const elements = parquetSchema(metadata).children.map((child) => child.element);
    const decoded = (metadata.row_groups[0]?.columns ?? []).map((chunk, i) => {
      const meta = chunk.meta_data as NonNullable<typeof chunk.meta_data>;
      const { start, end } = columnChunkRange(meta);
      return decodeFlatColumnChunk(
        new Uint8Array(buffer.slice(start, end)),
        meta,
        elements[i] as SchemaElement,
        3,
      );
    });
    expect(decoded[0]).toEqual(Float64Array.from([1.5, 2.5, 1.5]));
    expect(decoded[1]).toEqual(Int32Array.from([1, 2, 3]));
    expect(decoded[2]).toEqual([1, null, 3]);
  });

  it("leaves to hyparquet what it does not decode: other types, annotations and encodings", async () => {
    const element = (extra: Partial<SchemaElement>): SchemaElement => ({
      name: "x",
      repetition_type: "REQUIRED",
      ...extra,
    });
    expect(flatKind(element({ type: "BOOLEAN" }))).toBeUndefined();
    expect(
      flatKind(element({ type: "INT32", converted_type: "DECIMAL", precision: 9, scale: 2 })),
    ).toBeUndefined();
    expect(flatKind(element({ type: "INT32", converted_type: "UINT_32" }))).toBeUndefined();
    expect(
      flatKind(element({ type: "INT64", logical_type: { type: "INTEGER", bitWidth: 64, isSigned: false } })),
    ).toBeUndefined();
    expect(flatKind(element({ type: "INT96" }))).toBeUndefined();
    expect(flatKind(element({ type: "BYTE_ARRAY", converted_type: "JSON" }))).toBeUndefined();
    expect(flatKind(element({ type: "FIXED_LEN_BYTE_ARRAY", type_length: 16 }))).toBeUndefined();
    expect(flatKind({ name: "x", repetition_type: "REPEATED", type: "INT32" })).toBeUndefined();
    expect(flatKind(element({ type: "INT32", converted_type: "DATE" }))).toBe("days");

    const buffer = parquetWriteBuffer({
      columnData: [{ name: "d", data: Int32Array.from([5, 6, 7]), encoding: "DELTA_BINARY_PACKED" }],
      schema: [
        { name: "root", num_children: 1 },
        { name: "d", type: "INT32", repetition_type: "REQUIRED" },
      ],
    });
    const metadata = parquetMetadata(buffer);
    const meta = metadata.row_groups[0]?.columns[0]?.meta_data as NonNullable<
      FileMetaData["row_groups"][0]["columns"][0]["meta_data"]
    >;
    const { start, end } = columnChunkRange(meta);
    const element0 = parquetSchema(metadata).children[0]?.element as SchemaElement;
    expect(
      decodeFlatColumnChunk(new Uint8Array(buffer.slice(start, end)), meta, element0, 3),
    ).toBeUndefined();
  });

  it("throws, never guesses, on a chunk whose pages hold fewer or more rows than its row group", async () => {
    const buffer = write(
      [
        {
          element: { name: "a", type: "DOUBLE", repetition_type: "REQUIRED" },
          values: [1, 2, 3, 4],
          encoding: "PLAIN",
        },
      ],
      { codec: "UNCOMPRESSED", pageSize: 1 << 20, rowGroupSize: 100 },
    );
    const metadata = parquetMetadata(buffer);
    const meta = metadata.row_groups[0]?.columns[0]?.meta_data as NonNullable<
      FileMetaData["row_groups"][0]["columns"][0]["meta_data"]
    >;
    const element = parquetSchema(metadata).children[0]?.element as SchemaElement;
    const { start, end } = columnChunkRange(meta);
    const bytes = new Uint8Array(buffer.slice(start, end));
    expect(() => decodeFlatColumnChunk(bytes, meta, element, 5)).toThrow(/holds 4 rows, its row group 5/);
    expect(() => decodeFlatColumnChunk(bytes, meta, element, 3)).toThrow(/more than the row group's 3 rows/);
  });
});

describe("readHybrid", () => {
  /** Encode `values` (each < 2^width) as one bit-packed run (padded to a group of 8) then one RLE run of `run` × `repeat`. */
  function encode(values: number[], width: number, repeat: number, run: number): Uint8Array {
    const groups = Math.ceil(values.length / 8);
    const bytes: number[] = [(groups << 1) | 1];
    let acc = 0n;
    let bits = 0n;
    for (let i = 0; i < groups * 8; i++) {
      acc |= BigInt(values[i] ?? 0) << bits;
      bits += BigInt(width);
    }
    for (let i = 0; i < groups * width; i++) bytes.push(Number((acc >> BigInt(8 * i)) & 0xffn));
    bytes.push(run << 1);
    for (let i = 0; i < (width + 7) >> 3; i++) bytes.push((repeat >> (8 * i)) & 0xff);
    return Uint8Array.from(bytes);
  }

  it("reads bit-packed and RLE runs of every width up to 24 bits", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 24 }).chain((width) =>
          fc.record({
            width: fc.constant(width),
            values: fc.array(fc.integer({ min: 0, max: 2 ** width - 1 }), { maxLength: 40 }),
            repeat: fc.integer({ min: 0, max: 2 ** width - 1 }),
            run: fc.integer({ min: 1, max: 50 }),
          }),
        ),
        ({ width, values, repeat, run }) => {
          const bytes = encode(values, width, repeat, run);
          const out = new Int32Array(values.length + run);
          const reader = { view: new DataView(bytes.buffer), offset: 0 };
          // values.length is not always a multiple of 8: the packed run's padding is read and dropped
          const padded = Math.ceil(values.length / 8) * 8;
          const all = new Int32Array(padded + run);
          readHybrid({ view: new DataView(bytes.buffer), offset: 0 }, width, all, bytes.length);
          expect(Array.from(all.subarray(0, values.length))).toEqual(values);
          expect(Array.from(all.subarray(padded))).toEqual(new Array(run).fill(repeat));
          if (values.length % 8 === 0) {
            readHybrid(reader, width, out, bytes.length);
            expect(reader.offset).toBe(bytes.length);
          }
        },
      ),
    );
  });

  it("refuses values that run past their page", () => {
    const bytes = Uint8Array.from([4 << 1, 1]); // an RLE run of 4 ones, where 6 are wanted
    expect(() =>
      readHybrid({ view: new DataView(bytes.buffer), offset: 0 }, 1, new Uint8Array(6), 2),
    ).toThrow(/end after 4 of 6/);
    expect(() =>
      readHybrid({ view: new DataView(bytes.buffer), offset: 0 }, 1, new Uint8Array(4), 3),
    ).toThrow(/past their page/);
  });
});
