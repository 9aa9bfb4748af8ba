import { csvDelimiterOf } from "@tablepipe/io";
import { csvRecordLines } from "@tablepipe/io/internal";

/** CSV files loaded one after another: the files, and the first row (0-based, across files) of each. */
export interface Loaded {
  readonly files: readonly string[];
  readonly starts: readonly number[];
}

/**
 * The file and line (as readTable numbers lines: blank lines and line ends inside quotes counted) of each row of
 * the loaded files (0-based across them, in load order); each file holding one read up to its last row asked for.
 */
export async function rowPlaces(
  loaded: Loaded,
  rows: readonly number[],
): Promise<{ file: string; line: number }[]> {
  const fileOf = (row: number): number => {
    let f = 0;
    while (f + 1 < loaded.starts.length && (loaded.starts[f + 1] as number) <= row) f++;
    return f;
  };
  const indexes = rows.map(fileOf);
  const lines = rows.map(() => -1);
  for (const f of new Set(indexes)) {
    const file = loaded.files[f] as string;
    const start = loaded.starts[f] as number;
    const asked = rows.flatMap((row, k) => (indexes[k] === f ? [{ k, record: row - start }] : []));
    const found = await csvRecordLines(
      file,
      asked.map((a) => a.record),
      csvDelimiterOf(file),
    );
    for (const [i, { k }] of asked.entries()) lines[k] = found[i] as number;
  }
  return rows.map((_, k) => ({
    file: loaded.files[indexes[k] as number] as string,
    line: lines[k] as number,
  }));
}
