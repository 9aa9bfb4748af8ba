import {
  col,
  defineTransform,
  type FloatMeasureFn,
  isMissing,
  type KnownTypesOf,
  type MeasureNode,
  measureType,
  needs,
  needsEach,
  type StaticContract,
  withStaticContract,
} from "@tablepipe/core";
import { markBuiltIn, withoutNegativeZeros } from "@tablepipe/core/internal";
import { type ColumnTable, table as makeTable } from "arquero";
import * as z from "zod";
import { columnValues } from "./internal/columns";
import { expressionInput } from "./internal/expression-input";
import { MeasureCache, measureColumn } from "./internal/group-measures";
import { groupRows, type RowGroups } from "./internal/row-groups";
import { takeRows, visibleRows } from "./internal/rows";

/** The measures `pivot` computes for each cell, as `aggregate`'s of the same name. */
export const PIVOT_AGGREGATES = [
  "sum",
  "mean",
  "min",
  "max",
  "count",
  "first",
  "last",
  "countDistinct",
  "stddev",
  "median",
] as const;

/** One of {@link PIVOT_AGGREGATES}. */
export type PivotAggregate = (typeof PIVOT_AGGREGATES)[number];

type By<P> = P extends { by: readonly (infer B extends string)[] } ? B : never;
type Names<P> = P extends { names: readonly (infer N extends string)[] } ? N : never;
type ValuesFrom<P> = P extends { valuesFrom: infer V extends string } ? V : never;
type AggregateOf<P> = P extends { aggregate: infer F extends PivotAggregate } ? F : never;

/** The type of a cell: `aggregate`'s measure type for values of known type `T` (`never`: not known). */
type CellType<F, T> = F extends "count" | "countDistinct"
  ? "int"
  : F extends FloatMeasureFn
    ? "float"
    : [T] extends [never]
      ? never
      : F extends "sum"
        ? T extends "int"
          ? "int"
          : "float"
        : T;

/** The known type of the values column of a call with params `P` on known types `K`. */
type ValuesType<K, P> = ValuesFrom<P> extends keyof K ? K[ValuesFrom<P>] : never;

/** One message per declared name that is also a `by` column. */
type NameClashes<N extends string> = N extends string
  ? `step "pivot": the declared name "${N}" is also a by column; name it otherwise`
  : never;

/**
 * The columns of `pivot`: it keeps only the `by` columns (their known types) and adds a column per declared
 * name, of its measure's type where the compiler knows it.
 */
export interface PivotColumns extends StaticContract {
  needs: never;
  adds: By<this["params"]> | Names<this["params"]>;
  removes: string;
  types: KnownTypesOf<
    Pick<this["input"], By<this["params"]> & keyof this["input"]> & {
      [N in Names<this["params"]> as [
        CellType<AggregateOf<this["params"]>, ValuesType<this["input"], this["params"]>>,
      ] extends [never]
        ? never
        : N]: CellType<AggregateOf<this["params"]>, ValuesType<this["input"], this["params"]>>;
    }
  >;
  /** A declared name that is a `by` column too (where both lists are known). */
  problems: string extends Names<this["params"]> | By<this["params"]>
    ? never
    : NameClashes<Names<this["params"]> & By<this["params"]>>;
}

/** A value as an error names it: a string quoted, a missing value so called. */
function describeValue(value: unknown): string {
  if (isMissing(value)) return "a missing value";
  return typeof value === "string" ? JSON.stringify(value) : `${typeof value} ${String(value)}`;
}

/** The error for a row whose `namesFrom` value is not a declared name (the SQL rendering's probe says the same). */
function undeclaredName(column: string, value: unknown, row: number, names: readonly string[]): TypeError {
  const declared = names.map((name) => JSON.stringify(name)).join(", ");
  return new TypeError(
    `pivot: column "${column}" holds ${describeValue(value)} at row ${row}, which is not a declared name ` +
      `(${declared}); declare it in names, or pass ignoreUndeclared: true to leave such rows out`,
  );
}

/** Refuse a name declared twice, or one that is a `by` column. */
function checkNames(names: readonly string[], keys: readonly string[]): void {
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined)
    throw new TypeError(`pivot: the name "${twice}" is declared twice; declare it once`);
  const clash = names.find((name) => keys.includes(name));
  if (clash !== undefined) {
    throw new TypeError(`pivot: the declared name "${clash}" is also a by column; name it otherwise`);
  }
}

/** The groups of the kept rows: by the `keys` columns, or one group (even of no row) without keys. */
function keyGroups(table: ColumnTable, keys: readonly string[], rows: Uint32Array): RowGroups {
  if (keys.length > 0)
    return groupRows(
      keys.map((name) => columnValues(table, name)),
      rows,
    );
  return { groupOf: new Int32Array(rows.length), groupCount: 1, firstPosition: new Int32Array([0]) };
}

/**
 * The cells as groups: group `g`'s rows of the `j`-th name are group `g * k + j` (`k` names), so one measure
 * pass gives every cell. A cell without rows has first position -1 (only `countDistinct` reads positions).
 */
