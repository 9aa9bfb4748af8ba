import {
  batchType,
  Column,
  columnFromArray,
  dictionary,
  float64,
  largeUtf8,
  utf8,
  utf8View,
} from "@uwdata/flechette";
import { describe, expect, it } from "vitest";
import { arrowColumnValues } from "./arrow-column-values";

const texts = ["\ufeffx", "\ufeff", null, "a\ufeff", "\ufeff\ufeffé", "\ufeff is longer than twelve bytes"];

/** A Utf8View batch built by hand (flechette does not write them): short texts inline, long ones in a buffer. */
function viewColumn(values: readonly (string | null)[]): Column<unknown> {
  const encoder = new TextEncoder();
  const views = new Uint8Array(16 * values.length);
  const out = new DataView(views.buffer);
  const validity = new Uint8Array(Math.ceil(values.length / 8));
  const long: number[] = [];
  values.forEach((value, i) => {
    if (value === null) return;
    validity[i >> 3] = (validity[i >> 3] as number) | (1 << (i & 7));
    const bytes = encoder.encode(value);
    out.setInt32(16 * i, bytes.length, true);
    if (bytes.length <= 12) {
      views.set(bytes, 16 * i + 4);
      return;
    }
    views.set(bytes.subarray(0, 4), 16 * i + 4);
    out.setInt32(16 * i + 8, 0, true); // the first data buffer
    out.setInt32(16 * i + 12, long.length, true);
    long.push(...bytes);
  });
  const ViewBatch = batchType(utf8View());
  const nullCount = values.filter((value) => value === null).length;
  const batch = new ViewBatch({
    length: values.length,
    nullCount,
    type: utf8View(),
    validity,
    values: views,
    data: [Uint8Array.from(long)],
  } as ConstructorParameters<typeof ViewBatch>[0]);
  return new Column([batch]);
}

describe("arrowColumnValues", () => {
  it("keeps a leading U+FEFF where toArray drops it: utf8 and large utf8, over several batches, nulls kept", () => {
    for (const type of [utf8(), largeUtf8()]) {
      const column = columnFromArray(texts, type, { maxBatchRows: 4 });
      expect(column.data.length).toBe(2);
      expect(column.toArray()[0]).toBe("x"); // what flechette's own decoder gives
      expect(arrowColumnValues(column)).toEqual(texts);
    }
  });

  it("decodes a dictionary's strings once for the batches that share it", () => {
    const column = columnFromArray([...texts, ...texts], dictionary(utf8()), { maxBatchRows: 5 });
    expect(column.data.length).toBe(3);
    expect(arrowColumnValues(column)).toEqual([...texts, ...texts]);
  });

  it("reads a view batch's inline and buffered strings", () => {
    expect(arrowColumnValues(viewColumn(texts))).toEqual(texts);
  });

  it("gives a column of any other type as toArray does", () => {
    const column = columnFromArray([1.5, null, -0], float64());
    expect(arrowColumnValues(column)).toEqual(column.toArray());
  });
});
