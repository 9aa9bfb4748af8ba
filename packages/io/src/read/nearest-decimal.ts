/**
 * Arrow Decimals read as the double nearest to their value: `1.15` as 1.15, as `Number("1.15")`, DuckDB's and
 * Arrow's casts give it (Parquet DECIMALs are read from their unscaled integers: parquet-decimals.ts). The decoder
 * converts them otherwise: flechette adds the fraction to the whole part. Each result is within a few units in
 * the last place of the decimal, so the unscaled integer is recovered exactly from it while it is at most 2^50
 * (15 digits and more), and divided by 10^scale once: the division of two exact doubles is correctly rounded.
 */

/** Unscaled integers up to this are recovered exactly from a decoded value (its error stays below 0.4). */
const MAX_RECOVERED = 2 ** 50;
/** The largest scale whose 10^scale is an exact double. */
const MAX_EXACT_SCALE = 22;

/**
 * The double nearest to the decimal a decoder gave as `value` (scale `scale`), or `value` itself when its
 * unscaled integer is above 2^50 (or the scale above 22), where no exact recovery is possible.
 * @example nearestDecimal(1.1500000000000001, 2) // 1.15
 */
export function nearestDecimal(value: number, scale: number): number {
  if (scale <= 0 || scale > MAX_EXACT_SCALE) return value;
  const factor = 10 ** scale;
  const unscaled = Math.round(value * factor);
  return Math.abs(unscaled) <= MAX_RECOVERED ? unscaled / factor + 0 : value;
}

/**
 * A decoded decimal column with each number read by {@link nearestDecimal} (other values, such as nulls, kept);
 * the values themselves when the scale is 0.
 */
export function nearestDecimals(values: ArrayLike<unknown>, scale: number): ArrayLike<unknown> {
  if (scale <= 0 || scale > MAX_EXACT_SCALE) return values;
  return Array.from(values, (value) => (typeof value === "number" ? nearestDecimal(value, scale) : value));
}
