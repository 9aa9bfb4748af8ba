import type { JoinMatches, MatchOptions } from "./join-types";
import { NumberKeyIndex } from "./number-key-index";

/**
 * {@link matchRows} on one number key column on each side, as a hash join: the right rows are indexed by
 * key (the build side), then each left row looks its key up once (the probe). Pairs come out as matchRows
 * gives them: left rows in order, each with its right rows in input order. `validate` is checked
 * before (by matchRows).
 */
export function matchNumberKeys(
  leftKey: Float64Array,
  leftRows: Uint32Array,
  rightKey: Float64Array,
  rightRows: Uint32Array,
  options: MatchOptions,
): JoinMatches {
  const index = NumberKeyIndex.build(rightKey, rightRows);
  const nl = leftRows.length;
  const how = options.how;
  if (how === "semi" || how === "anti") {
    const kept = new Uint32Array(nl);
    let k = 0;
    for (let i = 0; i < nl; ++i) {
      const row = leftRows[i]!;
      if (index.find(leftKey[row]!) >= 0 === (how === "semi")) kept[k++] = row;
    }
    return { left: kept.subarray(0, k), right: new Int32Array(0) };
  }
  // Each left row has at most one right row when no right key repeats: outputs sized for every left row, the
  // pages never written never touched. Otherwise a first probe pass counts the pairs.
  let total = nl;
  if (index.firstRepeated() >= 0) {
    total = 0;
    for (let i = 0; i < nl; ++i) {
      const entry = index.find(leftKey[leftRows[i]!]!);
      total += entry >= 0 ? index.runLength[entry]! : how === "left" ? 1 : 0;
    }
  }
  const left = new Uint32Array(total);
  const right = new Int32Array(total);
  const { next } = index;
  let k = 0;
  for (let i = 0; i < nl; ++i) {
    const row = leftRows[i]!;
    let entry = index.find(leftKey[row]!);
    if (entry < 0) {
      if (how === "left") {
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
  return { left: left.subarray(0, k), right: right.subarray(0, k) };
}
