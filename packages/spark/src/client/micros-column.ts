import { type Batch, batchType, Column, TimeUnit, timestamp } from "@uwdata/flechette";

/** Zone-less microseconds: Spark reads them as TIMESTAMP_NTZ, so wall clocks never shift. */
export const MICROS = timestamp(TimeUnit.MICROSECOND);

/** 2^63: microseconds are 64-bit integers. */
const INT64_LIMIT = 2 ** 63;

/**
 * The microseconds of epoch milliseconds, a fraction of a millisecond kept to the nearest microsecond (half away
 * from zero, as DuckDB's loader rounds: `-0.4` is -400 µs), or undefined when they are past a 64-bit integer.
 */
export function microsOf(ms: number): bigint | undefined {
  const micros = Math.sign(ms) * Math.round(Math.abs(ms * 1000));
  return Number.isFinite(micros) && Math.abs(micros) < INT64_LIMIT ? BigInt(micros) : undefined;
}

/** A batch class's constructor, as `batchType` gives it (typed `any` by flechette). */
type BatchClass = new (options: ConstructorParameters<typeof Batch>[0]) => Batch<bigint>;

/**
 * A time-stamp column of microseconds (`null`: a null cell), its buffers written here: Arrow's builder takes
 * whole milliseconds only (it converts a number to microseconds with `BigInt(ms * 1000)`).
 */
export function microsColumn(micros: readonly (bigint | null)[]): Column<bigint> {
  const values = new BigInt64Array(micros.length);
  const validity = new Uint8Array(Math.ceil(micros.length / 8));
  let nullCount = 0;
  micros.forEach((value, i) => {
    if (value === null) {
      nullCount++;
      return;
    }
    values[i] = value;
    validity[i >> 3] = (validity[i >> 3] as number) | (1 << (i & 7));
  });
  // no row, no batch, as the builder makes its other columns
  if (micros.length === 0) return new Column<bigint>([], MICROS);
  const Direct = batchType(MICROS, { useBigIntTimestamp: true }) as BatchClass;
  return new Column([new Direct({ length: micros.length, nullCount, type: MICROS, validity, values })]);
}
