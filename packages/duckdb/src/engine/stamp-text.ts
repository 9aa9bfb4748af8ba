/**
 * readTable's time-stamp layouts in DuckDB SQL, in two steps (so that each regular expression runs once per
 * cell): the text's fields as a struct (`stampPartsSql`), then the TIMESTAMP they make, or NULL when the text
 * does not parse (the same rules as core's `parseTimestampBytes` for a column without a zone):
 * - ISO `2018-07-27 09:14:45` or `T`, optional `:ss`, a fraction after `.` or `,` cut to milliseconds, a date
 *   alone meaning midnight; a zone (`Z`, `+05:30`) does not parse;
 * - `07/27/2018 09:14:45 AM`: month, day and hour of one or two digits, AM/PM in any case (hour 1-12, `12 AM`
 *   midnight), without AM/PM an hour 0-23.
 */

const ISO = `([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]+))?)?)?()`;
const US = String.raw`([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)? ?([AaPp][Mm])?)?`;
const US_FIELDS = ["mo", "d", "y", "h", "mi", "s", "f", "ap"];

const list = (names: readonly string[]): string => `[${names.map((n) => `'${n}'`).join(", ")}]`;

/**
 * The fields of a trimmed text `t` (a struct of strings y, mo, d, h, mi, s, f, ap), NULL when no layout matches.
 * An ISO text's fields sit at fixed places (cut with `substr`, ten times cheaper than `regexp_extract`).
 */
export function stampPartsSql(t: string): string {
  const at = (from: number, length?: number): string =>
    length === undefined ? `substr(${t}, ${from})` : `substr(${t}, ${from}, ${length})`;
  const iso = `struct_pack(y := ${at(1, 4)}, mo := ${at(6, 2)}, d := ${at(9, 2)}, h := ${at(12, 2)}, mi := ${at(15, 2)}, s := ${at(18, 2)}, f := ${at(21)}, ap := '')`;
  return `(CASE WHEN regexp_full_match(${t}, '${ISO}') THEN ${iso} WHEN regexp_full_match(${t}, '${US}') THEN regexp_extract(${t}, '${US}', ${list(US_FIELDS)}) END)`;
}

/** The TIMESTAMP the fields `p` of {@link stampPartsSql} make, or NULL (no layout matched, or a field out of range). */
export function stampFromPartsSql(p: string): string {
  const n = (field: string): string => `COALESCE(TRY_CAST(NULLIF(${p}.${field}, '') AS INTEGER), 0)`;
  const ap = `lower(${p}.ap)`;
  const hour = `CASE WHEN ${ap} = 'am' THEN ${n("h")} % 12 WHEN ${ap} = 'pm' THEN ${n("h")} % 12 + 12 ELSE ${n("h")} END`;
  const ms = `COALESCE(TRY_CAST(rpad(left(NULLIF(${p}.f, ''), 3), 3, '0') AS INTEGER), 0)`;
  const month = `least(greatest(${n("mo")}, 1), 12)`;
  const valid = [
    `${n("mo")} BETWEEN 1 AND 12`,
    `${n("d")} BETWEEN 1 AND day(last_day(make_date(${n("y")}, ${month}, 1)))`,
    `(${ap} = '' OR ${n("h")} BETWEEN 1 AND 12)`,
    `${n("h")} BETWEEN 0 AND 23`,
    `${n("mi")} BETWEEN 0 AND 59`,
    `${n("s")} BETWEEN 0 AND 59`,
  ].join(" AND ");
  const stamp = `CAST(make_date(${n("y")}, ${month}, 1) AS TIMESTAMP) + to_days(${n("d")} - 1) + to_milliseconds(${hour} * 3600000 + ${n("mi")} * 60000 + ${n("s")} * 1000 + ${ms})`;
  return `(CASE WHEN ${p} IS NOT NULL AND ${valid} THEN ${stamp} END)`;
}
