/**
 * The time-stamp line check (`stampLinesAt`) as a WebAssembly SIMD function, the second function of the byte
 * scan's module (`simd-byte-kinds.ts`, which wires it in): ~0.155 ms per MiB of the 1M-trip taxi file (~12.5 ms
 * for its 1M lines, two time-stamp fields after a short one) where the reference takes ~2.1 ms per MiB (~170 ns a
 * line), Node 20, the same 1 MiB chunks, on a 2-core 2.6 GHz machine where both ran beside other work.
 *
 * The lines are found apart from their walks: the line at `from`, then the one after each LF before the limit,
 * from the LF bits of 48 bytes at a time (three 16-byte loads, `i8x16.eq` and `i8x16.bitmask`, the lines taken
 * by the trailing zeros); a walk then need not find its line's end, and no walk waits for the one before it
 * (~11.5 ns a taxi line, against ~13.5 when each walk went on to its LF, 48 bytes a step, and the next line
 * waited for it). A walk goes through the fields up to the last time-stamp field: a time-stamp cell is first tried as a
 * canonical time stamp followed by the delimiter, the usual case, in one check of two overlapping 16-byte loads
 * (its 20 bytes) and two scalar bytes of its hour; then as any cell stampLinesAt takes (an empty one, or a time
 * stamp followed by LF or CRLF). Any other field is skipped to its delimiter or LF 16 bytes a step.
 *
 * `stamps(from, limit, delimiter, table, last) -> 1 | 0` is `stampLinesAt(memory, from, limit, delimiter, t)`
 * where `t` is the `last + 1` bytes at the address `table`, which needs `t[last]` = 1 (the last field a time
 * stamp, so a walk never reads past it), 0 ≤ last, and a delimiter byte other than LF (so a walk stays in its
 * line). It reads up to 46 bytes past `limit`, and their bytes do not change the answer.
 */

import { LAST_HOUR, STAMP_LENGTH, STAMP_SEPARATORS } from "./stamp-lines";
import {
  AND_NOT,
  ANY_TRUE,
  BITMASK,
  BLOCK,
  BR,
  BR_IF,
  bytesConst,
  ELSE,
  END,
  EQ,
  functionBody,
  get,
  I32,
  I32_ADD,
  I32_AND,
  I32_CTZ,
  I32_EQ,
  I32_EQZ,
  I32_GT_U,
  I32_LE_U,
  I32_LT_U,
  I32_MUL,
  I32_NE,
  I32_OR,
  I32_SUB,
  I32_WRAP,
  I64,
  I64_AND,
  I64_CTZ,
  I64_EQZ,
  I64_EXTEND_I32_U,
  I64_OR,
  I64_SHL,
  I64_SUB,
  IF,
  i32,
  i64,
  LOOP,
  load,
  loadByte,
  OR,
  REPLACE_LANE,
  RETURN,
  SPLAT,
  SUB,
  SUB_SAT_U,
  set,
  splat,
  tee,
  V128,
  VOID,
} from "./wasm-assembly";

const [LF, CR, D0] = [10, 13, 48];
/** The largest `b[p+11] * 10 + b[p+12]` of an hour 00-23: the last hour plus the digits' offset '0' times 11. */
const LAST_BYTES_HOUR = LAST_HOUR + D0 * 11;
/** The bytes whose LFs are found at a time: three loads, whose reads past the limit stay within 48 bytes. */
const BLOCK_BYTES = 48;

/** The 16 lanes of `lane(byte)` for the bytes `offset..offset+16)` of a time stamp. */
const lanesFrom = (offset: number, lane: (byte: number) => number): number[] =>
  Array.from({ length: 16 }, (_, i) => lane(offset + i));
