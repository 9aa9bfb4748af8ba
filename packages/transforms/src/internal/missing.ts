/** A missing value: null, undefined, NaN or an invalid Date (what SQL calls NULL). */
export function isMissing(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === "number" && Number.isNaN(value)) ||
    (value instanceof Date && Number.isNaN(value.getTime()))
  );
}

/** The kind of a present value as a fill value or a key would name it: a Date is a number (a time stamp). */
export function valueKind(value: unknown): string {
  return value instanceof Date ? "number" : typeof value;
}
