/** The kind of a present value as a fill value or a key would name it: a Date is a number (a time stamp). */
export function valueKind(value: unknown): string {
  return value instanceof Date ? "number" : typeof value;
}
