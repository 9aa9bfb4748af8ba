import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { OutputPathError } from "../errors";
import { forgetOnInterrupt, removeOnInterrupt } from "./interrupt-cleanup";
import { type Fingerprint, isFingerprint } from "./output-fingerprint";
import { removeQuietly, temporarySibling } from "./temporary-paths";

/**
 * The manifest's name inside an output folder: the files tablepipe wrote there, each with the fingerprint (size,
 * modification time, inode) it had once written, so that a file the user changed since is never replaced.
 * Version 2: `{"tablepipe":2,"files":[{"name":"model.json","fingerprints":[{"size":812,"mtimeMs":…,"ino":…}]}]}`.
 * Version 1, written by tablepipe before 2 (`{"tablepipe":1,"files":["model.json"]}`), is still read: its files
 * are owned by name alone, as that version had it, until this version writes them again.
 */
export const MANIFEST_FILE = ".tablepipe-manifest.json";

/** The manifest version this tablepipe writes. */
const VERSION = 2;

/** A file tablepipe wrote in an output folder, as its manifest records it. */
export interface OwnedFile {
  /** The file's name in the folder. */
  readonly name: string;
  /**
   * What the file may be: one fingerprint once written; two while a replacement is renamed into place (the
   * previous file and the new one, so that a run killed in between leaves a file the next run still owns).
   * `"name-only"` for a file recorded by a version-1 manifest: an older tablepipe recorded no fingerprint, so
   * any file of that name is taken to be tablepipe's, as that version did.
   */
  readonly fingerprints: readonly Fingerprint[] | "name-only";
}

/** The files tablepipe wrote in one folder, by name. */
export type Manifest = ReadonlyMap<string, OwnedFile>;

interface ManifestJsonV2 {
  tablepipe: 2;
  files: { name: string; fingerprints?: Fingerprint[] }[];
}

function parseEntry(entry: unknown): OwnedFile | undefined {
  if (typeof entry !== "object" || entry === null) return undefined;
  const { name, fingerprints } = entry as Record<string, unknown>;
  if (typeof name !== "string") return undefined;
  if (fingerprints === undefined) return { name, fingerprints: "name-only" };
  if (!Array.isArray(fingerprints) || fingerprints.length === 0 || !fingerprints.every(isFingerprint)) {
    return undefined;
  }
  return { name, fingerprints: fingerprints.map(({ size, mtimeMs, ino }) => ({ size, mtimeMs, ino })) };
}

/** The entries of a parsed manifest of version 1 or 2, undefined when it is not one. */
function parseManifest(parsed: unknown): OwnedFile[] | undefined {
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const { tablepipe, files } = parsed as Record<string, unknown>;
  if (!Array.isArray(files)) return undefined;
  if (tablepipe === 1) {
    if (!files.every((f) => typeof f === "string")) return undefined;
    return files.map((name) => ({ name, fingerprints: "name-only" as const }));
  }
  if (tablepipe !== VERSION) return undefined;
  const entries = files.map(parseEntry);
  return entries.every((e) => e !== undefined) ? entries : undefined;
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
  const version = (parsed as { tablepipe?: unknown } | undefined)?.tablepipe;
  if (typeof version === "number" && Number.isInteger(version) && version > VERSION) {
    throw new OutputPathError(
      dir,
      `${path} was written by a newer tablepipe (manifest version ${version}; this one reads up to ${VERSION}): upgrade tablepipe to write in ${dir}`,
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
    tablepipe: VERSION,
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
