import type { CastType } from "@tablepipe/core";

/**
 * `sql`, a value of type `type`, with a float's zero as `0`: `sql + 0.0` (`-0 + 0.0` is `0`; every other float,
 * null and the type unchanged), where an engine may give either sign of a zero (a `GROUP BY` key, a sort key, a
 * `min`/`max`). A value of any other type, or of a type the compiler does not know, as it is.
 * @example floatZeroAsZero('min("fare")', "float") // '(min("fare") + 0.0)'
 */
export function floatZeroAsZero(sql: string, type: CastType | undefined): string {
  return type === "float" ? `(${sql} + 0.0)` : sql;
}
