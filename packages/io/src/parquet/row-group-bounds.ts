/**
 * Row-group skipping on a Parquet read: a row group whose column statistics (min/max) prove that none of its
 * rows lies within the read's {@link ColumnBound}s is never decoded. A hint for speed, not a row filter: the
 * rows of a kept row group are read whatever their values, so the step that filters must still run.
 */

import type { FileMetaData } from "hyparquet";
import type { ColumnSpec } from "../read/schema-columns";

/**
 * Bounds on one schema column's values, checked against each Parquet row group's min/max statistics. Time
 * stamps (and dates) are epoch milliseconds of the wall-clock time (as the read returns them), numbers are
 * numbers, strings compare by code unit. Give `min`, `max` or both; the bounds are inclusive unless marked.
 * @example { column: "pickup_at", min: Date.UTC(2018, 0, 1), max: Date.UTC(2019, 0, 1), maxExclusive: true }
 */
export interface ColumnBound {
  /** The schema column (its name in the schema, not an alias). */
  readonly column: string;
  /** Smallest value a wanted row may hold. */
  readonly min?: number | string;
  /** `min` itself is not wanted. */
  readonly minExclusive?: boolean;
  /** Largest value a wanted row may hold. */
  readonly max?: number | string;
  /** `max` itself is not wanted. */
  readonly maxExclusive?: boolean;
}

/** A statistic as a comparable value: Dates (hyparquet's default) and bigints become numbers. */
function comparable(value: unknown): number | string | undefined {
  if (typeof value === "number") return Number.isNaN(value) ? undefined : value;
  if (typeof value === "string") return value;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.getTime();
  return undefined;
}

/** Whether a column chunk with these statistics may hold a value within `bound` (true when it cannot tell). */
function mayHold(bound: ColumnBound, min: unknown, max: unknown): boolean {
  const low = comparable(min);
  const high = comparable(max);
  if (bound.min !== undefined && high !== undefined && typeof high === typeof bound.min) {
    if (bound.minExclusive === true ? high <= bound.min : high < bound.min) return false;
  }
  if (bound.max !== undefined && low !== undefined && typeof low === typeof bound.max) {
    if (bound.maxExclusive === true ? low >= bound.max : low > bound.max) return false;
  }
  return true;
}

/**
 * Check `bounds` against the schema before any row is read: each names a schema column once, with a `min` or
 * a `max` of a type the column can compare with. Throws a TypeError naming the option, the column and the fault.
 */
export function checkColumnBounds(bounds: readonly ColumnBound[], specs: readonly ColumnSpec[]): void {
  const seen = new Set<string>();
  for (const bound of bounds) {
    const spec = specs.find((s) => s.name === bound.column);
    const where = `readTable option rowGroupBounds: column ${JSON.stringify(bound.column)}`;
    if (spec === undefined) {
      throw new TypeError(`${where} is not in the schema (${specs.map((s) => s.name).join(", ")})`);
    }
    if (seen.has(bound.column)) throw new TypeError(`${where} is bounded twice: give one min and one max`);
    seen.add(bound.column);
    if (bound.min === undefined && bound.max === undefined)
      throw new TypeError(`${where} has no min and no max`);
    if (spec.kind === "boolean")
      throw new TypeError(`${where} is a boolean column: only numbers, time stamps and strings are bounded`);
    const wanted = spec.kind === "string" || spec.kind === "enum" ? "string" : "number";
    for (const [name, value] of [
      ["min", bound.min],
      ["max", bound.max],
    ] as const) {
      if (value === undefined) continue;
      if (typeof value !== wanted || (typeof value === "number" && Number.isNaN(value))) {
        throw new TypeError(
          `${where}: ${name} ${JSON.stringify(value)} is not a ${wanted}, as the column's type (${spec.kind}) needs` +
            (spec.kind === "timestamp" ? " (epoch milliseconds)" : ""),
        );
      }
    }
  }
}

/**
 * For each row group of the file, whether it may hold a row within every bound (`mapped[c]` is the file column
 * schema column `c` reads). A row group without statistics for a bounded column is kept.
 */
export function rowGroupsToRead(
  metadata: FileMetaData,
  specs: readonly ColumnSpec[],
  mapped: readonly (string | undefined)[],
  bounds: readonly ColumnBound[],
): boolean[] {
  const targets = bounds.flatMap((bound) => {
    const index = specs.findIndex((s) => s.name === bound.column);
    const fileColumn = mapped[index];
    return fileColumn === undefined ? [] : [{ bound, fileColumn }];
  });
  return metadata.row_groups.map((group) =>
    targets.every(({ bound, fileColumn }) => {
      const chunk = group.columns.find((c) => c.meta_data?.path_in_schema.join(".") === fileColumn);
      const stats = chunk?.meta_data?.statistics;
      if (stats === undefined) return true;
      // the deprecated min/max of byte arrays may follow a signed byte order: trusted for numbers only
      const legacy = (value: unknown) => (typeof comparable(value) === "number" ? value : undefined);
      return mayHold(bound, stats.min_value ?? legacy(stats.min), stats.max_value ?? legacy(stats.max));
    }),
  );
}
