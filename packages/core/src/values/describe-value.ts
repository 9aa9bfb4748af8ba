import { isTable } from "../transform/table";

/** Marks a value JSON has no text for (a non-finite number, a bigint) so that it is shown as itself. */
const AS_ITSELF = "\u0000tablepipe-as-itself\u0000";

/** JSON text, but Infinity, -Infinity, NaN and bigints written as themselves rather than `null` or a throw. */
function jsonText(value: unknown): string | undefined {
  const text = JSON.stringify(value, (_, v: unknown) =>
    (typeof v === "number" && !Number.isFinite(v)) || typeof v === "bigint"
      ? `${AS_ITSELF}${String(v)}${AS_ITSELF}`
      : v,
  );
  return text?.replace(/"\\u0000tablepipe-as-itself\\u0000(.*?)\\u0000tablepipe-as-itself\\u0000"/g, "$1");
}

/** A short, log-safe rendering of a param value for error messages. */
export function describeValue(value: unknown): string {
  if (isTable(value)) return `a table of ${value.numRows()} rows`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "an invalid Date" : value.toISOString();
  if (typeof value === "string")
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === undefined) return "nothing";
  if (typeof value === "function") return "a function";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  try {
    const text = jsonText(value) ?? String(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return String(value);
  }
}
