import { describeValue, formatTimestamp, type TableSchema } from "@tablepipe/core";

const MS_PER_DAY = 86_400_000;

/**
 * Throw, before any row is read, when a `date` column's fill value is a number that is not a midnight: a date
 * column holds the epoch milliseconds of midnights, and no engine's date holds a time of day.
 */
export function checkDateFills(columns: Readonly<Record<string, unknown>>, input: TableSchema): void {
  for (const [name, value] of Object.entries(columns)) {
    if (input[name]?.type !== "date" || typeof value !== "number" || !Number.isFinite(value)) continue;
    if (value % MS_PER_DAY === 0) continue;
    const shown = Math.abs(value) <= 8.64e15 ? ` (${formatTimestamp(value).replace("T", " ")})` : "";
    throw new TypeError(
      `fillNull: column "${name}" holds dates (declared date), but the fill value ${describeValue(value)}${shown} ` +
        `is not a midnight; expected the epoch milliseconds of a day's midnight, e.g. Date.UTC(2024, 0, 1)`,
    );
  }
}
