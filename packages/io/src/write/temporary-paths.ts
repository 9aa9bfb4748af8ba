import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";

/** `.NAME.tmp-<hex>`, then NAME's extension (names written before it was kept have none). */
const TEMPORARY_NAME = /^\.(.+)\.(?:tmp|old)-[0-9a-f]{12}(\.[^.]*)?$/;

/**
 * A hidden sibling name for `path`, unique per call, ending in `path`'s extension: a writer that tells the
 * format from the file name (`writeOnDuckDb`) writes the temporary file as it would `path`.
 * @example temporarySibling("out/trips.csv", "tmp") // "out/.trips.csv.tmp-3f9a0c21b7e4.csv"
 */
export function temporarySibling(path: string, tag: "tmp" | "old"): string {
  const name = basename(path);
  return join(dirname(path), `.${name}.${tag}-${randomBytes(6).toString("hex")}${extname(name)}`);
}

/**
 * The file a temporary name stands for (`.trips.csv.tmp-3f9a0c21b7e4.csv`, or `.trips.csv.tmp-3f9a0c21b7e4` as
 * earlier versions named it, -> `trips.csv`), or undefined.
 */
export function temporaryTarget(name: string): string | undefined {
  const match = TEMPORARY_NAME.exec(name);
  const target = match?.[1];
  if (target === undefined) return undefined;
  const extension = match?.[2];
  return extension === undefined || extension === extname(target) ? target : undefined;
}

/** Delete a temporary file or folder, ignoring any error (the error that made it a leftover is the one to report). */
export async function removeQuietly(path: string): Promise<void> {
  try {
    await rm(path, { recursive: true, force: true });
  } catch {
    // nothing was there, or it cannot be reached: either way there is nothing more to do
  }
}
