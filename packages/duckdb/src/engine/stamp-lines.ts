/**
 * The check that lets a CSV read on DuckDB take its TIMESTAMP cast of a time-stamp column without a guard: every
 * cell of the column is empty or written exactly `YYYY-MM-DD HH:MM:SS` (or with `T` between day and time), hour
 * 00-23. DuckDB's cast then gives readTable's value or none (a day or minute that does not exist), which the fast
 * read's guard would take anyway (`fast-csv-read.ts`): the guard's per-cell round trip through text (~45 ms per
 * column at 1M rows) is not needed. The check runs in the byte scan of the file's body (`csvBodyKinds`), over the
 * lines of a file without quotes, whose cells are then split at each delimiter as DuckDB and readTable split them.
 */

/**
 * The bit `csvBodyKinds` adds to its kinds when a time-stamp column's cell is not canonical (see above), or when it
 * could not check them all: the file holds a quote, or the scan stopped early.
 */
export const ODD_STAMP = 1 << 8;

/** The time-stamp columns a scan checks: their fields, by index in the header record, and the delimiter. */
export interface StampFields {
  /** The field indices of the time-stamp columns. */
  readonly fields: readonly number[];
  /** The delimiter's byte (`,` or tab). */
  readonly delimiter: number;
}

const [LF, CR, DASH, COLON, SPACE, T] = [10, 13, 45, 58, 32, 84];
/** A canonical time stamp's length, `YYYY-MM-DD HH:MM:SS`. */
export const STAMP_LENGTH = 19;
/**
 * The separators of a canonical time stamp by their offset (two at the day-time one); digits sit elsewhere. The
 * reference below and the SIMD check (`simd-stamp-lines.ts`) both read the form from here.
 */
export const STAMP_SEPARATORS: Readonly<Record<number, readonly [number, number?]>> = {
  4: [DASH],
  7: [DASH],
  10: [SPACE, T],
  13: [COLON],
  16: [COLON],
};
/** The last hour of a canonical time stamp (DuckDB's cast reads 24 as the next midnight; readTable refuses it). */
export const LAST_HOUR = 23;

/**
 * One byte per field up to the last time-stamp field: 1 for a time-stamp field, else 0 (the table the scan reads).
 * @example stampFieldTable([1, 3]) // Uint8Array [0, 1, 0, 1]
 */
export function stampFieldTable(fields: readonly number[]): Uint8Array {
  const table = new Uint8Array(Math.max(-1, ...fields) + 1);
  for (const field of fields) table[field] = 1;
  return table;
}

/** Whether `b[p]` ends a cell: the delimiter, LF, or a CR before LF. */
function endsCell(b: Uint8Array, p: number, delimiter: number): boolean {
  const c = b[p];
  return c === delimiter || c === LF || (c === CR && b[p + 1] === LF);
}

/** Whether `b[p..p+19)` is a canonical time stamp (hour 00-23). */
function canonicalStampAt(b: Uint8Array, p: number): boolean {
  if (p + STAMP_LENGTH > b.length) return false;
  for (let i = 0; i < STAMP_LENGTH; i++) {
    const c = b[p + i] as number;
    const separators = STAMP_SEPARATORS[i];
    if (separators === undefined ? c < 48 || c > 57 : !separators.includes(c)) return false;
  }
  return ((b[p + 11] as number) - 48) * 10 + ((b[p + 12] as number) - 48) <= LAST_HOUR;
}

/**
 * Whether every line starting in `b[from..limit]` (`b[limit]` is a LF, so each one ends by it) has a canonical or
 * empty cell in each time-stamp field (`table`, see {@link stampFieldTable}), the cells cut at each `delimiter`
 * byte: the byte-at-a-time reference of the SIMD check (`simd-stamp-lines.ts`), and its stand-in where
 * WebAssembly SIMD is missing. A line that ends before its last time-stamp field is refused. An empty table
 * accepts every line. A LF delimiter is refused with a RangeError: a cut at LF would walk on through the next
 * lines, past the memory's end at the last one.
 * @example stampLinesAt(Buffer.from("1,2018-02-04 18:00:00\n"), 0, 21, 44, stampFieldTable([1])) // true
 */
export function stampLinesAt(
  b: Uint8Array,
  from: number,
  limit: number,
  delimiter: number,
  table: Uint8Array,
): boolean {
  if (delimiter === LF) {
    throw new RangeError(`stampLinesAt: the delimiter must not be LF (byte ${delimiter}), which ends a line`);
  }
  const last = table.length - 1;
  if (last < 0) return true;
  let p = from;
  while (p <= limit) {
    for (let field = 0; ; field++) {
      if (table[field] === 1) {
        if (!endsCell(b, p, delimiter)) {
          if (!canonicalStampAt(b, p)) return false;
          p += STAMP_LENGTH;
          if (!endsCell(b, p, delimiter)) return false;
        }
        if (field === last) break;
      } else {
        while (b[p] !== delimiter && b[p] !== LF) p++;
      }
      if (b[p] !== delimiter) return false;
      p++;
    }
    while (b[p] !== LF) p++;
    p++;
  }
  return true;
}
