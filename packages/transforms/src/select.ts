import {
  defineTransform,
  type KnownTypesOf,
  needsEach,
  type StaticContract,
  withStaticContract,
} from "@tablepipe/core";
import { markBuiltIn } from "@tablepipe/core/internal";

/** The columns of `select`: it keeps only the listed ones, with their known types. */
export interface SelectColumns extends StaticContract {
  needs: never;
  adds: this["params"] extends { columns: readonly (infer C extends string)[] } ? C : never;
  removes: string;
  types: KnownTypesOf<Pick<this["input"], this["adds"] & keyof this["input"]>>;
}

/**
 * Keep only the listed columns, in the listed order (a name listed twice is kept once). Rows are unchanged.
 *
 * Params: `columns` (required).
 *
 * @example select(orders, { columns: ["customer_id", "amount"] });
 */
export const select = withStaticContract<SelectColumns>()(
  defineTransform({
    name: "select",
    description: "Keep only the listed columns, in the listed order.",
    columns: { columns: needsEach() },
    contract: ({ columns }) => ({ keepsOnly: [...new Set(columns)] }),
    apply: (table, { columns }) => table.select([...new Set(columns)]),
  }),
);

markBuiltIn(select);
