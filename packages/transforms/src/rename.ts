import {
  defineTransform,
  type KnownTypesOf,
  type NoColumnTypes,
  type StaticContract,
  withStaticContract,
} from "@tablepipe/core";
import { markBuiltIn } from "@tablepipe/core/internal";
import * as z from "zod";

/** The columns of `rename`: it needs and removes the old names, and adds the new ones. */
export interface RenameColumns extends StaticContract {
  needs: this["params"] extends { columns: infer M } ? keyof M & string : never;
  adds: this["params"] extends { columns: infer M } ? M[keyof M] & string : never;
  removes: this["params"] extends { columns: infer M } ? keyof M & string : never;
  /** Each new name has the old name's known type. */
  types: this["params"] extends { columns: infer M }
    ? KnownTypesOf<{
        [Old in keyof M & keyof this["input"] as M[Old] & string]: this["input"][Old];
      }>
    : NoColumnTypes;
}

const columnName = z.string().min(1, "expected a non-empty column name");

/**
 * Rename columns: `{ old: "new" }`. Each renamed column keeps its place, values and rows; the other
 * columns are unchanged. Names may be swapped (`{ a: "b", b: "a" }`). A new name that another column
 * keeps, or two columns renamed to one name, is an error naming them.
 *
 * Params: `columns` (required), `{ old: "new" }`.
 *
 * @example
 * rename(orders, { columns: { amount: "order_amount", ts: "ordered_at" } });
 */
export const rename = withStaticContract<RenameColumns>()(
  defineTransform({
    name: "rename",
    description: "Rename columns ({ old: new }), each keeping its place.",
    params: z.object({
      columns: z.record(columnName, columnName).describe("The new names: { old: new }."),
    }),
    contract: ({ columns }) => ({
      needs: Object.keys(columns),
      removes: Object.keys(columns),
      adds: Object.values(columns),
      // each new name stands in its old name's place, as the table's columns do
      renames: columns,
    }),
    types: ({ columns }, input) =>
      Object.fromEntries(
        Object.entries(columns).flatMap(([from, to]) =>
          input[from] === undefined ? [] : [[to, input[from]]],
        ),
      ),
    apply: (table, { columns }) => {
      const seen = new Map<string, string>();
      for (const [from, to] of Object.entries(columns)) {
        const other = seen.get(to);
        if (other !== undefined) {
          throw new TypeError(
            `rename: "${other}" and "${from}" are both renamed to "${to}"; expected one each`,
          );
        }
        seen.set(to, from);
      }
      const kept = table.columnNames().find((name) => seen.has(name) && !Object.hasOwn(columns, name));
      if (kept !== undefined) {
        throw new TypeError(
          `rename: "${seen.get(kept)}" is renamed to "${kept}", a column the table keeps; ` +
            `rename or drop "${kept}" too`,
        );
      }
      return table.rename(columns);
    },
  }),
);

markBuiltIn(rename);
