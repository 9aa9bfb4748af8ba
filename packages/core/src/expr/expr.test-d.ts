import { describe, expectTypeOf, it } from "vitest";
import {
  abs,
  add,
  and,
  caseWhen,
  coalesce,
  col,
  concat,
  eq,
  floor,
  gt,
  isIn,
  lit,
  ln,
  lower,
  mod,
  round,
  sqrt,
  year,
} from "./build";
import type { Expr, ExprColumns } from "./nodes";

describe("expressions carry the columns they reference", () => {
  it("unions column names through every helper; literals add none", () => {
    expectTypeOf(col("amount")).toEqualTypeOf<Expr<"amount">>();
    expectTypeOf(gt(col("amount"), 10)).toEqualTypeOf<Expr<"amount">>();
    expectTypeOf(and(gt(col("amount"), 10), eq(col("status"), "paid"))).toEqualTypeOf<
      Expr<"amount" | "status">
    >();
    expectTypeOf(add(lit(1), 2)).toEqualTypeOf<Expr<never>>();
    expectTypeOf(coalesce(col("a"), col("b"), 0)).toEqualTypeOf<Expr<"a" | "b">>();
    expectTypeOf(isIn(lower(col("s")), ["x"])).toEqualTypeOf<Expr<"s">>();
    expectTypeOf(floor(abs(col("x")))).toEqualTypeOf<Expr<"x">>();
    expectTypeOf(round(mod(col("a"), col("b")), 2)).toEqualTypeOf<Expr<"a" | "b">>();
    expectTypeOf(sqrt(ln(col("x")))).toEqualTypeOf<Expr<"x">>();
    // @ts-expect-error: round's digits are a number, not an expression
    round(col("x"), col("d"));
    expectTypeOf(concat(col("a"), " ", col("b"))).toEqualTypeOf<Expr<"a" | "b">>();
    // @ts-expect-error: concat takes two parts or more
    concat(col("a"));
    expectTypeOf(caseWhen([[gt(col("a"), 1), year(col("t"))]], col("o"))).toEqualTypeOf<
      Expr<"a" | "t" | "o">
    >();
  });

  it("finds the columns of the expressions in a params object", () => {
    const params = { where: gt(col("amount"), 1), columns: { x: col("a"), y: add(col("b"), 1) }, n: 3 };
    expectTypeOf<ExprColumns<typeof params>>().toEqualTypeOf<"amount" | "a" | "b">();
  });
});
