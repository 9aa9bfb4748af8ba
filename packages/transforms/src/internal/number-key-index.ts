import { directRange, numberHash } from "./row-groups";

/**
 * The rows of a table by the value of one number column, for a hash join's build side: `find(key)` gives the
 * first entry holding `key` (-1: none), `next` walks on through the others in input order. Entries are
 * positions in the `rows` given to {@link NumberKeyIndex.build}. NaN (a missing key) is never found; 0 and -0
 * are one key. Whole numbers in a narrow range are looked up by direct indexing, others by open addressing.
 */
export class NumberKeyIndex {
  /** The next entry with the same key (-1: the last). */
  readonly next: Int32Array;
  /** How many entries, from this one on, hold its key. */
  readonly runLength: Int32Array;
  readonly #direct: Int32Array | undefined;
  readonly #min: number;
  readonly #slots: Float64Array;
  readonly #mask: number;

  private constructor(
    next: Int32Array,
    runLength: Int32Array,
    lookup: { direct: Int32Array; min: number } | { slots: Float64Array; mask: number },
  ) {
    this.next = next;
    this.runLength = runLength;
    if ("direct" in lookup) {
      this.#direct = lookup.direct;
      this.#min = lookup.min;
      this.#slots = new Float64Array(0);
      this.#mask = 0;
    } else {
      this.#direct = undefined;
      this.#min = 0;
      this.#slots = lookup.slots;
      this.#mask = lookup.mask;
    }
  }

  /** Index the values `column[rows[p]]` by value. */
  static build(column: Float64Array, rows: Uint32Array): NumberKeyIndex {
    const n = rows.length;
    const next = new Int32Array(n).fill(-1);
    const runLength = new Int32Array(n);
    // entries are linked last to first, so each key's entries run in input order
    const link = (p: number, head: number): void => {
      next[p] = head;
      runLength[p] = head < 0 ? 1 : runLength[head]! + 1;
    };
    const span = directRange(column, rows);
    if (span !== undefined) {
      const { min } = span;
      const direct = new Int32Array(span.range).fill(-1);
      for (let p = n - 1; p >= 0; --p) {
        const x = column[rows[p]!]!;
        if (Number.isNaN(x)) continue;
        const index = x - min;
        link(p, direct[index]!);
        direct[index] = p;
      }
      return new NumberKeyIndex(next, runLength, { direct, min });
    }
    let size = 1024;
    while (size < n * 2) size *= 2;
    const mask = size - 1;
    const slots = new Float64Array(size * 2); // (key, first entry + 1) side by side; 0: empty
    for (let p = n - 1; p >= 0; --p) {
      const x = column[rows[p]!]!;
      if (Number.isNaN(x)) continue;
      let slot = numberHash(x) & mask;
      while (slots[2 * slot + 1]! !== 0 && slots[2 * slot] !== x) slot = (slot + 1) & mask;
      link(p, slots[2 * slot + 1]! - 1);
      slots[2 * slot] = x;
      slots[2 * slot + 1] = p + 1;
    }
    return new NumberKeyIndex(next, runLength, { slots, mask });
  }

  /** The first entry holding `key`, or -1. */
  find(key: number): number {
    const direct = this.#direct;
    if (direct !== undefined) {
      // a fraction, NaN or a value out of range reads undefined (-0 reads index 0: its key is "0")
      return direct[key - this.#min] ?? -1;
    }
    if (Number.isNaN(key)) return -1;
    const slots = this.#slots;
    let slot = numberHash(key) & this.#mask;
    for (;;) {
      const stored = slots[2 * slot + 1]!;
      if (stored === 0) return -1;
      if (slots[2 * slot] === key) return stored - 1;
      slot = (slot + 1) & this.#mask;
    }
  }

  /** The first entry whose key some later entry repeats, or -1 when every key is held once. */
  firstRepeated(): number {
    for (let p = 0; p < this.next.length; ++p) if (this.next[p]! >= 0) return p;
    return -1;
  }
}
