import { smallIntegerMask } from "@tablepipe/core/internal";

/** The kinds of key values, as bits, for telling a user their two key columns can never match. */
export const KIND_NUMBER = 1;
export const KIND_STRING = 2;
export const KIND_DATE = 4;
export const KIND_BOOLEAN = 8;
export const KIND_BIGINT = 16;
export const KIND_OTHER = 32;

const KIND_NAMES: readonly [number, string][] = [
  [KIND_NUMBER, "numbers"],
  [KIND_STRING, "strings"],
  [KIND_DATE, "Dates"],
  [KIND_BOOLEAN, "booleans"],
  [KIND_BIGINT, "bigints"],
  [KIND_OTHER, "other values"],
];

/** The kind bit of a non-missing key, or 0 for a missing one (null, undefined, NaN, invalid Date). */
export function keyKind(value: unknown): number {
  switch (typeof value) {
    case "number":
      return !Number.isNaN(value) ? KIND_NUMBER : 0;
    case "string":
      return KIND_STRING;
    case "boolean":
      return KIND_BOOLEAN;
    case "bigint":
      return KIND_BIGINT;
    case "undefined":
      return 0;
    default:
      if (value === null) return 0;
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? 0 : KIND_DATE;
      return KIND_OTHER;
  }
}

/** "numbers and strings" for a set of kind bits. */
export function describeKinds(kinds: number): string {
  const names = KIND_NAMES.filter(([bit]) => (kinds & bit) !== 0).map(([, name]) => name);
  return names.length > 0 ? names.join(" and ") : "no values";
}

/**
 * A set of join keys with SQL-like matching: a missing key (null, undefined, NaN, invalid Date) is never
 * added and never matches; `1` and `"1"` are different keys; Dates match by instant; 0 matches -0.
 */
export class KeySet {
  readonly #scalars = new Set<unknown>();
  readonly #dates = new Set<number>();
  readonly #objects = new Set<string>();

  add(value: unknown): void {
    const kind = keyKind(value);
    if (kind === 0) return;
    if (kind === KIND_DATE) this.#dates.add((value as Date).getTime());
    else if (kind === KIND_OTHER) this.#objects.add(JSON.stringify(value));
    else this.#scalars.add(value);
  }

  has(value: unknown): boolean {
    switch (typeof value) {
      case "number":
      case "string":
      case "boolean":
      case "bigint":
        return this.#scalars.has(value); // NaN is never added, and Set.has(NaN) is then false
      default:
        if (value === null || value === undefined) return false;
        if (value instanceof Date) return this.#dates.has(value.getTime());
        return this.#objects.has(JSON.stringify(value));
    }
  }

  /** The keys when every one is a number (NaN is never a key), else undefined. */
  numbers(): number[] | undefined {
    if (this.#dates.size > 0 || this.#objects.size > 0) return undefined;
    const out: number[] = [];
    for (const key of this.#scalars) {
      if (typeof key !== "number") return undefined;
      out.push(key);
    }
    return out;
  }

  get size(): number {
    return this.#scalars.size + this.#dates.size + this.#objects.size;
  }

  /**
   * When every key is a whole number in [0, 65536): a mask with a 1 at each key (core's `smallIntegerMask`).
   * Undefined otherwise, and for an empty set.
   */
  smallIntegerMask(): Uint8Array | undefined {
    if (this.#mask === undefined) {
      const numbers = this.numbers();
      this.#mask = (numbers === undefined ? undefined : smallIntegerMask(numbers)) ?? null;
    }
    return this.#mask ?? undefined;
  }

  #mask: Uint8Array | null | undefined;
}
