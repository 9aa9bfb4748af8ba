import { lstat } from "node:fs/promises";
import type { Fingerprint } from "@tablepipe/core/internal";

export type { Fingerprint };

/** The fingerprint of the file at `path` (a link itself, not where it leads), or undefined when nothing is there. */
export async function fingerprintOf(path: string): Promise<Fingerprint | undefined> {
  try {
    const { size, mtimeMs, ino } = await lstat(path);
    return { size, mtimeMs, ino };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw error;
  }
}

/** True when `a` and `b` are the same file, unchanged: same size, time and inode. */
export function sameFingerprint(a: Fingerprint, b: Fingerprint): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

const time = (ms: number): string => new Date(ms).toISOString();

/**
 * How the file now at a name differs from what tablepipe wrote there, in words, or undefined when it is one of
 * the `recorded` fingerprints (compared with the last, the newest, in the words).
 * @example howItChanged([{ size: 5678, mtimeMs: 0, ino: 7 }], { size: 12, mtimeMs: 1000, ino: 7 }) // "now 12 bytes, modified 1970-01-01T00:00:01.000Z; tablepipe wrote 5678 bytes, modified 1970-01-01T00:00:00.000Z"
 */
export function howItChanged(recorded: readonly Fingerprint[], now: Fingerprint): string | undefined {
  if (recorded.some((r) => sameFingerprint(r, now))) return undefined;
  const last = recorded[recorded.length - 1];
  if (last === undefined) return "tablepipe recorded nothing of it";
  if (last.size === now.size && last.mtimeMs === now.mtimeMs) {
    return `another file of the same size and time is in its place: inode ${now.ino}, tablepipe wrote inode ${last.ino} (a folder copied or restored from a backup looks so too)`;
  }
  return `now ${now.size} bytes, modified ${time(now.mtimeMs)}; tablepipe wrote ${last.size} bytes, modified ${time(last.mtimeMs)}`;
}
