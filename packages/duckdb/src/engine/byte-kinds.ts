/**
 * The kinds of bytes in a CSV file's body that decide whether DuckDB's typed CSV read of its number columns
 * gives what readTable gives (see `typedNumbersFit`): each kind is one bit of a mask, found by a byte scan of the
 * whole body (`csvBodyKinds`) before any query runs.
 */

/** One kind of byte, as the bit it sets in a mask of kinds. */
export const BYTE_KIND = {
  /** `_`: DuckDB reads `1_000` as 1000. */
  underscore: 1,
  /** `+`: DuckDB reads `+-1` as -1. */
  plus: 2,
  /** Vertical tab or form feed: DuckDB trims them around a number, readTable does not. */
  castBlank: 4,
  /** `"`: a quoted cell may hold CR or LF, which DuckDB trims around a number and readTable does not. */
  quote: 8,
  /** A CR not followed by LF (a blank inside a line, or an old Mac line end). */
  loneCr: 16,
  /** `e` or `E`: an exponent, which readTable refuses in an integer (`1e3`). */
  exponent: 32,
  /** `.` after anything but a digit: readTable refuses `.0` as an integer, DuckDB reads it as 0. */
  barePoint: 64,
} as const;

const [UNDERSCORE, PLUS, VT, FF, QUOTE, CR, LF, LOWER_E, UPPER_E, POINT, D0, D9] = [
  95, 43, 11, 12, 34, 13, 10, 101, 69, 46, 48, 57,
];

/**
 * The kinds of the bytes `b[start..end)` (see {@link BYTE_KIND}), each byte judged with the one before it
 * (`b[start - 1]`, so `start` ≥ 1) and the one after it (`b[end]` for the last): the byte-at-a-time reference
 * the SIMD scan (`simd-byte-kinds.ts`) is tested against, and its stand-in where WebAssembly SIMD is missing.
 * @example byteKindsAt(Buffer.from("\n1_000\n"), 1, 6) // BYTE_KIND.underscore
 */
export function byteKindsAt(b: Uint8Array, start: number, end: number): number {
  let kinds = 0;
  for (let i = start; i < end; i++) {
    const c = b[i] as number;
    if (c === UNDERSCORE) kinds |= BYTE_KIND.underscore;
    else if (c === PLUS) kinds |= BYTE_KIND.plus;
    else if (c === VT || c === FF) kinds |= BYTE_KIND.castBlank;
    else if (c === QUOTE) kinds |= BYTE_KIND.quote;
    else if (c === CR && b[i + 1] !== LF) kinds |= BYTE_KIND.loneCr;
    else if (c === LOWER_E || c === UPPER_E) kinds |= BYTE_KIND.exponent;
    else if (c === POINT) {
      const before = b[i - 1] as number;
      if (before < D0 || before > D9) kinds |= BYTE_KIND.barePoint;
    }
  }
  return kinds;
}
