import { describeValue } from "@tablepipe/core";
import type { JoinMatches, MatchOptions } from "./join-matches";
import { NumberKeyIndex } from "./number-key-index";

/**
 * {@link matchRows} on one number key column on each side, as a hash join: the right rows are indexed by
 * key (the build side), then each left row looks its key up once (the probe). Pairs come out as matchRows
 * gives them: left rows in order, each with its right rows in input order. Not for `one-to-one` (which also
 * checks the left keys).
 */
export function matchNumberKeys(
  leftKey: Float64Array,
  leftRows: Uint32Array,
  rightKey: Float64Array,
  rightRows: Uint32Array,
  options: MatchOptions,
): JoinMatches {
  const index = NumberKeyIndex.build(rightKey, rightRows);
  if (options.validate !== undefined) {
    const repeated = index.firstRepeated();
    if (repeated >= 0) {
      const key = `${options.keys[0]} = ${describeValue(rightKey[rightRows[repeated]!])}`;
      throw new TypeError(
        `join: validate "${options.validate}": the key (${key}) appears more than once in the right table`,
      );
    }
  }
  const nl = leftRows.length;
  const first = new Int32Array(nl);
  let pairs = 0;
  let found = 0;
  for (let i = 0; i < nl; ++i) {
    const entry = index.find(leftKey[leftRows[i]!]!);
    first[i] = entry;
    if (entry >= 0) {
      found++;
      pairs += index.runLength[entry]!;
    }
  }
  if (options.how === "semi" || options.how === "anti") {
    const semi = options.how === "semi";
    const kept = new Uint32Array(semi ? found : nl - found);
    let k = 0;
    for (let i = 0; i < nl; ++i) if (first[i]! >= 0 === semi) kept[k++] = leftRows[i]!;
    return { left: kept, right: new Int32Array(0) };
  }
  const total = options.how === "left" ? pairs + (nl - found) : pairs;
  const left = new Uint32Array(total);
  const right = new Int32Array(total);
  const { next } = index;
  let k = 0;
  for (let i = 0; i < nl; ++i) {
    const row = leftRows[i]!;
    let entry = first[i]!;
    if (entry < 0) {
      if (options.how === "left") {
        left[k] = row;
        right[k++] = -1;
      }
      continue;
    }
    for (; entry >= 0; entry = next[entry]!) {
      left[k] = row;
      right[k++] = rightRows[entry]!;
    }
  }
  return { left, right };
}
