import { readdir, stat } from "node:fs/promises";
import { extname, isAbsolute, join, resolve } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import { TableReadError } from "../errors";
import type { TableFormat } from "./types";

const formatsByExtension: Readonly<Record<string, TableFormat>> = {
  ".csv": "csv",
  ".tsv": "csv",
  ".parquet": "parquet",
  ".pq": "parquet",
  ".arrow": "arrow",
  ".feather": "arrow",
  ".ipc": "arrow",
  ".arrows": "arrow",
};

/** The format a path's extension names, or undefined. */
export function formatFromExtension(path: string): TableFormat | undefined {
  return formatsByExtension[extname(path).toLowerCase()];
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function kindOf(path: string): Promise<"file" | "directory" | undefined> {
  try {
    const s = await stat(path);
    return s.isDirectory() ? "directory" : "file";
  } catch {
    return undefined;
  }
}

/**
 * The files a source names: an existing file; a folder (its table files, sorted, hidden and `_`-prefixed
 * names skipped: Spark-style output); or a glob (matches sorted by path; no match is an error naming the pattern).
 * An array is resolved entry by entry and read in the order given; a file that two entries name (the same
 * path twice, a glob or folder and a path that overlap) is an error naming it: read twice, its rows would double.
 * @example await resolveSources("data/yellow_tripdata_2018-*.csv") // ["data/yellow_tripdata_2018-01.csv", ...]
 */
export async function resolveSources(source: string | readonly string[]): Promise<string[]> {
  if (typeof source !== "string") {
    if (source.length === 0) throw new TypeError("readTable: the list of files is empty");
    const files: string[] = [];
    const namedBy = new Map<string, string>();
    for (const entry of source) {
      for (const file of await resolveSource(entry)) {
        const key = resolve(file);
        const earlier = namedBy.get(key);
        if (earlier !== undefined) throw duplicateFile(file, earlier, entry);
        namedBy.set(key, entry);
        files.push(file);
      }
    }
    return files;
  }
  return await resolveSource(source);
}

/** The error for a file that two entries of a list of sources name. */
function duplicateFile(file: string, earlier: string, entry: string): TableReadError {
  const how =
    earlier === entry
      ? `is listed twice in the list of files`
      : `is named twice in the list of files, by "${earlier}" and by "${entry}"`;
  return new TableReadError({
    file,
    reason: `${how}; reading it twice would double its rows: name each file once`,
  });
}

/** The files one source (a file, folder or glob) names. */
async function resolveSource(source: string): Promise<string[]> {
  const kind = await kindOf(source);
  if (kind === "file") return [source];
  if (kind === "directory") {
    const names = (await readdir(source))
      .filter(
        (name) => !name.startsWith(".") && !name.startsWith("_") && formatFromExtension(name) !== undefined,
      )
      .sort(byCodePoint);
    if (names.length === 0) {
      throw new TableReadError({ file: source, reason: "the folder holds no .csv, .parquet or .arrow file" });
    }
    return names.map((name) => join(source, name));
  }
  if (isDynamicPattern(source)) {
    const matches = await glob(source, {
      onlyFiles: true,
      absolute: isAbsolute(source),
      expandDirectories: false,
    });
    if (matches.length === 0)
      throw new TableReadError({ file: source, reason: "no file matches this pattern" });
    return matches.sort(byCodePoint);
  }
  throw new TableReadError({ file: source, reason: "no such file" });
}
