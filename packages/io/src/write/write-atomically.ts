import { mkdir, rename } from "node:fs/promises";
import { dirname } from "node:path";
import { forgetOnInterrupt, removeOnInterrupt } from "./interrupt-cleanup";
import { removeQuietly, temporarySibling } from "./temporary-paths";

/**
 * Write the file `path` through `produce(temporary)`: `produce` writes a hidden sibling of `path`, which is
 * renamed into place once complete, so `path` never holds a half-written file. The sibling is removed when
 * `produce` fails (its error is rethrown) and on SIGINT/SIGTERM. The folder is created if needed.
 * @example await writeAtomically("out/trips.parquet", (temporary) => copyTo(temporary))
 */
export async function writeAtomically(
  path: string,
  produce: (temporary: string) => Promise<void>,
): Promise<void> {
  const temporary = temporarySibling(path, "tmp");
  removeOnInterrupt(temporary);
  try {
    await mkdir(dirname(path), { recursive: true });
    await produce(temporary);
    await rename(temporary, path);
  } catch (error) {
    await removeQuietly(temporary);
    throw error;
  } finally {
    forgetOnInterrupt(temporary);
  }
}
