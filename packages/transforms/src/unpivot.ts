import {
  adds,
  type ColumnType,
  defineTransform,
  isMissing,
  type LogicalType,
  needsEach,
  type StaticContract,
  type TableSchema,
  withStaticContract,
} from "@tablepipe/core";
import { markBuiltIn } from "@tablepipe/core/internal";
import { type ColumnTable, table as makeTable } from "arquero";
import * as z from "zod";
import { columnValues } from "./internal/columns";
import { valueKind } from "./internal/missing";
import { takeRows, visibleRows } from "./internal/rows";

/** The listed columns of an `unpivot` call with params `P`. */
type Listed<P> = P extends { columns: readonly (infer C extends string)[] } ? C : never;

/** The value column an `unpivot` call with params `P` names. */
type ValueName<P> = P extends { valueColumn: infer V extends string } ? V : never;

/** The known types of the listed columns `L` among the known types `K`, as a union. */
type ListedTypes<K, L extends string> = K[L & keyof K];

/** One message per listed column whose known type is not the one every listed column has. */
type TypeClashes<K, L extends string> = {
  [C in L & keyof K]: [K[C]] extends [ListedTypes<K, L>]
    ? [ListedTypes<K, L>] extends [K[C]]
      ? never
      : `step "unpivot" needs one type for every listed column, but "${C}" is ${K[C] & string} and another is ${Exclude<ListedTypes<K, L>, K[C]> & string}`
    : never;
}[L & keyof K];

/**
 * The columns of `unpivot`: it removes the listed columns and adds the name column (a string) and the value
 * column (the listed columns' type, when the compiler knows it for each of them).
 */
export interface UnpivotColumns extends StaticContract {
  needs: never;
  adds: never;
  removes: Listed<this["params"]>;
  types: [Listed<this["params"]>] extends [never]
    ? Record<never, never>
    : [Listed<this["params"]>] extends [keyof this["input"]]
      ? { [V in ValueName<this["params"]>]: ListedTypes<this["input"], Listed<this["params"]>> & LogicalType }
      : Record<never, never>;
  /** Listed columns of different known types (where the list is known). */
  problems: string extends Listed<this["params"]>
    ? never
    : TypeClashes<this["input"], Listed<this["params"]>>;
}

/** `"jan" (int), "feb" (float)`: the listed columns with their types. */
function describeTypes(columns: readonly string[], input: TableSchema): string {
  return columns.map((name) => `"${name}" (${input[name]?.type ?? "unknown"})`).join(", ");
}

/** Refuse listed columns whose declared types differ (a column typed from a plain table's values is left to apply). */
function checkSharedType(columns: readonly string[], input: TableSchema): void {
  const declared = columns.filter((name) => {
    const type = input[name];
    return type !== undefined && type.type !== "unknown" && type.fromValues !== true;
  });
  if (new Set(declared.map((name) => input[name]!.type)).size > 1) {
    throw new TypeError(
      `unpivot: the listed columns must share one type, but they are ${describeTypes(declared, input)}`,
    );
  }
}

/** The value column's type: the listed columns' one type (float for ints and floats seen in values), nullable if any is. */
function valueType(columns: readonly string[], input: TableSchema, dropMissing: boolean): ColumnType {
  const found = columns.map((name) => input[name]);
  const types = new Set(found.map((t) => t?.type ?? "unknown"));
  const nullable = !dropMissing && found.some((t) => t === undefined || t.nullable);
  const one = types.size === 1 ? [...types][0]! : undefined;
  const numbers = [...types].every((t) => t === "int" || t === "float");
  const type = one ?? (numbers ? "float" : "unknown");
  return { type, nullable: type === "unknown" ? true : nullable };
}

