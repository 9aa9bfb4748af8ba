/**
 * Value semantics shared by every transform that compares cells: equality (dedupe, grouping), hashing
 * consistent with it, and a total order (deterministic tie-breaks).
 *
 * Equality (SQL's for grouping and dedupe): the missing values `null`, `undefined`, NaN and an invalid Date
 * are one value (and differ from `""`); `1` and `"1"` differ; Dates are equal when they hold the same
 * instant; `0` equals `-0`; other objects are compared by their JSON text. The order agrees with it on the
 * missing values: they are equal to each other (as SQL's NULLs, and as DuckDB and Spark hold a NaN), and come
 * before every other value; rows tied on them keep their order (the callers break ties by position).
 */

import { isMissing } from "./is-missing";

function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Whether two cells are the same value (see the module comment). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const missing = isMissing(a);
  if (missing || isMissing(b)) return missing && isMissing(b);
  if (typeof a === "number") return false;
  if (a instanceof Date) return b instanceof Date && a.getTime() === b.getTime();
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null && !(b instanceof Date)) {
    return jsonText(a) === jsonText(b);
  }
  return false;
}

const float = new Float64Array(1);
const words = new Uint32Array(float.buffer);

/** 32-bit finaliser (MurmurHash3 fmix32). */
export function fmix(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Fold a 32-bit word into a running hash (MurmurHash3 body step). */
export function mix(h: number, word: number): number {
  let k = Math.imul(word, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let x = h ^ k;
  x = (x << 13) | (x >>> 19);
  return (Math.imul(x, 5) + 0xe6546b64) >>> 0;
}

const TAG_INT = 0x1f;
const TAG_FLOAT = 0x2f;
const TAG_STRING = 0x4f;
const TAG_DATE = 0x5f;
const TAG_NULL = 0x6f;
const TAG_TRUE = 0x8f;
const TAG_FALSE = 0x9f;
const TAG_BIGINT = 0xaf;
const TAG_OBJECT = 0xbf;

/** Fold a number into a running hash, consistently with {@link hashValueInto} (the fast path for numeric columns). */
export function hashNumberInto(h: number, value: number, tag = TAG_INT): number {
  if (value === (value | 0)) return mix(mix(h, tag), value); // also maps -0 to 0
  if (Number.isNaN(value)) return mix(h, TAG_NULL); // every missing value hashes alike
  float[0] = value;
  return mix(mix(mix(h, TAG_FLOAT ^ tag), words[0]!), words[1]!);
}

function hashStringInto(h: number, value: string, tag: number): number {
  let x = mix(h, tag ^ value.length);
  for (let i = 0; i < value.length; ++i) x = mix(x, value.charCodeAt(i));
  return x;
}

/** Fold one cell into a running hash, consistently with {@link sameValue}. */
export function hashValueInto(h: number, value: unknown): number {
  switch (typeof value) {
    case "number":
      return hashNumberInto(h, value, TAG_INT);
    case "string":
      return hashStringInto(h, value, TAG_STRING);
    case "boolean":
      return mix(h, value ? TAG_TRUE : TAG_FALSE);
    case "undefined":
      return mix(h, TAG_NULL);
    case "bigint":
      return hashStringInto(h, value.toString(), TAG_BIGINT);
    default:
      if (value === null) return mix(h, TAG_NULL);
      if (value instanceof Date) {
        const time = value.getTime();
        return Number.isNaN(time) ? mix(h, TAG_NULL) : hashNumberInto(h, time, TAG_DATE);
      }
      return hashStringInto(h, jsonText(value), TAG_OBJECT);
  }
}

/**
 * Rank of a value's kind in the order: missing values first (`null`, `undefined`, NaN and invalid Dates, all
 * one rank: equal to each other), then numbers, bigints and Dates together by value, then booleans, then
 * strings, then anything else.
 */
function rank(value: unknown): number {
  switch (typeof value) {
    case "number":
      return Number.isNaN(value) ? 0 : 3;
    case "bigint":
      return 3;
    case "boolean":
      return 4;
    case "string":
      return 5;
    case "undefined":
      return 0;
    default:
      if (value === null) return 0;
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? 0 : 3;
      return 6;
  }
}

/** Among numeric kinds holding the same value: number < bigint < Date. */
function numericKind(value: unknown): number {
  return typeof value === "number" ? 0 : typeof value === "bigint" ? 1 : 2;
}

function numericValue(value: unknown): number | bigint {
  return value instanceof Date ? value.getTime() : (value as number | bigint);
}

/**
 * An order on cells, ascending: missing values first (equal to each other), then numbers/Dates by value,
 * booleans, strings by UTF-16 code unit, other values by JSON text. Returns a negative number, 0 or a positive
 * number.
 */
export function compareValues(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number" && !Number.isNaN(a) && !Number.isNaN(b)) {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  switch (ra) {
    case 3: {
      const va = numericValue(a);
      const vb = numericValue(b);
      if (va < vb) return -1;
      if (va > vb) return 1;
      return numericKind(a) - numericKind(b);
    }
    case 4:
      return (a ? 1 : 0) - (b ? 1 : 0);
    case 5:
      return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
    case 6: {
      const ja = jsonText(a);
      const jb = jsonText(b);
      return ja < jb ? -1 : ja > jb ? 1 : 0;
    }
    default:
      return 0;
  }
}
