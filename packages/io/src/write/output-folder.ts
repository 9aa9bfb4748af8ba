import { mkdir, open, readdir, rename, rmdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { ColumnTable } from "arquero";
import { formatFromExtension } from "../read/sources";
import { forgetOnInterrupt, removeOnInterrupt } from "./interrupt-cleanup";
import { checkOutputFolder, type OutputCheckOptions } from "./output-check";
import { lockOutputFolder } from "./output-lock";
import { MANIFEST_FILE, readManifest, writeManifest } from "./output-manifest";
import { removeQuietly, temporarySibling, temporaryTarget } from "./temporary-paths";
import { type WriteTableOptions, writeTable } from "./write-table";

/** The steps of writing one output file, in order (a fault-injection hook sees each). */
export type OutputStep = "write" | "sync" | "manifest" | "rename";

/** Options of {@link openOutputFolder}: the checks, plus a hook called before each step of each file. */
export interface OpenOutputFolderOptions extends OutputCheckOptions {
  /** Called before each step of writing a file; throwing from it stops the write there (used by tests). */
  beforeStep?: (step: OutputStep, name: string) => void | Promise<void>;
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * An output folder open for writing: locked against other runs, its stale temporary files swept. Each file is
 * written under a temporary name in the folder, recorded in `.tablepipe-manifest.json`, then renamed into place,
 * so at any moment a file is its previous complete version or its new one. Nothing else in the folder is touched.
 */
export class OutputFolder {
  /** Temporary files of an interrupted earlier run that opening the folder removed. */
  readonly swept: readonly string[];
  private closed = false;

  private constructor(
    /** The folder's absolute path. */
    readonly dir: string,
    private readonly ours: Set<string>,
    private readonly options: OpenOutputFolderOptions,
    private readonly created: boolean,
    private readonly unlock: () => Promise<void>,
    swept: readonly string[],
  ) {
    this.swept = swept;
  }

  /** Check `dir` (see {@link checkOutputFolder}), create it if missing, take its lock and sweep leftovers. */
  static async open(dir: string, options: OpenOutputFolderOptions = {}): Promise<OutputFolder> {
    await checkOutputFolder(dir, options);
    const target = resolve(dir);
    const created = (await mkdir(target, { recursive: true })) !== undefined;
    // interrupted before close(), a folder this run created is removed when it is left empty
    if (created) removeOnInterrupt(target, "if-empty");
    let unlock: (() => Promise<void>) | undefined;
    try {
      unlock = await lockOutputFolder(target);
      const ours = await readManifest(target);
      const swept: string[] = [];
      for (const name of await readdir(target)) {
        const of = temporaryTarget(name);
        if (of === undefined) continue;
        if (ours.has(of) || of === MANIFEST_FILE || options.files?.includes(of) === true) {
          await removeQuietly(join(target, name));
          swept.push(name);
        }
      }
      return new OutputFolder(target, ours, options, created, unlock, swept);
    } catch (error) {
      await unlock?.();
      if (created) await removeIfEmpty(target);
      throw error;
    }
  }

  /** The absolute path of output file `name`. */
  path(name: string): string {
    return join(this.dir, name);
  }

  /** Write output file `name` atomically: `write` fills the temporary path it is given. */
  async write(name: string, write: (temporaryPath: string) => Promise<void>): Promise<string> {
    if (this.closed) throw new Error(`output folder ${this.dir} is closed`);
    if (this.options.files !== undefined && !this.options.files.includes(name)) {
      throw new Error(`output folder ${this.dir}: ${name} is not one of the declared files`);
    }
    const step = async (s: OutputStep): Promise<void> => {
      await this.options.beforeStep?.(s, name);
    };
    const final = this.path(name);
    const temporary = temporarySibling(final, "tmp");
    removeOnInterrupt(temporary);
    try {
      await step("write");
      await write(temporary);
      await step("sync");
      await syncFile(temporary);
      if (!this.ours.has(name)) {
        await step("manifest");
        await writeManifest(this.dir, new Set([...this.ours, name]));
        this.ours.add(name);
      }
      await step("rename");
      await rename(temporary, final);
    } catch (error) {
      await removeQuietly(temporary);
      throw error;
    } finally {
      forgetOnInterrupt(temporary);
    }
    return final;
  }

  /** Write a table as output file `name` (format from its extension unless given), atomically. */
  writeTable(name: string, table: ColumnTable, options: WriteTableOptions = {}): Promise<string> {
    const format = options.format ?? formatFromExtension(name);
    return this.write(name, (temporary) =>
      writeTable(table, temporary, {
        ...options,
        ...(format === "csv" || format === "parquet" ? { format } : {}),
      }),
    );
  }

  /** Release the lock; a folder this run created and left empty is removed. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.unlock();
    if (this.created) await removeIfEmpty(this.dir);
  }
}

/** Remove `dir`, a folder this run created, when nothing is in it; stop tracking it for interrupts. */
async function removeIfEmpty(dir: string): Promise<void> {
  try {
    if ((await readdir(dir)).length === 0) await rmdir(dir);
  } catch {
    // not empty by now, or gone: either way it is not ours to remove
  } finally {
    forgetOnInterrupt(dir);
  }
}

/** Open an output folder for writing (checked, locked, swept); close it when done. */
export function openOutputFolder(dir: string, options: OpenOutputFolderOptions = {}): Promise<OutputFolder> {
  return OutputFolder.open(dir, options);
}

/**
 * Open `dir` as an output folder, let `write` write its files through it, and close it (also on failure).
 * Files written before a failure stay (each one complete); nothing tablepipe did not write is touched.
 * @example await writeOutputFolder("out/run-1", async (out) => { await out.writeTable("metrics.csv", metrics); });
 */
export async function writeOutputFolder<T>(
  dir: string,
  write: (out: OutputFolder) => Promise<T>,
  options: OpenOutputFolderOptions = {},
): Promise<T> {
  const out = await openOutputFolder(dir, options);
  try {
    return await write(out);
  } finally {
    await out.close();
  }
}
