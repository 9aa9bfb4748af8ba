/** Spark's types (the cases of Spark Connect's `DataType`) of integers up to 32 bits. */
export const INTEGER_TYPES: ReadonlySet<string> = new Set(["byte", "short", "integer"]);
/** Spark's types of numbers. */
export const NUMBER_TYPES: ReadonlySet<string> = new Set([
  "byte",
  "short",
  "integer",
  "long",
  "float",
  "double",
  "decimal",
]);
/** Spark's types of text. */
export const TEXT_TYPES: ReadonlySet<string> = new Set(["string", "char", "varChar"]);
/** Spark's types of a point in time (a date is its midnight). */
export const TIME_TYPES: ReadonlySet<string> = new Set(["timestamp", "timestampNtz", "date"]);
