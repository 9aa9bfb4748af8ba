/**
 * Expression functions written with other expressions (so they mean the same on every engine as their parts do):
 * `between`, `clip` and `nullIf`, which pandas and SQL users reach for.
 */
import { and, caseWhen, eq, ge, greatest, isNull, le, least, toExpr } from "./build";
import type { Expr, ExprInput, RefsOf } from "./nodes";

/**
 * Whether `x` lies from `low` to `high`, both included (pandas' `between`, SQL's `BETWEEN`): `x >= low AND x <=
 * high`, three-valued (null where `x` is). One kind, as `ge` and `le` take it.
 * @example filter(trips, { where: between(col("fare_amount"), 2.5, 200) })
 */
export function between<X extends ExprInput, L extends ExprInput, H extends ExprInput>(
  x: X,
  low: L,
  high: H,
): Expr<RefsOf<X> | RefsOf<L> | RefsOf<H>> {
  return and(ge(x, low), le(x, high));
}

/**
 * `x` limited to `low`..`high` (pandas' `clip`): `low` below it, `high` above it, a missing `x` still missing
 * (where `least(greatest(x, low), high)` alone, which skips nulls, would give `low`). A float's zero is `0`.
 * Literal bounds the wrong way round (`clip(x, 10, 0)`, every value would be 0) are refused, where pandas swaps
 * them; bounds from columns are taken as they are.
 * @example derive(trips, { columns: { fare: clip(col("fare_amount"), 0, 500) } })
 */
export function clip<X extends ExprInput, L extends ExprInput, H extends ExprInput>(
  x: X,
  low: L,
  high: H,
): Expr<RefsOf<X> | RefsOf<L> | RefsOf<H>> {
  const [lowest, highest] = [literalBound(low), literalBound(high)];
  if (lowest !== undefined && highest !== undefined && typeof lowest === typeof highest && lowest > highest) {
    throw new RangeError(
      `clip: low ${JSON.stringify(lowest)} is above high ${JSON.stringify(highest)}, so every value would be ${JSON.stringify(highest)}; write the lower bound first`,
    );
  }
  return caseWhen([[isNull(x), null]], least(greatest(x, low), high));
}

/** A bound's value when it is a number or string literal (a time stamp's epoch milliseconds), else undefined. */
function literalBound(bound: ExprInput): number | string | undefined {
  const node = toExpr(bound);
  if (node.kind !== "literal") return undefined;
  return typeof node.value === "number" || typeof node.value === "string" ? node.value : undefined;
}

/**
 * Null where `a` equals `b`, else `a` (SQL's `NULLIF`; pandas' `replace(b, np.nan)`), e.g. a zero divisor made
 * missing so that the quotient is missing too.
 * @example derive(trips, { columns: { tip_rate: div(col("tip_amount"), nullIf(col("fare_amount"), 0)) } })
 */
export function nullIf<A extends ExprInput, B extends ExprInput>(a: A, b: B): Expr<RefsOf<A> | RefsOf<B>> {
  return caseWhen([[eq(a, b), null]], a);
}
