import type { ColumnTable } from "arquero";
import { MissingColumnsError } from "./errors";

/** The columns a step reads, creates and drops, resolved for one set of params. */
export interface ColumnContract {
  readonly needs: readonly string[];
  readonly adds: readonly string[];
  readonly removes: readonly string[];
  /**
   * When set, the step's output has exactly these columns, in this order, whatever its input had (a select,
   * an aggregate): `removes` is then ignored, and `adds` are among them.
   */
  readonly keepsOnly?: readonly string[];
}

/** The empty contract: reads, adds and removes nothing. */
export const emptyContract: ColumnContract = { needs: [], adds: [], removes: [] };

/** The columns after a step with this contract runs on `columns`, in table order (added columns last). */
export function columnsAfter(columns: readonly string[], contract: ColumnContract): string[] {
  if (contract.keepsOnly !== undefined) return [...new Set(contract.keepsOnly)];
  const removed = new Set(contract.removes);
  const out = columns.filter((c) => !removed.has(c));
  const present = new Set(out);
  for (const added of contract.adds) {
    if (!present.has(added)) {
      out.push(added);
      present.add(added);
    }
  }
  return out;
}

/** The needed columns that are not among `columns`, in the order they are needed. */
export function missingColumns(columns: readonly string[], needed: readonly string[]): string[] {
  const present = new Set(columns);
  return [...new Set(needed)].filter((c) => !present.has(c));
}

/**
 * Throw a {@link MissingColumnsError} naming `step` unless `table` has every column in `needed`.
 *
 * @example requireColumns(zones, ["zone_id", "zone_name"], "excludeAirports: zones table")
 */
export function requireColumns(table: ColumnTable, needed: readonly string[], step: string): void {
  const columns = table.columnNames();
  const missing = missingColumns(columns, needed);
  if (missing.length > 0) throw new MissingColumnsError(step, missing, columns);
}
