/**
 * A seeded draw per row position: the same 32-bit number for the same seed and position on every machine and
 * run (no `Math.random`), from a hash of the two (MurmurHash3's finaliser, `fmix`), so a row's draw does not
 * depend on the rows around it.
 */

import { fmix } from "@tablepipe/core/internal";

/**
 * Each position's draw, a whole number from 0 to 2^32 - 1, for `count` positions (below 2^32) and a
 * safe-integer seed (its high and low 32 bits both count). Every step is a bijection of 32-bit numbers, so two
 * positions never draw the same number.
 * @example rowDraws(3, 42) // three draws, the same on every run
 */
export function rowDraws(count: number, seed: number): Uint32Array {
  const low = seed >>> 0;
  const high = Math.floor(seed / 2 ** 32) >>> 0;
  const key = fmix(fmix(low ^ 0x9e37_79b9) ^ high);
  const draws = new Uint32Array(count);
  for (let i = 0; i < count; ++i) draws[i] = fmix((fmix((i + key) >>> 0) + 0x9e37_79b9) >>> 0);
  return draws;
}
