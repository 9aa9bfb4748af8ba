import { endianness } from "node:os";
import type { DuckDBTypeId, DuckDBVector } from "@duckdb/node-api";
import { duckdbApi } from "./node-api";

const TypeId = duckdbApi.DuckDBTypeId;

/**
 * Reading a result chunk's numeric columns straight from DuckDB's vectors, without a JavaScript value per cell:
 * `chunk.getColumns()` makes a BigInt per BIGINT and an object per time stamp, and took ~250 ms for the
 * tip model's 92,895 prepared rows (21 columns) where these loops take ~40 ms.
 *
 * The vectors of @duckdb/node-api (1.5.6-r.1) keep their values in a typed array (`items`) and their nulls in a
 * bit mask (`validity.data`, read here without its per-item BigInt test); neither is declared public, so both are
 * checked at run time, and a vector that lacks them (another version) is read value by value as before.
 */

/** The parts of a fixed-width vector this module reads. */
export interface RawVector {
  readonly items?: unknown;
  /** The validity mask: a bit per item (set: not null) from bit `offset` on, or `null` when no item is null. */
  readonly validity?: { readonly data?: unknown; readonly offset?: unknown };
}

/** Whether item `index` is not null, from a vector's validity mask; undefined when the mask is not one this reads. */
export function validityOf(vector: RawVector): ((index: number) => boolean) | undefined {
  const { data, offset } = vector.validity ?? {};
  if (typeof offset !== "number") return undefined;
  if (data === null) return () => true;
  if (!(data instanceof BigUint64Array)) return undefined;
  const words = new Uint32Array(data.buffer, data.byteOffset, data.length * 2);
  return (index) => {
    const bit = offset + index;
    return (((words[bit >>> 5] as number) >>> (bit & 31)) & 1) === 1;
  };
}

const LITTLE_ENDIAN = endianness() === "LE";
const TWO_32 = 4_294_967_296;
/** The largest magnitude a 64-bit integer's high half may have for the value to be below 2^53. */
const SAFE_HIGH = 2 ** 21;

/**
 * Epoch milliseconds of a time stamp's epoch microseconds, a fraction for the microseconds (-1 µs is -0.001
 * ms): whole milliseconds exactly, a fraction as a loaded `-0.4` was (DuckDB holds it as -400 µs).
 */
export function millisOfMicros(micros: bigint): number {
  return Number(micros / 1000n) + Number(micros % 1000n) / 1000;
}

/**
 * Item `i` of 64-bit integers (`halves`: the same memory as 32-bit halves) as a Number (rounded as
 * `Number(bigint)` rounds), or, for time-stamp microseconds (`micros`), as epoch milliseconds ({@link millisOfMicros}).
 */
function int64At(items: BigInt64Array, halves: Int32Array, i: number, micros: boolean): number {
  const high = halves[2 * i + 1] as number;
  if (high >= SAFE_HIGH || high < -SAFE_HIGH) {
    // beyond 2^53: exact integer arithmetic
    const big = items[i] as bigint;
    return micros ? millisOfMicros(big) : Number(big);
  }
  const value = high * TWO_32 + ((halves[2 * i] as number) >>> 0);
  if (!micros) return value;
  const rest = value % 1000;
  return (value - rest) / 1000 + rest / 1000;
}

const halvesOf = (items: BigInt64Array): Int32Array =>
  new Int32Array(items.buffer, items.byteOffset, items.length * 2);

/** The 64-bit integers of `items` appended to `out` as {@link int64At} reads them, nulls as `null`. */
function pushInt64(
  out: unknown[],
  items: BigInt64Array,
  valid: (index: number) => boolean,
  micros: boolean,
): void {
  const halves = halvesOf(items);
  for (let i = 0; i < items.length; ++i) out.push(valid(i) ? int64At(items, halves, i, micros) : null);
}

/** Whether no item of a vector is null, by its validity mask; undefined when the mask is not one this reads. */
function noNulls(vector: RawVector, length: number): boolean | undefined {
  const { data, offset } = vector.validity ?? {};
  if (typeof offset !== "number") return undefined;
  if (data === null) return true;
  if (!(data instanceof BigUint64Array)) return undefined;
  const valid = validityOf(vector) as (index: number) => boolean;
  for (let i = 0; i < length; ++i) if (!valid(i)) return false;
  return true;
}

/**
 * The values of a numeric vector of type `typeId` as a new Float64Array (a TIMESTAMP as epoch milliseconds,
 * microseconds as a fraction), with the values {@link pushVectorNumbers} gives; `null` when an item is null; undefined when the
 * vector is not one this reads. A result column without nulls is then a few copies, not a push per value.
 */
export function vectorFloat64(vector: DuckDBVector, typeId: DuckDBTypeId): Float64Array | null | undefined {
  const raw = vector as unknown as RawVector;
  const { items } = raw;
  if (!LITTLE_ENDIAN || !ArrayBuffer.isView(items) || items instanceof DataView) return undefined;
  const clean = noNulls(raw, (items as unknown as ArrayLike<unknown>).length);
  if (clean !== true) return clean === false ? null : undefined;
  if (items instanceof BigInt64Array) {
    if (typeId !== TypeId.BIGINT && typeId !== TypeId.TIMESTAMP) return undefined;
    const [out, halves, micros] = [
      new Float64Array(items.length),
      halvesOf(items),
      typeId === TypeId.TIMESTAMP,
    ];
    for (let i = 0; i < items.length; ++i) out[i] = int64At(items, halves, i, micros);
    return out;
  }
  const plain =
    (items instanceof Float64Array && typeId === TypeId.DOUBLE) ||
    (items instanceof Float32Array && typeId === TypeId.FLOAT) ||
    (items instanceof Int32Array && typeId === TypeId.INTEGER) ||
    (items instanceof Int16Array && typeId === TypeId.SMALLINT) ||
    (items instanceof Int8Array && typeId === TypeId.TINYINT);
  return plain ? new Float64Array(items as ArrayLike<number>) : undefined;
}

/**
 * Append the values of a numeric vector of type `typeId` to `out` as numbers (a TIMESTAMP as epoch
 * milliseconds, microseconds as a fraction), nulls as `null`; false (nothing appended) when the vector is not one this reads.
 */
export function pushVectorNumbers(out: unknown[], vector: DuckDBVector, typeId: DuckDBTypeId): boolean {
  const raw = vector as unknown as RawVector;
  const { items } = raw;
  const valid = validityOf(raw);
  if (valid === undefined || !LITTLE_ENDIAN) return false;
  if (items instanceof BigInt64Array) {
    if (typeId === TypeId.BIGINT) pushInt64(out, items, valid, false);
    else if (typeId === TypeId.TIMESTAMP) pushInt64(out, items, valid, true);
    else return false;
    return true;
  }
  const plain =
    items instanceof Float64Array ||
    items instanceof Float32Array ||
    items instanceof Int32Array ||
    items instanceof Int16Array ||
    items instanceof Int8Array;
  const numeric =
    typeId === TypeId.DOUBLE ||
    typeId === TypeId.FLOAT ||
    typeId === TypeId.INTEGER ||
    typeId === TypeId.SMALLINT ||
    typeId === TypeId.TINYINT;
  if (!plain || !numeric) return false;
  for (let i = 0; i < items.length; ++i) out.push(valid(i) ? (items[i] as number) : null);
  return true;
}
