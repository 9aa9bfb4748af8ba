import { lstat, mkdir, rename } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { TableWriteError } from "../errors";
import { removeQuietly, temporarySibling } from "./temporary-paths";

async function kindOf(path: string): Promise<"directory" | "other" | undefined> {
  try {
    return (await lstat(path)).isDirectory() ? "directory" : "other";
  } catch {
    return undefined;
  }
}

/**
 * Fill an output folder atomically: `write` gets a temporary sibling folder (`.<name>.tmp-<random>`), which
 * replaces `dir` only when `write` succeeds (an existing `dir` is moved aside, the new one moved in, the old
 * one deleted). On failure the temporary folder is deleted and the error rethrown: `dir` is never half-written.
 * @example await writeOutputFolder("out/run-1", async (tmp) => { await writeTable(metrics, join(tmp, "metrics.csv")); });
 */
export async function writeOutputFolder<T>(dir: string, write: (tmpDir: string) => Promise<T>): Promise<T> {
  const target = resolve(dir);
  const temporary = temporarySibling(target, "tmp");
  try {
    await mkdir(dirname(target), { recursive: true });
    await mkdir(temporary);
  } catch (error) {
    throw new TableWriteError(dir, `cannot create a folder there: ${(error as Error).message}`, {
      cause: error,
    });
  }
  let result: T;
  try {
    result = await write(temporary);
  } catch (error) {
    await removeQuietly(temporary);
    throw error;
  }
  try {
    const present = await kindOf(target);
    if (present === "other") throw new Error("a file of that name exists and is not a folder");
    if (present === undefined) {
      await rename(temporary, target);
    } else {
      const old = temporarySibling(target, "old");
      await rename(target, old);
      try {
        await rename(temporary, target);
      } catch (error) {
        await rename(old, target);
        throw error;
      }
      await removeQuietly(old);
    }
  } catch (error) {
    await removeQuietly(temporary);
    throw new TableWriteError(dir, (error as Error).message, { cause: error });
  }
  return result;
}
