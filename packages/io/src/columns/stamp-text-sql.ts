import type { TextCellDialect } from "./text-cell-dialect";

/**
 * readTable's time-stamp layouts for a column without a zone (the rules of core's `parseTimestampBytes`) in SQL,
 * in two steps, so that each regular expression runs once per cell: the trimmed text's fields as a struct of
 * texts (`stampFieldsSql`), then the TIMESTAMP they make, or NULL (`stampFromFieldsSql`):
 * - ISO `2018-07-27 09:14:45` or `T`, optional `:ss`, a fraction after `.` or `,` cut to milliseconds, a date
 *   alone meaning midnight; a zone (`Z`, `+05:30`) does not parse;
 * - `07/27/2018 09:14:45 AM`: month, day and hour of one or two digits, AM/PM in any case (hour 1-12, `12 AM`
 *   midnight), without AM/PM an hour 0-23.
 */

const ISO = `[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?)?`;
const US = String.raw`([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)? ?([AaPp][Mm])?)?`;

/** The fields, in the struct's order: y, mo, d, h, mi, s, f (the fraction's digits), ap (AM/PM). */
const FIELDS = ["y", "mo", "d", "h", "mi", "s", "f", "ap"] as const;
/** The group of {@link US} holding each field. */
const US_GROUP: Readonly<Record<(typeof FIELDS)[number], number>> = {
  mo: 1,
  d: 2,
  y: 3,
  h: 4,
  mi: 5,
  s: 6,
  f: 7,
  ap: 8,
};

/**
 * The fields of the trimmed text `t`, a struct of texts (y, mo, d, h, mi, s, f, ap), NULL when no layout matches.
 * An ISO text's fields sit at fixed places (cut with `substr`, ten times cheaper than extracting groups).
 */
export function stampFieldsSql(d: TextCellDialect, t: string): string {
  const at = (from: number, length?: number): string =>
    length === undefined ? `substr(${t}, ${from})` : `substr(${t}, ${from}, ${length})`;
  const iso = [at(1, 4), at(6, 2), at(9, 2), at(12, 2), at(15, 2), at(18, 2), at(21), "''"];
  const isoFields = FIELDS.map((name, i) => [name, iso[i] as string] as const);
  const usFields = FIELDS.map((name) => [name, US_GROUP[name]] as const);
  return `(CASE WHEN ${d.fullMatch(t, ISO)} THEN ${d.struct(isoFields)} WHEN ${d.fullMatch(t, US)} THEN ${d.groups(t, US, usFields)} END)`;
}

/** The TIMESTAMP the fields `p` of {@link stampFieldsSql} make, or NULL (no layout matched, or a field out of range). */
export function stampFromFieldsSql(d: TextCellDialect, p: string): string {
  const n = (field: string): string => `coalesce(try_cast(nullif(${p}.${field}, '') AS INT), 0)`;
  const ap = `lower(${p}.ap)`;
  const hour = `CASE WHEN ${ap} = 'am' THEN ${n("h")} % 12 WHEN ${ap} = 'pm' THEN ${n("h")} % 12 + 12 ELSE ${n("h")} END`;
  const millisecond = `coalesce(try_cast(rpad(left(nullif(${p}.f, ''), 3), 3, '0') AS INT), 0)`;
  const valid = [
    `${p} IS NOT NULL`,
    `${n("mo")} BETWEEN 1 AND 12`,
    `${n("d")} BETWEEN 1 AND ${d.lastDay(n("y"), n("mo"))}`,
    `(${ap} = '' OR ${n("h")} BETWEEN 1 AND 12)`,
    `${n("h")} BETWEEN 0 AND 23`,
    `${n("mi")} BETWEEN 0 AND 59`,
    `${n("s")} BETWEEN 0 AND 59`,
  ].join(" AND ");
  const stamp = d.timestamp({
    year: n("y"),
    month: n("mo"),
    day: n("d"),
    hour: `(${hour})`,
    minute: n("mi"),
    second: n("s"),
    millisecond,
  });
  return `(CASE WHEN ${valid} THEN ${stamp} END)`;
}
