/**
 * The manifest's name inside an output folder: the files tablepipe wrote there, each with the fingerprint (size,
 * modification time, inode) it had once written, so that a file the user changed since is never replaced.
 * Version 2: `{"tablepipe":2,"files":[{"name":"model.json","fingerprints":[{"size":812,"mtimeMs":…,"ino":…}]}]}`.
 * Version 1, written by tablepipe before 2 (`{"tablepipe":1,"files":["model.json"]}`), is still read: its files
 * are owned by name alone, as that version had it, until this version writes them again.
 * (The format lives here, without file access, so that @tablepipe/io, which writes it, and @tablepipe/job, which
 * refuses a log file recorded in it, read it alike.)
 */
export const MANIFEST_FILE = ".tablepipe-manifest.json";

/** The manifest version this tablepipe writes. */
export const MANIFEST_VERSION = 2;

/**
 * What tablepipe knows of a file it wrote, taken by `lstat` (no read of the content, so a file of any size
 * costs the same): its size, its modification time and its inode. A file rewritten in place changes its size
 * or its time; a file put in its place (moved, copied, a link) changes its inode.
 */
export interface Fingerprint {
  /** Bytes. */
  readonly size: number;
  /** Modification time, epoch milliseconds (with the filesystem's fraction of a millisecond). */
  readonly mtimeMs: number;
  /** Inode number (a file id on Windows). */
  readonly ino: number;
}

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

/** True when `value` is a {@link Fingerprint} as a manifest stores it (three finite numbers). */
export function isFingerprint(value: unknown): value is Fingerprint {
  if (typeof value !== "object" || value === null) return false;
  const { size, mtimeMs, ino } = value as Record<string, unknown>;
  return [size, mtimeMs, ino].every((n) => typeof n === "number" && Number.isFinite(n));
}

/** The version a parsed manifest claims (`tablepipe`), when it is a whole number. */
export function manifestVersion(parsed: unknown): number | undefined {
  const version = (parsed as { tablepipe?: unknown } | undefined)?.tablepipe;
  return typeof version === "number" && Number.isInteger(version) ? version : undefined;
}

/** The entries of a parsed manifest (`JSON.parse` of its text) of version 1 or 2, undefined when it is not one. */
export function parseManifest(parsed: unknown): OwnedFile[] | undefined {
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const { tablepipe, files } = parsed as Record<string, unknown>;
  if (!Array.isArray(files)) return undefined;
  if (tablepipe === 1) {
    if (!files.every((f) => typeof f === "string")) return undefined;
    return files.map((name) => ({ name, fingerprints: "name-only" as const }));
  }
  if (tablepipe !== MANIFEST_VERSION) return undefined;
  const entries = files.map(parseEntry);
  return entries.every((e) => e !== undefined) ? entries : undefined;
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
