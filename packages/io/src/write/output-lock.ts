import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { OutputLockedError } from "../errors";
import { forgetOnInterrupt, removeOnInterrupt } from "./interrupt-cleanup";

/** The lock file's name inside an output folder. */
export const LOCK_FILE = ".tablepipe.lock";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function holderOf(path: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt((await readFile(path, "utf8")).trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Take the output folder's lock (`.tablepipe.lock`, holding this process's pid), or throw an
 * {@link OutputLockedError} when a live process holds it; a lock left by a dead process is taken over.
 * Resolves to the function that releases it (removing the lock file only while it still holds this pid).
 */
export async function lockOutputFolder(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(path, `${process.pid}\n`, { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw error;
      const pid = await holderOf(path);
      if (pid !== undefined && pid !== process.pid && isAlive(pid)) {
        throw new OutputLockedError(
          dir,
          pid,
          `output folder ${dir} is in use by another tablepipe run (pid ${pid}; lock file ${path}): wait for it to end, or delete the lock file if that process is not tablepipe`,
        );
      }
      if (pid === process.pid) {
        throw new OutputLockedError(dir, pid, `output folder ${dir} is already open in this process`);
      }
      await rm(path, { force: true }); // its holder is gone
    }
  }
  removeOnInterrupt(path, "if-ours");
  return async () => {
    forgetOnInterrupt(path);
    // another run that took the lock over (it judged this process gone) keeps it
    if ((await holderOf(path)) === process.pid) await rm(path, { force: true });
  };
}
