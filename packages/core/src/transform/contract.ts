import type { ColumnTable } from "arquero";
import {
  type ColumnType,
  formatColumnType,
  formatRequirement,
  meetsRequirement,
  requirementHint,
  type TableSchema,
  type TypeRequirement,
} from "../schema/logical-types";
import { ColumnExistsError, ColumnTypeError, MissingColumnsError } from "./errors";

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
  /** The type(s) accepted for needed columns, by name; a needed column not named here may have any type. */
  readonly needTypes?: Readonly<Record<string, TypeRequirement>>;
  /**
   * The types of the columns the step adds, or changes in place, by name. An added column not named here
   * takes its input type when it had one (a kept-only column), else `unknown`.
   */
  readonly addTypes?: Readonly<Record<string, ColumnType>>;
  /**
   * Added columns the step may overwrite when they already exist (a `derive` of an existing name). Any other
   * added column that exists already is an error of the pre-flight ({@link ColumnExistsError}).
   */
  readonly replaces?: readonly string[];
  /**
   * Removed columns whose place an added column takes, `{ old: new }` (a rename): the new column stands where
   * the old one stood. Other added columns come last.
   */
  readonly renames?: Readonly<Record<string, string>>;
}

/** The empty contract: reads, adds and removes nothing. */
export const emptyContract: ColumnContract = { needs: [], adds: [], removes: [] };

/**
 * The columns after a step with this contract runs on `columns`, in table order: a renamed column in its old
 * one's place, other added columns last.
 */
export function columnsAfter(columns: readonly string[], contract: ColumnContract): string[] {
  if (contract.keepsOnly !== undefined) return [...new Set(contract.keepsOnly)];
  const removed = new Set(contract.removes);
  const renames = contract.renames ?? {};
  const out: string[] = [];
  const present = new Set<string>();
  for (const column of columns) {
    const now = !removed.has(column) ? column : Object.hasOwn(renames, column) ? renames[column] : undefined;
    if (now !== undefined && !present.has(now)) {
      out.push(now);
      present.add(now);
    }
  }
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

const UNKNOWN: ColumnType = { type: "unknown", nullable: true };

/**
 * Check a step's contract against the schema of its input, before any row is read: every needed column
 * exists and has an accepted type, and no added column exists already unless the step replaces it (a step
 * that keeps only some columns builds a new table: it may reuse names). Throws a {@link MissingColumnsError},
 * a {@link ColumnTypeError} or a {@link ColumnExistsError} naming `step`.
 */
export function checkContract(
  step: string,
  columns: readonly string[],
  schema: TableSchema | undefined,
  contract: ColumnContract,
): void {
  const missing = missingColumns(columns, contract.needs);
  if (missing.length > 0) throw new MissingColumnsError(step, missing, columns);
  if (schema === undefined) return;
  for (const [column, requirement] of Object.entries(contract.needTypes ?? {})) {
    const found = schema[column];
    if (found !== undefined && !meetsRequirement(found, requirement)) {
      throw new ColumnTypeError(
        step,
        column,
        formatRequirement(requirement),
        formatColumnType(found),
        requirementHint(column, found, requirement),
      );
    }
  }
  if (contract.keepsOnly !== undefined) return;
  const removed = new Set(contract.removes);
  const replaced = new Set(contract.replaces ?? []);
  for (const column of contract.adds) {
    const found = schema[column];
    if (found !== undefined && !removed.has(column) && !replaced.has(column)) {
      throw new ColumnExistsError(step, column, formatColumnType(found));
    }
  }
}

/**
 * The schema after a step with this contract runs on a table with `schema`: columns as {@link columnsAfter}
 * says, each with its type in `addTypes`, else its input type (a renamed column its old one's), else `unknown`.
 */
export function schemaAfter(
  columns: readonly string[],
  schema: TableSchema,
  contract: ColumnContract,
): TableSchema {
  const out: Record<string, ColumnType> = {};
  const added = new Set(contract.adds);
  const renamedFrom = new Map(Object.entries(contract.renames ?? {}).map(([from, to]) => [to, from]));
  for (const column of columnsAfter(columns, contract)) {
    const from = renamedFrom.get(column);
    const input = from === undefined ? (added.has(column) ? undefined : schema[column]) : schema[from];
    out[column] = contract.addTypes?.[column] ?? input ?? UNKNOWN;
  }
  return out;
}
