import { STDDEV_LARGE, STDDEV_SHRINK, STDDEV_SMALL } from "@tablepipe/core/internal";

/** A double as a SQL literal both DuckDB and Spark read as that DOUBLE (`4.149515568880993E180`). */
function doubleLiteral(x: number): string {
  const text = String(x).replace("e+", "E").replace("e-", "E-");
  return text.includes("E") ? text : `${text}E0`;
}

const MAX = doubleLiteral(Number.MAX_VALUE);
const LARGE = doubleLiteral(STDDEV_LARGE);
const SMALL = doubleLiteral(STDDEV_SMALL);
const SHRINK = doubleLiteral(STDDEV_SHRINK);
const GROW = doubleLiteral(1 / STDDEV_SHRINK);

/**
 * `stddev` of the SQL expression `of`, as in process: null for a group holding an infinity, its values scaled
 * by the same power of two as in process (core's `stddevScale`). Each `stddev_samp` only sees values it can
 * square without overflow (DuckDB fails on a result out of range, and computes every aggregate of a group).
 */
export function stddevSql(of: string): string {
  const size = `abs(${of})`;
  const largest = `max(${size})`;
  const plain = `stddev_samp(CASE WHEN ${size} < ${LARGE} THEN ${of} END)`;
  const shrunk = `stddev_samp(CASE WHEN ${size} <= ${MAX} THEN ${of} * ${SHRINK} END) * ${GROW}`;
  const grown = `stddev_samp(CASE WHEN ${size} < ${SMALL} THEN ${of} * ${GROW} END) * ${SHRINK}`;
  return `(CASE WHEN ${largest} > ${MAX} THEN NULL WHEN ${largest} >= ${LARGE} THEN ${shrunk} WHEN ${largest} < ${SMALL} THEN ${grown} ELSE ${plain} END)`;
}
