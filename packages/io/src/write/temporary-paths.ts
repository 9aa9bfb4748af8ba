import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

const TEMPORARY_NAME = /^\.(.+)\.(tmp|old)-[0-9a-f]{12}$/;

/**
 * A hidden sibling name for `path`, unique per call.
 * @example temporarySibling("out/trips.csv", "tmp") // "out/.trips.csv.tmp-3f9a0c21b7e4"
 */
export function temporarySibling(path: string, tag: "tmp" | "old"): string {
  return join(dirname(path), `.${basename(path)}.${tag}-${randomBytes(6).toString("hex")}`);
}

/** The file a temporary name stands for (`.trips.csv.tmp-3f9a0c21b7e4` -> `trips.csv`), or undefined. */
export function temporaryTarget(name: string): string | undefined {
  return TEMPORARY_NAME.exec(name)?.[1];
}

/** Delete a temporary file or folder, ignoring any error (the error that made it a leftover is the one to report). */
export async function removeQuietly(path: string): Promise<void> {
  try {
    await rm(path, { recursive: true, force: true });
  } catch {
    // nothing was there, or it cannot be reached: either way there is nothing more to do
  }
}
