/**
 * Parquet DECIMAL columns read as the double nearest to each decimal, as Spark and DuckDB read them: from the
 * unscaled integer the file stores, not from hyparquet's decoding (the unscaled integer, already rounded to a
 * double past 2^53, times 10^-scale: `12.5` as DECIMAL(38,18) came out 12.500000000000002).
 */

import type { FileMetaData, SchemaElement } from "hyparquet";

/** The largest scale whose 10^scale is an exact double. */
const MAX_EXACT_SCALE = 22;
/** Powers of ten up to 10^22, each an exact double. */
const POWERS = Array.from({ length: MAX_EXACT_SCALE + 1 }, (_, i) => 10 ** i);

/**
 * The scale of a DECIMAL column (its converted or logical type), or undefined for any other column.
 * @example decimalScale({ name: "fare", type: "INT64", converted_type: "DECIMAL", precision: 18, scale: 3 }) // 3
 */
export function decimalScale(element: SchemaElement): number | undefined {
  const logical = element.logical_type;
  if (logical?.type === "DECIMAL") return element.scale ?? logical.scale;
  return element.converted_type === "DECIMAL" ? (element.scale ?? 0) : undefined;
}

/**
 * The file's metadata with its DECIMAL columns' types removed, so that hyparquet gives their unscaled integers
 * as stored (INT32 numbers, INT64 bigints, the two's-complement bytes of a (FIXED_LEN_)BYTE_ARRAY, read with
 * `utf8: false`); undefined when the file has none.
 */
export function unscaledDecimalsMetadata(metadata: FileMetaData): FileMetaData | undefined {
  if (!metadata.schema.some((element) => decimalScale(element) !== undefined)) return undefined;
  const schema = metadata.schema.map((element): SchemaElement => {
    if (decimalScale(element) === undefined) return element;
    const { converted_type: _converted, logical_type: _logical, ...plain } = element;
    return plain;
  });
  return { ...metadata, schema };
}

/** The signed integer of big-endian two's-complement bytes. */
function bytesInteger(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  const bits = BigInt(bytes.length * 8);
  return bytes.length > 0 && (bytes[0] as number) >= 0x80 ? value - (1n << bits) : value;
}

/**
 * The double nearest to the decimal `unscaled` × 10^-scale: a division of two exact doubles (correctly rounded)
 * while the unscaled integer is one, else JavaScript's (correctly rounded) parse of the decimal's text.
 * @example nearestOfUnscaled(12500000000000000000n, 18) // 12.5
 */
export function nearestOfUnscaled(unscaled: number | bigint, scale: number): number {
  const exact = typeof unscaled === "number" ? unscaled : Number(unscaled);
  if (Number.isSafeInteger(exact) && scale <= MAX_EXACT_SCALE) return exact / (POWERS[scale] as number);
  return Number(`${unscaled}e-${scale}`);
}

/**
 * A DECIMAL column's values from its unscaled integers as hyparquet decodes them without the column's type (see
 * {@link unscaledDecimalsMetadata}): each the nearest double to its decimal; nulls kept.
 */
export function decimalsFromUnscaled(values: ArrayLike<unknown>, scale: number): ArrayLike<unknown> {
  if (values instanceof Int32Array) {
    if (scale === 0) return values;
    const divisor = POWERS[scale];
    if (divisor !== undefined) return Float64Array.from(values, (value) => value / divisor);
  }
  return Array.from(values, (value) => {
    if (typeof value === "number" || typeof value === "bigint") return nearestOfUnscaled(value, scale);
    return value instanceof Uint8Array ? nearestOfUnscaled(bytesInteger(value), scale) : value;
  });
}
