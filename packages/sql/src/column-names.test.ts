import { col, gt, lit, type Pipe, pipe } from "@tablepipe/core";
import { flattenPlan, planSteps } from "@tablepipe/core/internal";
import {
  derive,
  dropDuplicates,
  excludeMatching,
  filter,
  firstNPerGroup,
  rename,
} from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { columnNameClash, describeClash } from "./column-names";
import { type CompiledPipe, compilePipe } from "./compile-pipe";
import { pipeToSql } from "./pipe-to-sql";

const numbered: string[][] = [];

/** The pipe compiled in a dialect (the columns each loaded relation is numbered with kept in `numbered`). */
function compiled(p: Pipe<string>, dialect: "duckdb" | "spark" = "duckdb"): CompiledPipe {
  const columns = p.source.columnNames();
  numbered.length = 0;
  return compilePipe(columns, flattenPlan(planSteps(columns, p.steps)), {
    dialect,
    sourceRelation: "input",
    lookupRelation: (i) => `lookup_${i}`,
    numberRows: (relation, relationColumns) => {
      numbered.push([relation, ...relationColumns]);
      return `SELECT *, rowid AS "__tablepipe_row" FROM "${relation}"`;
    },
  });
}

describe("columnNameClash", () => {
  it("finds names DuckDB folds to one (ASCII letters only), and none on Spark, which is case-sensitive", () => {
    expect(columnNameClash(["id", "a", "Id"], "duckdb")).toEqual({ kind: "case", first: "id", second: "Id" });
    expect(columnNameClash(["É", "é", "ß", "SS", "K", "\u212A"], "duckdb")).toBeUndefined();
    expect(columnNameClash(["id", "Id"], "spark")).toBeUndefined();
  });

  it("finds a name in the reserved __tablepipe_ namespace (in any case on DuckDB), a helper's or not", () => {
    expect(columnNameClash(["a", "__tablepipe_rank"], "duckdb")).toEqual({
      kind: "reserved",
      name: "__tablepipe_rank",
    });
    expect(columnNameClash(["__TABLEPIPE_ROW"], "duckdb")).toEqual({
      kind: "reserved",
      name: "__TABLEPIPE_ROW",
    });
    expect(columnNameClash(["__TABLEPIPE_ROW", "__rank", "rowid"], "spark")).toBeUndefined();
    expect(columnNameClash(["__tablepipe_p0"], "spark")).toEqual({
      kind: "reserved",
      name: "__tablepipe_p0",
    });
  });

  it("describes a clash naming the columns, where they are, and what is expected", () => {
    expect(describeClash({ kind: "case", first: "a", second: "A" }, "duckdb", 'step "rename"')).toBe(
      'step "rename": columns "a" and "A" differ only by case, and DuckDB cannot tell them apart (its column ' +
        "names ignore case); expected names that differ otherwise: rename one of them",
    );
    expect(
      describeClash({ kind: "reserved", name: "__tablepipe_x" }, "spark", "the pipe's source table"),
    ).toMatch(
      /^the pipe's source table: the column name "__tablepipe_x" is reserved \(names starting with "__tablepipe_"/,
    );
  });
});

describe("compilePipe and column names", () => {
  const table = () => aq.table({ a: [1], b: [2] });

  it("ends the prefix at a step whose columns would clash, saying why; Spark renders it", () => {
    const p = pipe(table())
      .transform(filter, { where: gt(col("a"), 0) })
      .transform(rename, { columns: { b: "A" } })
      .transform(filter, { where: gt(col("A"), 0) });
    const duck = compiled(p);
    expect(duck.renderedSteps).toBe(1);
    expect(duck.nameClash).toMatch(/^step "rename": columns "a" and "A" differ only by case/);
    expect(pipeToSql(p, { dialect: "duckdb", numberRows: (r) => `SELECT * FROM "${r}"` })).toContain(
      '-- then in process (step "rename',
    );
    const spark = compiled(p, "spark");
    expect([spark.renderedSteps, spark.nameClash]).toEqual([3, undefined]);
  });

  it("ends it at a step adding a reserved name, or reading a lookup table with clashing names (not loaded)", () => {
    const derived = compiled(pipe(table()).transform(derive, { columns: { __tablepipe_rank: lit(1) } }));
    expect(derived.renderedSteps).toBe(0);
    expect(derived.nameClash).toMatch(/the column name "__tablepipe_rank" is reserved/);
    const lookup = aq.table({ a: [1], B: [1], b: [2] });
    const p = pipe(table())
      .transform(excludeMatching, { column: "a", lookup: aq.table({ a: [3] }), lookupKey: "a" })
      .transform(excludeMatching, { column: "a", lookup, lookupKey: "a" });
    const result = compiled(p);
    expect(result.renderedSteps).toBe(1);
    expect(result.nameClash).toMatch(/its lookup table: columns "B" and "b" differ only by case/);
    expect(result.lookups.map((l) => l.table.columnNames())).toEqual([["a"]]);
  });

  it("numbers each loaded relation knowing its columns, and ranks rows in a reserved helper column", () => {
    const lookup = aq.table({ a: [3], rowid: [0] });
    const result = compiled(
      pipe(aq.table({ a: [1], __rank: [2] }))
        .transform(excludeMatching, { column: "a", lookup, lookupKey: "a" })
        .transform(dropDuplicates, { subset: ["a"] })
        .transform(firstNPerGroup, { keys: ["a"], orderBy: ["__rank"], n: 1 }),
    );
    expect(numbered).toEqual([
      ["lookup_1", "a", "rowid"],
      ["input", "a", "__rank"],
    ]);
    expect(result.renderedSteps).toBe(3);
    expect(result.sql).toContain('WHERE "__tablepipe_rank" = 1');
    expect(result.sql).toContain('WHERE "__tablepipe_rank" <= 1');
    expect(result.sql).not.toContain('WHERE "__rank"');
  });
});
