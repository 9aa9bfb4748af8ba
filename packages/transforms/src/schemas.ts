import * as z from "zod";

/**
 * A calendar month written `yyyyMM` ("201703"), month 01-12: the guide's month bounds.
 * @example yyyyMM.parse("201811") // "201811"; yyyyMM.parse("201813") throws
 */
export const yyyyMM = z
  .string({ error: 'expected a month as yyyyMM, e.g. "201703"' })
  .regex(/^\d{4}(0[1-9]|1[0-2])$/, 'expected a month as yyyyMM, e.g. "201703" (month 01-12)')
  .meta({ expected: "a month as yyyyMM, e.g. 201703" });

/**
 * A column name: a non-empty string (for params naming a column of a lookup table, which the column
 * contract does not see).
 * @example columnName.parse("zone_id") // "zone_id"
 */
export const columnName = z
  .string({ error: "expected a column name" })
  .min(1, "expected a non-empty column name");

/**
 * An hour of the day, 0-23 (an integer).
 * @example hourOfDay.parse(17) // 17
 */
export const hourOfDay = z.int().min(0, "expected an hour 0-23").max(23, "expected an hour 0-23");
