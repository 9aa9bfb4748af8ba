/**
 * The value at `path` inside `value` (object keys and array indices), or undefined where the path leaves it.
 * @example valueAt({ where: { column: "a" } }, ["where", "column"]) // "a"
 */
export function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = value;
  for (const key of path) {
    if (typeof at !== "object" || at === null) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}
