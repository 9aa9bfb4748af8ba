/**
 * True for a whole number from `min` to 2^31 - 1 (the engines' int): a `substring` position or length, a window's
 * `lag`/`lead` offset or rolling frame.
 * @example isWholeAtLeast(3, 1) // true; isWholeAtLeast(0, 1) and isWholeAtLeast(1.5, 0) are false
 */
export function isWholeAtLeast(value: unknown, min: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= 2 ** 31 - 1;
}
