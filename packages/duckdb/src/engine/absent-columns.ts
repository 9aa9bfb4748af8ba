import type { ColumnSpec, ReadReport } from "@tablepipe/io";

/** One file's schema columns as found (`found[c]`: the file column's index, -1 absent), as mapColumns gives them. */
export interface MappedFile {
  readonly file: string;
  readonly found: readonly number[];
}

/**
 * The read report's `absentColumns` for files whose columns were found as `mapped` says: each schema column some
 * file lacks (an optional one: mapColumns refuses any other), with those files; `{}` when none lacks one.
 * @example absentColumnsOf(specs, [{ file: "a.csv", found: [0, -1] }]) // { absentColumns: { note: ["a.csv"] } }
 */
export function absentColumnsOf(
  specs: readonly ColumnSpec[],
  mapped: readonly MappedFile[],
): Pick<ReadReport, "absentColumns"> {
  const absent: Record<string, string[]> = {};
  for (const { file, found } of mapped) {
    specs.forEach((spec, c) => {
      if ((found[c] ?? -1) >= 0) return;
      const files = absent[spec.name] ?? [];
      if (!files.includes(file)) files.push(file);
      absent[spec.name] = files;
    });
  }
  return Object.keys(absent).length === 0 ? {} : { absentColumns: absent };
}

/** Two reports' `absentColumns` together (a file listed once per column). */
export function mergeAbsentColumns(
  a: Pick<ReadReport, "absentColumns">,
  b: Pick<ReadReport, "absentColumns">,
): Pick<ReadReport, "absentColumns"> {
  const merged: Record<string, string[]> = {};
  for (const report of [a, b]) {
    for (const [column, files] of Object.entries(report.absentColumns ?? {})) {
      const list = merged[column] ?? [];
      for (const file of files) if (!list.includes(file)) list.push(file);
      merged[column] = list;
    }
  }
  return Object.keys(merged).length === 0 ? {} : { absentColumns: merged };
}

/**
 * The report of a read that found no invalid cell (its rows all kept), with the optional columns its files lack.
 * @example cleanReadReport(["a.csv"], 12, 1000, {}) // { files: ["a.csv"], ms: 12, rows: 1000, droppedRows: 0, ... }
 */
export function cleanReadReport(
  files: readonly string[],
  ms: number,
  rows: number,
  absent: Pick<ReadReport, "absentColumns">,
): ReadReport {
  return { files: [...files], ms, rows, droppedRows: 0, invalidByColumn: {}, examples: [], ...absent };
}
