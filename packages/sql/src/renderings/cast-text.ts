import { type CastType, SQL_DIALECTS, type SqlStepContext } from "@tablepipe/core";

/** JavaScript's decimal number text, as `castColumns` reads a string in process (`Number(text.trim())`). */
const NUMBER_TEXT = String.raw`[+-]?(Infinity|[0-9]+\.?[0-9]*([eE][+-]?[0-9]+)?|\.[0-9]+([eE][+-]?[0-9]+)?)`;

/** SQL text of a string literal. */
export const sqlText = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/** A string cell as the word a cast to boolean reads: blanks trimmed, lower case. */
export function booleanWord(c: SqlStepContext, cell: string): string {
  return `lower(${SQL_DIALECTS[c.dialect].trimBlanks(cell)})`;
}

/**
 * For the casts of a string that can fail (to `int`, `float` or `boolean`), the SQL test a non-null cell passes
 * when it converts as in process, and what the error says is expected; undefined for every other cast.
 */
export function stringCastTest(
  c: SqlStepContext,
  cell: string,
  from: CastType | undefined,
  to: CastType,
): { readonly converts: string; readonly expected: string } | undefined {
  if (from !== "string") return undefined;
  const d = SQL_DIALECTS[c.dialect];
  if (to === "int" || to === "float") {
    return {
      converts: d.fullMatch(d.trimBlanks(cell), sqlText(NUMBER_TEXT)),
      expected: "a decimal number, e.g. 12.5",
    };
  }
  if (to === "boolean") {
    return { converts: `${booleanWord(c, cell)} IN ('true', 'false')`, expected: "true or false (any case)" };
  }
  return undefined;
}
