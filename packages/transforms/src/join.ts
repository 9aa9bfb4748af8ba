import {
  type ColumnsOf,
  defineTransform,
  type KnownTypesOf,
  type NoColumnTypes,
  needsEach,
  requireColumns,
  type StaticContract,
  schemaOf,
  type TypesOf,
  tableParam,
  withStaticContract,
} from "@tablepipe/core";
import { markBuiltIn } from "@tablepipe/core/internal";
import { type ColumnTable, table as makeTable } from "arquero";
import * as z from "zod";
import { columnValues } from "./internal/columns";
import { fullJoinKey, fullJoinRows, rightJoinRows } from "./internal/full-join-rows";
import { matchRows } from "./internal/join-matches";
import { takeRows, viewMask, visibleRows } from "./internal/rows";

/** One message per key column `M` the right table lacks. */
type RightLacks<M extends string> = M extends string
  ? `step "join": the right table lacks the key column "${M}"`
  : never;

/** The columns of `join`: an inner, left, right or full join adds the right table's non-key columns. */
export interface JoinColumns extends StaticContract {
  needs: never;
  adds: this["params"] extends { how: "semi" | "anti" }
    ? never
    : this["params"] extends { right: infer R; on: readonly (infer K extends string)[] }
      ? Exclude<ColumnsOf<R>, K>
      : never;
  removes: never;
  /** A key the right table lacks, where its columns are known. */
  problems: this["params"] extends { right: infer R; on: readonly (infer K extends string)[] }
    ? string extends ColumnsOf<R> | K
      ? never
      : RightLacks<Exclude<K, ColumnsOf<R>>>
    : never;
  /** The right table's known types of the columns it adds. */
  types: this["params"] extends { how: "semi" | "anti" }
    ? NoColumnTypes
    : this["params"] extends { right: infer R; on: readonly (infer K extends string)[] }
      ? KnownTypesOf<Omit<TypesOf<R>, K>>
      : NoColumnTypes;
}

/**
 * Values at `rows` (`-1` giving null), written at `at[k]` of a column of `length` rows (at `k` when `at` is
 * undefined): a `Float64Array` stays one when no row is missing.
 */
function spreadOrNull(
  values: ArrayLike<unknown>,
  rows: Int32Array,
  at: Uint32Array | undefined,
  length: number,
): Float64Array | unknown[] {
  let missing = false;
  for (let i = 0; i < rows.length && !missing; ++i) missing = rows[i]! < 0;
  if (values instanceof Float64Array && !missing) {
    const out = new Float64Array(length);
    if (at === undefined) for (let i = 0; i < rows.length; ++i) out[i] = values[rows[i]!]!;
    else for (let i = 0; i < rows.length; ++i) out[at[i]!] = values[rows[i]!]!;
    return out;
  }
  const out = new Array<unknown>(length);
  for (let i = 0; i < rows.length; ++i) {
    const r = rows[i]!;
    out[at === undefined ? i : at[i]!] = r < 0 ? null : values[r];
  }
  return out;
}

/**
 * Join with another table on equal values of the `on` columns (named alike in both tables).
 *
 * - `how`: `inner` (default) keeps the pairs of matching rows; `left` also keeps each left row without a
 *   match, with nulls in the right's columns; `full` also keeps, after those, each right row without a match,
 *   with its keys and nulls in the left's other columns; `right` keeps the pairs and, after them, each right row
 *   without a match, as `full` does (a full join without the unmatched left rows); `semi` keeps the left rows
 *   that have a match, once each; `anti` keeps those that have none. Semi and anti add no column.
 * - Null keys (null, undefined, NaN) never match: a left or full join keeps such a left row with nulls, a right
 *   or full join such a right row, an anti join keeps it. `1` and `"1"` are different keys.
 * - The right table must have the `on` columns (checked by a pipe's pre-flight, before any row is read).
 * - Columns: the left's, then the right's non-key columns. A right non-key column named like a left column
 *   is an error naming it (rename it first with `rename`): no silent suffix.
 * - Order: left rows in input order; a left row's matches in the right's input order; a full or right join's
 *   unmatched right rows last, in the right's order.
 * - `validate`: `many-to-one` checks that no key appears twice in the right table, `one-to-one` also in the
 *   left one; a repeated key is an error naming the key (columns and values, not a row number) of the first row
 *   of that table, in order, whose key appears again later (missing keys never count), so the key named does
 *   not depend on the other table.
 * - Keys are hashed on typed arrays (no arquero `groupby`), so it scales past 8.4M distinct keys.
 *
 * Params: `right` (a table) and `on` (required), `how`, `validate`.
 *
 * @example
 * join(orders, { right: customers, on: ["customer_id"], how: "left", validate: "many-to-one" });
 */
