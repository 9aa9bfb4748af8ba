import { describeValue } from "./describe-value";
import { isMissing } from "./is-missing";
import { fmix, hashValueInto, sameValue } from "./value-semantics";

/**
 * The first position `p` (in the order of `rows`, or of the values when `rows` is undefined) whose key, the
 * values of `columns` at that row, appears again at a later position; -1 when every key appears once. A key
 * with a missing value (null, undefined, NaN, an invalid Date) never counts. Keys are equal as `sameValue`
 * says, the equality of grouping and joins: numbers by value (0 = -0), Dates by time, `1` is not `"1"`.
 * @example firstRepeatedKey([[3, 1, 2, 1, 3]]) // 0: key 3 appears again at position 4
 */
export function firstRepeatedKey(columns: readonly ArrayLike<unknown>[], rows?: ArrayLike<number>): number {
  const n = rows === undefined ? (columns[0]?.length ?? 0) : rows.length;
  const rowAt = (p: number): number => (rows === undefined ? p : rows[p]!);
  let size = 1024;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  // (position + 1, hash) side by side; 0: an empty slot. Walked from the last position to the first, so the
  // last position found again is the first that repeats.
  const slots = new Int32Array(size * 2);
  let found = -1;
  for (let p = n - 1; p >= 0; --p) {
    const row = rowAt(p);
    let hash = 0;
    let missing = false;
    for (const column of columns) {
      const value = column[row];
      if (isMissing(value)) {
        missing = true;
        break;
      }
      hash = hashValueInto(hash, value);
    }
    if (missing) continue;
    hash = fmix(hash) | 0;
    let slot = hash & mask;
    for (;;) {
      const stored = slots[2 * slot]!;
      if (stored === 0) {
        slots[2 * slot] = p + 1;
        slots[2 * slot + 1] = hash;
        break;
      }
      if (slots[2 * slot + 1] === hash) {
        const other = rowAt(stored - 1);
        if (columns.every((column) => sameValue(column[row], column[other]))) {
          found = p;
          break;
        }
      }
      slot = (slot + 1) & mask;
    }
  }
  return found;
}

/**
 * The in-process `join`'s error when a key repeats in one table under `validate`, naming the key columns and
 * their values (`values[i]` of `keys[i]`).
 */
export function repeatedJoinKeyError(
  validate: string,
  keys: readonly string[],
  values: readonly unknown[],
  side: "left" | "right",
): TypeError {
  const key = keys.map((k, i) => `${k} = ${describeValue(values[i])}`).join(", ");
  return new TypeError(
    `join: validate "${validate}": the key (${key}) appears more than once in the ${side} table`,
  );
}
