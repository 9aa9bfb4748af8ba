import { existsSync } from "node:fs";
import { readdir, rmdir, stat, unlink } from "node:fs/promises";
import { dirname, resolve } from "node:path";

/**
 * The paths opening `file` for appending will create: the file, then its missing folders up the path (deepest
 * first); empty when the file exists already.
 * @example missingPaths("out/run.log") // ["/home/ana/out/run.log", "/home/ana/out"] when out/ does not exist
 */
export function missingPaths(file: string): string[] {
  const missing: string[] = [];
  for (let path = resolve(file); !existsSync(path); path = dirname(path)) {
    missing.push(path);
    if (dirname(path) === path) break;
  }
  return missing;
}

/**
 * After a run that failed before logging a line: remove the log file opening it created (`missing[0]`, only while
 * it is an empty file) and then the folders created for it, deepest first, while they are empty. A file or
 * folder that existed before, or holds anything now, is kept.
 */
export async function removeUnusedLogFile(missing: readonly string[]): Promise<void> {
  const [file, ...folders] = missing;
  if (file === undefined) return;
  try {
    const stats = await stat(file);
    if (!stats.isFile() || stats.size > 0) return;
    await unlink(file);
    for (const folder of folders) {
      if ((await readdir(folder)).length > 0) return;
      await rmdir(folder);
    }
  } catch {
    // gone, or not ours to remove by now
  }
}

/** True when `file` (the path `missing[0]` names) is an empty file opening it created. */
export async function logFileUnused(missing: readonly string[]): Promise<boolean> {
  const [file] = missing;
  if (file === undefined) return false;
  try {
    const stats = await stat(file);
    return stats.isFile() && stats.size === 0;
  } catch {
    return false;
  }
}
