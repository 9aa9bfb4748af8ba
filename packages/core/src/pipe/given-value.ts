/**
 * What a value given where a table (a list of steps, an engine) was expected is, for the error a JavaScript
 * caller meets (TypeScript refuses it at compile time): `undefined`, `a Promise (await it first)`, `an object with
 * keys format, path, sql`, ...
 */
export function describeGiven(value: unknown): string {
  if (value === undefined || value === null) return String(value);
  if (value instanceof Promise) return "a Promise (await it first)";
  if (Array.isArray(value)) return `an array of ${value.length} values`;
  if (typeof value === "string")
    return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  if (typeof value === "function") return "a function";
  if (typeof value !== "object") return `${typeof value} ${String(value)}`;
  const keys = Object.keys(value);
  const shown = keys.length > 5 ? [...keys.slice(0, 5), "..."] : keys;
  return keys.length === 0 ? "an object with no keys" : `an object with keys ${shown.join(", ")}`;
}
