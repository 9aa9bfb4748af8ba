/**
 * `typedTable`'s check of a zod row schema's value rules, as readTable checks them on the values it reads: only
 * the columns with rules (or an enum's allowed values) are visited, so a schema without rules costs nothing here.
 */

import type { ColumnTable } from "arquero";
import { formatTimestamp } from "../time/timestamp";
import { SchemaMismatchError } from "../transform/errors";
import { isMissing } from "../values/is-missing";
import { fieldRules, rowCheckWords } from "./field-rules";
import { columnArray } from "./infer-schema";
import type { RowSchema } from "./row-schema";
import { compileRule, type RuleTest } from "./value-rules";

/** A value as a message shows it: a string quoted, a time stamp as its wall-clock text, else as written. */
function shown(value: unknown, timestamp: boolean): string {
  if (typeof value === "string")
    return JSON.stringify(value.length > 120 ? `${value.slice(0, 117)}...` : value);
  if (timestamp && (typeof value === "number" || value instanceof Date))
    return formatTimestamp(value).replace("T", " ");
  return String(value);
}

/**
 * Refuse the rules of `schema` that cannot be checked value by value (a rule on the whole row, a check that
 * changes values), naming each, as readTable does.
 */
function refuseUncheckable(schema: RowSchema, where: string): void {
  const problems = rowCheckWords(schema).map(
    (words) =>
      `${words} on the whole row (a .refine()/.superRefine()/.check() of the object schema) cannot be checked value by value: put the rule on a column, or check the table after typing it`,
  );
  for (const [name, field] of Object.entries(schema.shape)) {
    for (const rule of fieldRules(field).rules) {
      if (rule.kind === "uncheckable") problems.push(`column ${name}: ${rule.words}`);
    }
  }
  if (problems.length > 0) {
    throw new TypeError(`${where}: the schema has rules that cannot be checked:\n- ${problems.join("\n- ")}`);
  }
}

/**
 * Check every value of `table` against its column's value rules in the zod row `schema` (`.min(0)`, `.regex()`,
 * `z.email()`, `.refine()`, an enum's allowed values), as readTable does; throws a {@link SchemaMismatchError}
 * naming the column, the row, the value and the rule in words (`typedTable: column "v", row 0: -1 breaks the
 * schema's rule: expected at least 0`). A missing value is checked only by a refinement outside `.nullable()`.
 */
export function checkValueRules(table: ColumnTable, schema: RowSchema, where: string): void {
  refuseUncheckable(schema, where);
  for (const [name, field] of Object.entries(schema.shape)) {
    const { rules, values: allowed, timestamp } = fieldRules(field);
    if (rules.length === 0 && allowed === undefined) continue; // the fast path: nothing to check
    const tests: RuleTest[] = rules.map((rule) => compileRule(rule, timestamp));
    const nulls = rules.map((rule) => rule.kind === "refinement" && rule.nulls);
    const choices = allowed === undefined ? undefined : new Set(allowed);
    const fail = (row: number, value: unknown, detail: string): never => {
      throw new SchemaMismatchError(
        `${where}: column "${name}", row ${row}: ${shown(value, timestamp)} ${detail}`,
      );
    };
    const values = columnArray(table, name);
    for (let row = 0; row < values.length; row++) {
      const raw = values[row];
      const missing = isMissing(raw);
      const value = missing ? null : raw instanceof Date ? raw.getTime() : raw;
      if (!missing && choices !== undefined && !choices.has(value)) {
        const expected = [...choices].map((v) => JSON.stringify(v)).join(", ");
        fail(row, value, `is not an allowed value (expected one of ${expected})`);
      }
      for (let k = 0; k < tests.length; k++) {
        if (missing && nulls[k] !== true) continue;
        if (!(tests[k] as RuleTest)(value))
          fail(row, value, `breaks the schema's rule: expected ${rules[k]?.words}`);
      }
    }
  }
}