/** Refuse params `apply` cannot honour: no listed column, a column listed twice, one name for both new columns. */
function checkParams(columns: readonly string[], nameColumn: string, valueColumn: string): void {
  if (columns.length === 0) throw new TypeError("unpivot: expected at least one column to unpivot, got none");
  const twice = columns.find((name, i) => columns.indexOf(name) !== i);
  if (twice !== undefined) throw new TypeError(`unpivot: column "${twice}" is listed twice; list it once`);
  if (nameColumn === valueColumn) {
    throw new TypeError(
      `unpivot: nameColumn and valueColumn are both "${nameColumn}"; expected two different names`,
    );
  }
}

/** Throw when two listed columns hold values of different kinds (a number and a string), naming both. */
function checkValueKinds(table: ColumnTable, columns: readonly string[], rows: Uint32Array): void {
  let first: { name: string; kind: string; row: number; value: unknown } | undefined;
  for (const name of columns) {
    const values = columnValues(table, name);
    for (let i = 0; i < rows.length; ++i) {
      const value = values[rows[i]!];
      if (isMissing(value)) continue;
      const kind = valueKind(value);
      if (first === undefined) first = { name, kind, row: i, value };
      else if (kind !== first.kind) {
        throw new TypeError(
          `unpivot: column "${name}" holds ${JSON.stringify(value)} (a ${kind}) at row ${i}, but column ` +
            `"${first.name}" holds ${first.kind}s (row ${first.row}); expected one type in every listed column`,
        );
      }
      break;
    }
  }
}

/**
 * Unpivot (melt) a wide table into a long one: each input row becomes one row per listed column, in row order
 * then in the listed order, with the column's name in `nameColumn` and its value in `valueColumn`; the other
 * columns are kept, in their order, before the two new ones.
 *
 * - The listed columns must share one type (a compile error and a pre-flight error otherwise, naming them);
 *   `nameColumn` is a string column without missing values, `valueColumn` has the listed columns' type and
 *   may be missing where any of them may.
 * - Missing values (null, undefined, NaN) are kept, unless `dropMissing: true` drops their rows.
 *
 * Params: `columns`, `nameColumn`, `valueColumn` (required), `dropMissing` (default false).
 *
 * @example
 * unpivot(sales, { columns: ["jan", "feb"], nameColumn: "month", valueColumn: "amount" });
 */
export const unpivot = withStaticContract<UnpivotColumns>()(
  defineTransform({
    name: "unpivot",
    description: "One row per listed column of each row: its name and its value (melt, wide to long).",
    columns: { columns: needsEach(), nameColumn: adds({ type: "string" }), valueColumn: adds() },
    params: z.object({
      dropMissing: z.boolean().default(false).describe("Drop the rows whose value is missing."),
    }),
    contract: ({ columns }) => ({ removes: columns }),
    check: ({ columns, nameColumn, valueColumn }, input) => {
      checkParams(columns, nameColumn, valueColumn);
      checkSharedType(columns, input);
    },
    types: ({ columns, valueColumn, dropMissing }, input) => ({
      [valueColumn]: valueType(columns, input, dropMissing),
    }),
    apply: (table, { columns, nameColumn, valueColumn, dropMissing }) => {
      checkParams(columns, nameColumn, valueColumn);
      const rows = visibleRows(table);
      checkValueKinds(table, columns, rows);
      const sources = columns.map((name) => columnValues(table, name));
      const k = columns.length;
      const selected: number[] = [];
      const names: string[] = [];
      const values: unknown[] = [];
      for (let i = 0; i < rows.length; ++i) {
        const row = rows[i]!;
        for (let j = 0; j < k; ++j) {
          const value = sources[j]![row];
          if (dropMissing && isMissing(value)) continue;
          selected.push(row);
          names.push(columns[j]!);
          values.push(value);
        }
      }
      const numbers = sources.every((s) => s instanceof Float64Array);
      const long = {
        [nameColumn]: names,
        [valueColumn]: numbers ? Float64Array.from(values as number[]) : values,
      };
      const kept = table.columnNames().filter((name) => !columns.includes(name));
      if (kept.length === 0) return makeTable(long, [nameColumn, valueColumn]);
      return takeRows(table.ungroup().select(kept), Uint32Array.from(selected)).assign(long);
    },
  }),
);

markBuiltIn(unpivot);