export const join = withStaticContract<JoinColumns>()(
  defineTransform({
    name: "join",
    description: "Join with another table on equal key columns: inner, left, right, full, semi or anti.",
    columns: { on: needsEach() },
    params: z.object({
      right: tableParam().describe("The right table."),
      how: z
        .enum(["inner", "left", "right", "full", "semi", "anti"])
        .default("inner")
        .describe("Which rows to keep."),
      validate: z.enum(["many-to-one", "one-to-one"]).optional().describe("Check the keys' multiplicity."),
    }),
    // The right's non-key columns, so that the pre-flight knows a later step may read them.
    contract: ({ right, on, how }) => ({
      adds: how === "semi" || how === "anti" ? [] : right.columnNames().filter((c) => !on.includes(c)),
    }),
    // The right table's keys, before any row is read.
    check: ({ right, on }) => requireColumns(right, on, "join: right table"),
    // The right table's own types; nullable after a left or full join (unmatched rows). After a full join the
    // left's other columns are nullable too, and a key is when either side's is.
    types: ({ right, on, how }, input) => {
      if (how === "semi" || how === "anti") return {};
      const schema = schemaOf(right);
      const added = right
        .columnNames()
        .filter((c) => !on.includes(c))
        .flatMap((c) => {
          const type = schema[c];
          const kept = how === "inner" || how === "right";
          return type === undefined ? [] : [[c, kept ? type : { ...type, nullable: true }]];
        });
      if (how !== "full" && how !== "right") return Object.fromEntries(added);
      // a key of an unmatched right row is the right's; a right join has no unmatched left row
      const keyNullable = (c: string, type: { nullable: boolean }) =>
        (how === "full" && type.nullable) || schema[c]?.nullable !== false;
      const left = Object.entries(input).map(([c, type]) => [
        c,
        { ...type, nullable: on.includes(c) ? keyNullable(c, type) : true },
      ]);
      return Object.fromEntries([...left, ...added]);
    },
    apply: (table, { on, right, how, validate }): ColumnTable => {
      if (on.length === 0) throw new TypeError('join: param "on": expected at least one key column');
      requireColumns(right, on, "join: right table");
      const keys = [...new Set(on)];
      const rightExtra =
        how === "semi" || how === "anti" ? [] : right.columnNames().filter((c) => !keys.includes(c));
      const clashes = rightExtra.filter((c) => table.columnNames().includes(c));
      if (clashes.length > 0) {
        throw new TypeError(
          `join: the right table's columns ${clashes.map((c) => `"${c}"`).join(", ")} are also left columns; ` +
            "rename them (or drop them with select) before joining",
        );
      }
      const leftRows = visibleRows(table);
      const rightRows = visibleRows(right);
      const matches = matchRows(
        keys.map((k) => columnValues(table, k)),
        leftRows,
        keys.map((k) => columnValues(right, k)),
        rightRows,
        // a full join's pairs are a left join's; its unmatched right rows follow them
        { how: how === "full" || how === "right" ? "left" : how, validate, keys },
      );
      const names = [...table.columnNames(), ...rightExtra];
      if (how === "full" || how === "right") {
        const full = fullJoinRows(matches, rightRows, right.totalRows());
        const rows = how === "right" ? rightJoinRows(full) : full;
        const n = rows.left.length;
        const data: Record<string, unknown> = {};
        for (const name of table.columnNames()) {
          data[name] = keys.includes(name)
            ? fullJoinKey(columnValues(table, name), columnValues(right, name), rows)
            : spreadOrNull(columnValues(table, name), rows.left, undefined, n);
        }
        for (const name of rightExtra)
          data[name] = spreadOrNull(columnValues(right, name), rows.right, undefined, n);
        return makeTable(data as Record<string, unknown[]>, names);
      }
      // Left rows kept once each, in order: a filtered view sharing the left's columns (the right's spread
      // to the left's backing rows), instead of a copy of every left column.
      const mask = viewMask(table, matches.left);
      if (mask !== undefined) {
        const data: Record<string, unknown> = {};
        for (const name of table.columnNames()) data[name] = table.column(name);
        for (const name of rightExtra)
          data[name] = spreadOrNull(
            columnValues(right, name),
            matches.right,
            matches.left,
            table.totalRows(),
          );
        return table.create({ data: data as Record<string, unknown[]>, names, filter: mask });
      }
      if (how === "semi" || how === "anti") return takeRows(table.ungroup(), matches.left);
      const left = takeRows(table.ungroup(), matches.left);
      const data: Record<string, unknown> = {};
      for (const name of table.columnNames()) data[name] = left.column(name);
      for (const name of rightExtra)
        data[name] = spreadOrNull(columnValues(right, name), matches.right, undefined, matches.right.length);
      return makeTable(data as Record<string, unknown[]>, names);
    },
  }),
);

markBuiltIn(join);
