/**
 * How `stddev` keeps its squares finite, the same on every engine: the values of a group whose largest finite
 * magnitude is at least {@link STDDEV_LARGE} are multiplied by 2^-600 before the mean and the squares (and the
 * result by 2^600), those of a group whose largest magnitude is below {@link STDDEV_SMALL} by 2^600; other
 * groups are computed as they are. Powers of two scale exactly, so ordinary data gives the unscaled result.
 */

/** The magnitude (2^480) from which a group's values are scaled down by 2^-600. */
export const STDDEV_LARGE = 2 ** 480;

/** The magnitude (2^-480) below which a group's values are scaled up by 2^600. */
export const STDDEV_SMALL = 2 ** -480;

/** The scale down of large groups (2^-600); its inverse scales up small groups. */
export const STDDEV_SHRINK = 2 ** -600;

/** The factor `stddev` multiplies a group's values by, from their largest finite magnitude (0 for no value). */
export function stddevScale(largest: number): number {
  if (largest >= STDDEV_LARGE) return STDDEV_SHRINK;
  return largest > 0 && largest < STDDEV_SMALL ? 1 / STDDEV_SHRINK : 1;
}