/** The lowest byte a time stamp's byte may be: '0' or its separator (a space at the day-time one). */
const low = (byte: number): number => STAMP_SEPARATORS[byte]?.[0] ?? D0;
/** How far above its lowest byte a time stamp's byte may be: 9 for a digit, else 0. */
const span = (byte: number): number => (STAMP_SEPARATORS[byte] === undefined ? 9 : 0);
/** Whether a time stamp's byte has two choices (the day-time separator), which only the first load judges. */
const twoChoices = (byte: number): boolean => STAMP_SEPARATORS[byte]?.[1] !== undefined;
/** The lows of a load of a time stamp's bytes from `offset` that is not the first: 0 at the day-time separator. */
const laterLows = (offset: number) => lanesFrom(offset, (byte) => (twoChoices(byte) ? 0 : low(byte)));
/** The spans of such a load: 255 (any byte) at the day-time separator, 0 past the stamp (its delimiter). */
const laterSpans = (offset: number) =>
  lanesFrom(offset, (byte) => (twoChoices(byte) ? 255 : byte < STAMP_LENGTH ? span(byte) : 0));

/** Where the second load of a 19-byte check starts: its 16 bytes end with the stamp's. */
const SECOND = STAMP_LENGTH - 16;
/** Where the second load of the check of a stamp and its delimiter starts: its last lane is the delimiter. */
const DELIMITED = STAMP_LENGTH + 1 - 16;

/**
 * The vectors the walk compares with, each held in a local set once before it (not rebuilt at each use): LF and
 * the delimiter in each lane, and the templates of the loads of a time stamp (a lane is the low one or up to its
 * span above; the first load's other choice, `T`, in `firstOther`). The later loads accept any byte at the
 * day-time separator, which the first one judges. `delimitedLow` has the delimiter in its last lane.
 */
const VECTORS = {
  lf: () => splat(LF),
  delimiters: () => [...get(DELIMITER), ...SPLAT],
  firstLow: () => bytesConst(lanesFrom(0, low)),
  firstSpan: () => bytesConst(lanesFrom(0, span)),
  firstOther: () => bytesConst(lanesFrom(0, (byte) => STAMP_SEPARATORS[byte]?.[1] ?? low(byte))),
  secondLow: () => bytesConst(laterLows(SECOND)),
  secondSpan: () => bytesConst(laterSpans(SECOND)),
  delimitedLow: () => [...bytesConst(laterLows(DELIMITED)), ...get(DELIMITER), ...REPLACE_LANE, 15],
  delimitedSpan: () => bytesConst(laterSpans(DELIMITED)),
};
type VectorName = keyof typeof VECTORS;
const VECTOR_NAMES = Object.keys(VECTORS) as VectorName[];

// Locals: the parameters p (`from`, then the byte the walk is at), limit, delimiter, table and last, then the
// field's index, a byte or a bitmask, the block `a` whose LFs are found, their bits, a vector, and the vectors
// of VECTORS.
const [P, LIMIT, DELIMITER, TABLE, LAST, FIELD, BYTE, A, LF_BITS, V, FIRST_VECTOR] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
];
const LOCALS: readonly (readonly [count: number, type: number])[] = [
  [3, I32],
  [1, I64],
  [1 + VECTOR_NAMES.length, V128],
];
/** The value of a vector of VECTORS. */
const vector = (vectorName: VectorName): number[] => get(FIRST_VECTOR + VECTOR_NAMES.indexOf(vectorName));
/** Set the vectors' locals. */
const setVectors = (): number[] =>
  VECTOR_NAMES.flatMap((vectorName) => [
    ...VECTORS[vectorName](),
    ...set(FIRST_VECTOR + VECTOR_NAMES.indexOf(vectorName)),
  ]);

/** `return 0` when the i32 on the stack is 0. */
const refuseIfZero = (): number[] => [...I32_EQZ, IF, VOID, ...i32(0), RETURN, END];

