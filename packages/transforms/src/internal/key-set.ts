import { KIND_DATE, KIND_OTHER, keyKind, smallIntegerMask } from "@tablepipe/core/internal";

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
