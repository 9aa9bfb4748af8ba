import { SQL_DIALECTS } from "@tablepipe/core";

/** A name as a Spark SQL identifier (back-quoted). */
export const quote = SQL_DIALECTS.spark.quoteIdentifier;

/** A Spark SQL string literal of `text` (backslash, quote and control characters escaped). */
export function sparkString(text: string): string {
  let escaped = "";
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (char === "\\" || char === "'") escaped += `\\${char}`;
    else if (code < 32 || code === 127) escaped += `\\u${code.toString(16).padStart(4, "0")}`;
    else escaped += char;
  }
  return `'${escaped}'`;
}

/** A Spark SQL raw string literal of a regular expression (`r'...'`: backslashes kept as they are). */
export function sparkRegex(pattern: string): string {
  if (pattern.includes("'")) throw new TypeError(`a raw Spark string cannot hold a quote: ${pattern}`);
  return `r'${pattern}'`;
}

/** `value IN (...)` of Spark SQL, FALSE for no values. */
export function oneOfSql(value: string, values: readonly string[]): string {
  return values.length === 0 ? "FALSE" : `${value} IN (${values.map(sparkString).join(", ")})`;
}
