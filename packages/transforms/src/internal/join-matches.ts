import {
  firstRepeatedKey,
  joinKeyKindsError,
  keyKind,
  keyKinds,
  kindsNeverMatch,
  repeatedJoinKeyError,
} from "@tablepipe/core/internal";
import type { ColumnValues } from "./columns";
import { matchNumberKeys } from "./join-number-key";
import type { JoinMatches, MatchOptions } from "./join-types";
import { groupRows } from "./row-groups";

/** Growing typed arrays of (left row, right row) pairs. */
class PairBuffer {
  #left: Uint32Array;
  #right: Int32Array;
  #length = 0;

  constructor(capacity: number) {
    this.#left = new Uint32Array(Math.max(16, capacity));
    this.#right = new Int32Array(Math.max(16, capacity));
  }

  push(left: number, right: number): void {
    if (this.#length === this.#left.length) {
      const left2 = new Uint32Array(this.#length * 2);
      left2.set(this.#left);
      this.#left = left2;
      const right2 = new Int32Array(this.#length * 2);
      right2.set(this.#right);
      this.#right = right2;
    }
    this.#left[this.#length] = left;
    this.#right[this.#length++] = right;
  }

  result(): JoinMatches {
    return { left: this.#left.slice(0, this.#length), right: this.#right.slice(0, this.#length) };
  }
}

/**
 * Throw `validate`'s error naming the first row (in `rows`' order) of one side whose key appears again later
 * in it; missing keys never count.
 */
function checkUniqueKeys(
  keys: readonly ColumnValues[],
  rows: Uint32Array,
  validate: string,
  names: readonly string[],
  side: "left" | "right",
): void {
  const repeated = firstRepeatedKey(keys, rows);
  if (repeated < 0) return;
  const row = rows[repeated]!;
  throw repeatedJoinKeyError(
    validate,
    names,
    keys.map((column) => column[row]),
    side,
  );
}

/**
 * Match left rows to right rows on equal keys: both sides' keys are grouped together by one hash pass on
 * typed arrays, so a left row's group lists its matching right rows. Missing keys never match.
 */
export function matchRows(
  leftKeys: readonly ColumnValues[],
  leftRows: Uint32Array,
  rightKeys: readonly ColumnValues[],
  rightRows: Uint32Array,
  options: MatchOptions,
): JoinMatches {
  if (options.validate !== undefined)
    checkUniqueKeys(rightKeys, rightRows, options.validate, options.keys, "right");
  if (options.validate === "one-to-one")
    checkUniqueKeys(leftKeys, leftRows, "one-to-one", options.keys, "left");
  const [leftKey, rightKey] = [leftKeys[0], rightKeys[0]];
  if (leftKeys.length === 1 && leftKey instanceof Float64Array && rightKey instanceof Float64Array)
    return matchNumberKeys(leftKey, leftRows, rightKey, rightRows, options);
  const nl = leftRows.length;
  const nr = rightRows.length;
  // Number keys on both sides stay in typed arrays (grouped by the one-number-column path for one key).
  const numeric = [...leftKeys, ...rightKeys].every((column) => column instanceof Float64Array);
  // One key column per key over both sides: left positions first, then right.
  const combined = leftKeys.map((column, k) => {
    const right = rightKeys[k]!;
    const out = numeric ? new Float64Array(nl + nr) : new Array<unknown>(nl + nr);
    for (let i = 0; i < nl; ++i) out[i] = column[leftRows[i]!];
    for (let j = 0; j < nr; ++j) out[nl + j] = right[rightRows[j]!];
    return out;
  });
  const all = new Uint32Array(nl + nr);
  for (let i = 0; i < all.length; ++i) all[i] = i;
  const { groupOf, groupCount } = groupRows(combined, all);
  // Whether position p (of `combined`) has a missing key: NaN in a number column, else keyKind 0.
  const missingAt = numeric
    ? (p: number): boolean => {
        for (const column of combined as Float64Array[]) if (Number.isNaN(column[p])) return true;
        return false;
      }
    : (p: number): boolean => {
        for (const column of combined) if (keyKind(column[p]) === 0) return true;
        return false;
      };

  // The right rows of each group, in input order (a counting sort: start offsets, then fill).
  const start = new Int32Array(groupCount + 1);
  const rightMissing = new Uint8Array(nr);
  for (let j = 0; j < nr; ++j) {
    if (missingAt(nl + j)) rightMissing[j] = 1;
    else start[groupOf[nl + j]! + 1]! += 1;
  }
  for (let g = 0; g < groupCount; ++g) start[g + 1]! += start[g]!;
  const fill = start.slice(0, groupCount);
  const byGroup = new Int32Array(start[groupCount]!);
  for (let j = 0; j < nr; ++j) if (rightMissing[j] === 0) byGroup[fill[groupOf[nl + j]!]!++] = rightRows[j]!;

  const out = new PairBuffer(options.how === "semi" || options.how === "anti" ? 0 : nl);
  const kept = new Uint32Array(options.how === "semi" || options.how === "anti" ? nl : 0);
  let keptCount = 0;
  let matched = 0;
  for (let i = 0; i < nl; ++i) {
    const row = leftRows[i]!;
    const missing = missingAt(i);
    const g = groupOf[i]!;
    const from = missing ? 0 : start[g]!;
    const to = missing ? 0 : start[g + 1]!;
    if (to > from) matched++;
    if (options.how === "semi" || options.how === "anti") {
      if (to > from === (options.how === "semi")) kept[keptCount++] = row;
      continue;
    }
    for (let m = from; m < to; ++m) out.push(row, byGroup[m]!);
    if (to === from && options.how === "left") out.push(row, -1);
  }
  if (matched === 0 && nl > 0 && nr > 0) {
    const lk = leftKeys.map((column) => keyKinds(column, leftRows));
    const rk = rightKeys.map((column) => keyKinds(column, rightRows));
    const k = lk.findIndex((bits, i) => kindsNeverMatch(bits, rk[i]!));
    if (k >= 0) throw joinKeyKindsError(options.keys[k]!, lk[k]!, rk[k]!);
  }
  if (options.how === "semi" || options.how === "anti") {
    return { left: kept.slice(0, keptCount), right: new Int32Array(0) };
  }
  return out.result();
}
