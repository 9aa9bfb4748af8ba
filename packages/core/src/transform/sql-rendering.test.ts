import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { toSql } from "../expr/sql";
import { pipe } from "../pipe/pipe";
import { needs } from "./column-params";
import { defineTransform } from "./define-transform";
import type { SqlStepContext } from "./sql-rendering";

const keepPositive = defineTransform({
  name: "keepPositive",
  columns: { column: needs() },
  apply: (table, { column }) => table.filter(aq.escape((d: Record<string, number>) => d[column]! > 0)),
  sql: ({ column }, c) => `SELECT * FROM ${c.input} WHERE ${c.quote(column)} > 0`,
});

const context: SqlStepContext = {
  dialect: "duckdb",
  input: '"source"',
  columns: ["x"],
  rowOrder: '"row"',
  quote: (name) => `"${name}"`,
  expr: (expr) => toSql(expr, "duckdb"),
  table: () => '"lookup"',
};

describe("a transform's SQL rendering", () => {
  it("is carried by the transform, called with the resolved params", () => {
    expect(keepPositive.sql?.({ column: "x" }, context)).toBe('SELECT * FROM "source" WHERE "x" > 0');
  });

  it("is absent when the definition gives none", () => {
    const plain = defineTransform({ name: "plain", apply: (table) => table });
    expect(plain.sql).toBeUndefined();
  });

  it("leaves the pipe's source readable by engines", () => {
    const source = aq.table({ x: [1, -1] });
    expect(pipe(source).transform(keepPositive, { column: "x" }).source).toBe(source);
  });
});
