import { SQL_DIALECTS } from "@tablepipe/core";

/** A name as a Spark SQL identifier (back-quoted). */
export const quote = SQL_DIALECTS.spark.quoteIdentifier;

/** A Spark SQL string literal of `text` (backslash, quote and control characters escaped). */
export const sparkString = SQL_DIALECTS.spark.stringLiteral;

/** A Spark SQL raw string literal of a regular expression (`r'...'`: backslashes kept as they are). */
export function sparkRegex(pattern: string): string {
  if (pattern.includes("'")) throw new TypeError(`a raw Spark string cannot hold a quote: ${pattern}`);
  return `r'${pattern}'`;
}

/** `value IN (...)` of Spark SQL, FALSE for no values. */
export function oneOfSql(value: string, values: readonly string[]): string {
  return values.length === 0 ? "FALSE" : `${value} IN (${values.map(sparkString).join(", ")})`;
}