/** Whether the byte at p ends a cell, on the stack: the delimiter, LF, or CR before LF. */
const endsCell = (): number[] => [
  ...[...get(P), ...loadByte(0), ...tee(BYTE), ...get(DELIMITER), ...I32_EQ],
  ...[...get(BYTE), ...i32(LF), ...I32_EQ, ...I32_OR],
  ...[...get(BYTE), ...i32(CR), ...I32_EQ, ...get(P), ...loadByte(1), ...i32(LF), ...I32_EQ],
  ...[...I32_AND, ...I32_OR],
];

/**
 * Whether the bytes at p are a canonical time stamp, hour 00-23, on the stack: its 19 bytes, or with `delimited`
 * its 19 bytes and the delimiter after them. A lane of a load is wrong where `lane - low` saturated-minus its
 * span is not 0 (it is above its range, or below it, wrapping around), unless it equals the other choice; the
 * stamp is canonical when no lane of either load is wrong.
 */
const canonicalStamp = (delimited: boolean): number[] => [
  // bytes 0-15
  ...[...get(P), ...load(0), ...tee(V), ...vector("firstLow"), ...SUB, ...vector("firstSpan"), ...SUB_SAT_U],
  ...[...get(V), ...vector("firstOther"), ...EQ, ...AND_NOT],
  // bytes 3-18, or 4-19
  ...(delimited
    ? [...get(P), ...load(DELIMITED), ...vector("delimitedLow"), ...SUB, ...vector("delimitedSpan")]
    : [...get(P), ...load(SECOND), ...vector("secondLow"), ...SUB, ...vector("secondSpan")]),
  ...[...SUB_SAT_U, ...OR, ...ANY_TRUE, ...I32_EQZ],
  // the hour, once its bytes are digits
  ...[...get(P), ...loadByte(11), ...i32(10), ...I32_MUL, ...get(P), ...loadByte(12), ...I32_ADD],
  ...[...i32(LAST_BYTES_HOUR), ...I32_LE_U, ...I32_AND],
  // a first byte that is the delimiter (a digit) ends the cell, empty: stampLinesAt tries that first
  ...[...get(P), ...loadByte(0), ...get(DELIMITER), ...I32_NE, ...I32_AND],
];

/**
 * A time-stamp field's cell at p as stampLinesAt judges it (the walk's second try, after a time stamp followed by
 * the delimiter): a canonical time stamp followed by a byte that ends a cell, p then past the stamp; or empty (p
 * ends a cell); else `return 0`.
 */
const stampCell = (): number[] => [
  ...[...canonicalStamp(false), IF, VOID],
  ...[...get(P), ...i32(STAMP_LENGTH), ...I32_ADD, ...set(P)],
  ...[...endsCell(), ...refuseIfZero()],
  ...[ELSE, ...endsCell(), ...refuseIfZero(), END],
];

/** Any other field: p to its end, the next delimiter or LF, 16 bytes a step. */
const skipField = (): number[] => [
  ...[BLOCK, VOID, LOOP, VOID],
  ...[...get(P), ...load(0), ...tee(V), ...vector("delimiters"), ...EQ],
  ...[...get(V), ...vector("lf"), ...EQ, ...OR, ...BITMASK, ...tee(BYTE), BR_IF, 1],
  ...[...get(P), ...i32(16), ...I32_ADD, ...set(P), BR, 0],
  ...[END, END],
  ...[...get(P), ...get(BYTE), ...I32_CTZ, ...I32_ADD, ...set(P)],
];

/** The LF lanes of the 16 bytes at `a` plus `offset`, as the bits of an i64 from bit `offset`. */
const lfBits = (offset: number): number[] => [
  ...[...get(A), ...load(offset), ...vector("lf"), ...EQ, ...BITMASK, ...I64_EXTEND_I32_U],
  ...(offset === 0 ? [] : [...i64(offset), ...I64_SHL]),
];

/** The LF bits of the 48 bytes at `a`, on the stack. */
const blockLfs = (): number[] => [...lfBits(0), ...lfBits(16), ...I64_OR, ...lfBits(32), ...I64_OR];

