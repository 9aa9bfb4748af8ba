/** The error for a column whose values a fit cannot sum or square in doubles, naming its largest value. */
import { ModelError } from "./params";

/**
 * A ModelError for column `name` (a "feature" or the "label") of a `context` fit: `problem` says what
 * overflows (or underflows), then the column's largest magnitude and its row, and a power of ten to rescale by
 * (`factor`, or the largest magnitude's),
 * e.g. `linearRegression: feature column "x" has values too large to square in doubles: … (its largest value:
 * 8e+155 at row 7); scale the column first, e.g. divide it by 1e+155`.
 */
export function columnScaleError(
  context: string,
  role: string,
  name: string,
  values: Float64Array,
  problem: string,
  direction: "divide" | "multiply",
  factor?: number,
): ModelError {
  let row = 0;
  let largest = 0;
  for (let i = 0; i < values.length; i++) {
    const magnitude = Math.abs(values[i] as number);
    if (magnitude > largest) {
      largest = magnitude;
      row = i;
    }
  }
  const value = values[row] as number;
  const exponent = largest > 0 ? Math.abs(Math.floor(Math.log10(largest))) : 0;
  return new ModelError(
    `${context}: ${role} column "${name}" ${problem} (its largest value: ${value} at row ${row}); ` +
      `scale the column first, e.g. ${direction} it by ${factor ?? Number(`1e${exponent}`)}`,
  );
}
