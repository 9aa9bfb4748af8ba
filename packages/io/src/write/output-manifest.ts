import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { OutputPathError } from "../errors";
import { forgetOnInterrupt, removeOnInterrupt } from "./interrupt-cleanup";
import { removeQuietly, temporarySibling } from "./temporary-paths";

/** The manifest's name inside an output folder: the files tablepipe wrote there. */
export const MANIFEST_FILE = ".tablepipe-manifest.json";

interface Manifest {
  tablepipe: 1;
  files: string[];
}

/** The names of the files tablepipe wrote in `dir` (empty when there is no manifest). */
export async function readManifest(dir: string): Promise<Set<string>> {
  const path = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Set();
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<Manifest>;
    if (!Array.isArray(parsed.files) || !parsed.files.every((f) => typeof f === "string")) throw new Error();
    return new Set(parsed.files);
  } catch {
    throw new OutputPathError(
      dir,
      `${path} is not a tablepipe manifest (expected {"tablepipe":1,"files":[...]}): delete it only if you know which files of ${dir} tablepipe wrote`,
    );
  }
}

/** Record `files` as written by tablepipe in `dir`, atomically (temporary file, then rename). */
export async function writeManifest(dir: string, files: ReadonlySet<string>): Promise<void> {
  const path = join(dir, MANIFEST_FILE);
  const temporary = temporarySibling(path, "tmp");
  const manifest: Manifest = { tablepipe: 1, files: [...files].sort() };
  removeOnInterrupt(temporary);
  try {
    await writeFile(temporary, `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(temporary, path);
  } finally {
    forgetOnInterrupt(temporary);
    await removeQuietly(temporary);
  }
}
