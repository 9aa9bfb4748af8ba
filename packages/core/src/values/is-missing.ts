/**
 * True for the values tablepipe treats as missing (SQL's NULL): null, undefined, NaN and an invalid Date. One
 * rule for every transform and engine: grouping and dedupe put them in one group, joins never match them.
 * @example isMissing(Number.NaN) // true; isMissing(0) // false
 */
export function isMissing(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === "number" && Number.isNaN(value)) ||
    (value instanceof Date && Number.isNaN(value.getTime()))
  );
}
