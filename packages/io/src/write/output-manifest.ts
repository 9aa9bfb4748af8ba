import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  MANIFEST_FILE,
  MANIFEST_VERSION,
  manifestVersion,
  type OwnedFile,
  parseManifest,
} from "@tablepipe/core/internal";
import { OutputPathError } from "../errors";
import { forgetOnInterrupt, removeOnInterrupt } from "./interrupt-cleanup";
import type { Fingerprint } from "./output-fingerprint";
import { removeQuietly, temporarySibling } from "./temporary-paths";

export { MANIFEST_FILE, type OwnedFile };

/** The files tablepipe wrote in one folder, by name. */
export type Manifest = ReadonlyMap<string, OwnedFile>;

interface ManifestJsonV2 {
  tablepipe: 2;
  files: { name: string; fingerprints?: Fingerprint[] }[];
}

/** The files tablepipe wrote in `dir`, by name (empty when there is no manifest); reads versions 1 and 2. */
export async function readManifest(dir: string): Promise<Manifest> {
  const path = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const version = manifestVersion(parsed);
  if (version !== undefined && version > MANIFEST_VERSION) {
    throw new OutputPathError(
      dir,
      `${path} was written by a newer tablepipe (manifest version ${version}; this one reads up to ${MANIFEST_VERSION}): upgrade tablepipe to write in ${dir}`,
    );
  }
  const entries = parseManifest(parsed);
  if (entries === undefined) {
    throw new OutputPathError(
      dir,
      `${path} is not a tablepipe manifest (expected {"tablepipe":2,"files":[{"name":...,"fingerprints":[{"size":...,"mtimeMs":...,"ino":...}]}]} or version 1's {"tablepipe":1,"files":[...]}): delete it only if you know which files of ${dir} tablepipe wrote`,
    );
  }
  return new Map(entries.map((entry) => [entry.name, entry]));
}

/** Record `files` as written by tablepipe in `dir` (version 2), atomically (temporary file, then rename). */
export async function writeManifest(dir: string, files: Iterable<OwnedFile>): Promise<void> {
  const path = join(dir, MANIFEST_FILE);
  const temporary = temporarySibling(path, "tmp");
  const manifest: ManifestJsonV2 = {
    tablepipe: MANIFEST_VERSION,
    files: [...files]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map(({ name, fingerprints }) =>
        fingerprints === "name-only" ? { name } : { name, fingerprints: [...fingerprints] },
      ),
  };
  removeOnInterrupt(temporary);
  try {
    await writeFile(temporary, `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(temporary, path);
  } finally {
    forgetOnInterrupt(temporary);
    await removeQuietly(temporary);
  }
}
