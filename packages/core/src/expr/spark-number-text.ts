/** 2^53: below it in magnitude every double has its exact digits in BIGINT, and one with a fraction fits DECIMAL(38, 22). */
const EXACT_WHOLE = "9007199254740992";

/**
 * Spark SQL's text of a number as JavaScript's `String(number)` writes it. Spark's `CAST(x AS STRING)` is Java's
 * `Double.toString`: the same digits (shortest round-trip below 2^53, in Java 17 too), but in E notation from 1e7
 * on and below 1e-3 (`1.23456785E7`, `5.0E-4`) and with `.0` on whole numbers, where JavaScript writes plain
 * decimals from 1e-6 to below 1e21 (`12345678.5`, `0.0005`) and `1e-7`, `1e+21` beyond.
 *
 * - whole, below 2^53 in magnitude: BIGINT's text, the exact digits (`-0` is `0`);
 * - from 1e-6 to below 2^53: the DECIMAL(38, 22) Spark makes of the double (from Java's digits: every such double
 *   has at most 22 digits after the point, and below 2^53 at most 16 before it), trailing zeros dropped;
 * - from 2^53 to below 1e21 (whole numbers): the DECIMAL(38, 0) of Java's digits. JavaScript pads the shortest
 *   digits with zeros; Java 17 sometimes gives a digit or two more (`18099999999999992` for
 *   `18099999999999990`: JDK-4511638, fixed in Java 19);
 * - below 1e-6, from 1e21, and the infinities: Java's E notation in JavaScript's form (`1.5E-7` as `1.5e-7`,
 *   `1.0E21` as `1e+21`); `Infinity` is the same text. From 1e21 Java 17's digits may be the longer ones too
 *   (`4.729999999999999e+21` for `4.73e+21`).
 *
 * An int (BIGINT) is read as the double it is in process, as is every branch but the exact whole one. NaN (Spark's,
 * a null in process) is null.
 * @example sparkNumberText("`x`") // the SQL giving "12345678.5" for 12345678.5
 */
export function sparkNumberText(number: string): string {
  const x = `CAST(${number} AS DOUBLE)`;
  const size = `abs(${x})`;
  return (
    `(CASE WHEN isnan(${x}) THEN NULL WHEN ${size} < ${EXACT_WHOLE} AND ${x} = floor(${x}) THEN CAST(CAST(${x} AS BIGINT) AS STRING)` +
    ` WHEN ${size} >= 1e-6 AND ${size} < ${EXACT_WHOLE} THEN regexp_replace(CAST(CAST(${x} AS DECIMAL(38, 22)) AS STRING), '0+$', '')` +
    ` WHEN ${size} >= ${EXACT_WHOLE} AND ${size} < 1e21 THEN CAST(CAST(${x} AS DECIMAL(38, 0)) AS STRING)` +
    ` ELSE replace(replace(replace(CAST(${x} AS STRING), '.0E', 'E'), 'E-', 'e-'), 'E', 'e+') END)`
  );
}