/** Those of them before the limit, which is less than 48 bytes past `a`: the bits below `limit - a`. */
const lastBlockLfs = (): number[] => [
  ...[...blockLfs(), ...i64(1), ...get(LIMIT), ...get(A), ...I32_SUB, ...I64_EXTEND_I32_U, ...I64_SHL],
  ...[...i64(1), ...I64_SUB, ...I64_AND],
];

/**
 * The fields of the line at p, 0..last: falls through when they pass, else `return 0`. A time-stamp field is
 * first tried as a time stamp followed by the delimiter (one check, p then past the delimiter), then as any cell.
 */
const line = (): number[] => [
  ...[...i32(0), ...set(FIELD)],
  ...[BLOCK, VOID, LOOP, VOID],
  // a time-stamp field (`table[field]` is 1)
  ...[...get(TABLE), ...get(FIELD), ...I32_ADD, ...loadByte(0), ...i32(1), ...I32_EQ, IF, VOID],
  ...[...canonicalStamp(true), IF, VOID, ...get(P), ...i32(STAMP_LENGTH + 1), ...I32_ADD, ...set(P)],
  ...[...get(FIELD), ...get(LAST), ...I32_EQ, BR_IF, 3],
  ...[...get(FIELD), ...i32(1), ...I32_ADD, ...set(FIELD), BR, 2],
  END,
  // any other cell, and the line's fields are done at the last one
  ...[...stampCell(), ...get(FIELD), ...get(LAST), ...I32_EQ, BR_IF, 2],
  ...[ELSE, ...skipField(), END],
  // the field ends at a delimiter, not at the line's end; the next one starts after it
  ...[...get(P), ...loadByte(0), ...get(DELIMITER), ...I32_NE, IF, VOID, ...i32(0), RETURN, END],
  ...[...get(P), ...i32(1), ...I32_ADD, ...set(P)],
  ...[...get(FIELD), ...i32(1), ...I32_ADD, ...set(FIELD), BR, 0],
  ...[END, END],
];

/** The function's type: (from, limit, delimiter, table, last) -> 1 | 0. */
export const STAMPS_TYPE = [0x60, 5, I32, I32, I32, I32, I32, 1, I32];

/** The line after each LF of LF_BITS (bits from `a`), each bit then dropped. */
const eachLine = (): number[] => [
  ...[BLOCK, VOID, LOOP, VOID],
  ...[...get(LF_BITS), ...I64_EQZ, BR_IF, 1],
  ...[...get(A), ...get(LF_BITS), ...I64_CTZ, ...I32_WRAP, ...I32_ADD, ...i32(1), ...I32_ADD, ...set(P)],
  ...line(),
  ...[...get(LF_BITS), ...get(LF_BITS), ...i64(1), ...I64_SUB, ...I64_AND, ...set(LF_BITS), BR, 0],
  ...[END, END],
];

/**
 * The function's body: the line at `from`, then the line after each LF in `[from, limit)`, 48 bytes of LF bits
 * at a time (the last ones, less than 48 bytes before the limit, and-ed with the bits below it); then 1.
 */
export function stampsBody(): number[] {
  const lines = [
    ...[...get(P), ...get(LIMIT), ...I32_GT_U, IF, VOID, ...i32(1), RETURN, END],
    ...[...get(P), ...set(A), ...line()],
    ...[BLOCK, VOID, LOOP, VOID],
    ...[...get(A), ...i32(BLOCK_BYTES), ...I32_ADD, ...get(LIMIT), ...I32_GT_U, BR_IF, 1],
    ...[...blockLfs(), ...set(LF_BITS), ...eachLine()],
    ...[...get(A), ...i32(BLOCK_BYTES), ...I32_ADD, ...set(A), BR, 0],
    ...[END, END],
    ...[...get(A), ...get(LIMIT), ...I32_LT_U, IF, VOID],
    ...[...lastBlockLfs(), ...set(LF_BITS), ...eachLine(), END],
  ];
  return functionBody(LOCALS, [...setVectors(), ...lines, ...i32(1)]);
}