function cellGroups(groups: RowGroups, nameOf: Int32Array, k: number): RowGroups {
  const groupOf = Int32Array.from(groups.groupOf, (g, p) => g * k + nameOf[p]!);
  const firstPosition = new Int32Array(groups.groupCount * k).fill(-1);
  for (let p = groupOf.length - 1; p >= 0; --p) firstPosition[groupOf[p]!] = p;
  return { groupOf, groupCount: groups.groupCount * k, firstPosition };
}

/** The `j`-th of every `k` values of `cells`: one name's column, group by group (a `Float64Array` stays one). */
function nameColumn(cells: Float64Array | unknown[], j: number, k: number): Float64Array | unknown[] {
  const n = cells.length / k;
  if (cells instanceof Float64Array) return Float64Array.from({ length: n }, (_, g) => cells[g * k + j]!);
  return Array.from({ length: n }, (_, g) => cells[g * k + j]);
}

/**
 * Pivot a long table into a wide one: one row per group of equal `by` values, with a column per declared name
 * holding `aggregate` of `valuesFrom` over the group's rows whose `namesFrom` is that name.
 *
 * - Groups as `aggregate`'s: missing keys are one group (and a float key's zero comes out as `0`), groups in
 *   order of first appearance; with no `by`, exactly one row. Output: the `by` columns, then the names in the
 *   declared order.
 * - Cells as `aggregate`'s measure (`sum`, `mean`, `min`, `max`, `count`, `first`, `last`, `countDistinct`,
 *   `stddev`, `median`) of the cell's rows, so a pivot equals a `filter` on the name and an `aggregate`: `sum`
 *   adds floats in row order (ints exactly), NaN is missing, `count` counts the values that are not missing,
 *   `first` and `last` take the first and last row's value (missing included). A name without rows in a group
 *   gives a missing value (`count` and `countDistinct`: 0).
 * - `namesFrom` is a string column; a value that is not a declared name (a missing one too) is an error naming
 *   it and its row, unless `ignoreUndeclared: true` leaves such rows out (before grouping).
 *
 * Params: `by` (required; `[]` for one group), `namesFrom`, `valuesFrom`, `names`, `aggregate` (required),
 * `ignoreUndeclared` (default false).
 *
 * @example
 * pivot(sales, { by: ["site"], namesFrom: "month", valuesFrom: "amount", names: ["jan", "feb"], aggregate: "sum" });
 */
export const pivot = withStaticContract<PivotColumns>()(
  defineTransform({
    name: "pivot",
    description:
      "One row per group, a column per declared name: a measure of the rows of that name (long to wide).",
    columns: { by: needsEach(), namesFrom: needs({ type: "string" }), valuesFrom: needs() },
    params: z.object({
      names: z
        .array(z.string().min(1, "expected a non-empty column name"))
        .min(1, "expected at least one name")
        .readonly()
        .describe("The names of namesFrom to make columns of, in order."),
      aggregate: z.enum(PIVOT_AGGREGATES).describe("The measure of each cell's values."),
      ignoreUndeclared: z
        .boolean()
        .default(false)
        .describe("Leave out the rows whose name is not declared, instead of failing."),
    }),
    contract: ({ by, names }) => ({ adds: names, keepsOnly: [...new Set([...by, ...names])] }),
    check: ({ by, names }) => checkNames(names, by),
    types: ({ names, valuesFrom, aggregate }, input) => {
      const type = measureType({ fn: aggregate, of: col(valuesFrom) }, input);
      return Object.fromEntries(names.map((name) => [name, type]));
    },
    apply: (table, { by, namesFrom, valuesFrom, names, aggregate, ignoreUndeclared }): ColumnTable => {
      const keys = [...new Set(by)];
      checkNames(names, keys);
      const index = new Map(names.map((name, j) => [name, j]));
      const rows = visibleRows(table);
      const nameValues = columnValues(table, namesFrom);
      const kept: number[] = [];
      const nameOf: number[] = [];
      for (let i = 0; i < rows.length; ++i) {
        const value = nameValues[rows[i]!];
        const j = typeof value === "string" ? index.get(value) : undefined;
        if (j === undefined) {
          if (ignoreUndeclared) continue;
          throw undeclaredName(namesFrom, value, i, names);
        }
        kept.push(rows[i]!);
        nameOf.push(j);
      }
      const keptRows = Uint32Array.from(kept);
      const groups = keyGroups(table, keys, keptRows);
      const data: Record<string, unknown> = {};
      if (keys.length > 0) {
        const firstRows = Uint32Array.from(groups.firstPosition, (p) => keptRows[p]!);
        const keyTable = takeRows(table.ungroup().select(keys), firstRows);
        for (const name of keys) data[name] = withoutNegativeZeros(columnValues(keyTable, name));
      }
      const k = names.length;
      const cache = new MeasureCache(
        expressionInput(table, keptRows),
        cellGroups(groups, Int32Array.from(nameOf), k),
      );
      const measure: MeasureNode = { fn: aggregate, of: col(valuesFrom) };
      const cells = measureColumn(measure, cache, `pivot: ${aggregate} of "${valuesFrom}"`);
      names.forEach((name, j) => {
        data[name] = nameColumn(cells, j, k);
      });
      return makeTable(data as Record<string, unknown[]>, [...keys, ...names]);
    },
  }),
);

markBuiltIn(pivot);
