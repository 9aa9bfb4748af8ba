import { mkdir, open, readdir, rename, rmdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { ColumnTable } from "arquero";
import { OutputPathError, TableWriteError } from "../errors";
import { forgetOnInterrupt, removeOnInterrupt } from "./interrupt-cleanup";
import { checkOutputFolder, type OutputCheckOptions } from "./output-check";
import { checkOutputFileName } from "./output-file-name";
import { outputFileText } from "./output-file-text";
import { type Fingerprint, fingerprintOf } from "./output-fingerprint";
import { lockOutputFolder } from "./output-lock";
import { MANIFEST_FILE, type OwnedFile, readManifest, writeManifest } from "./output-manifest";
import { changedFileError, changeOf } from "./output-ownership";
import { UNKNOWN_WRITE_FORMAT, writeFormat } from "./table-format";
import { removeQuietly, temporarySibling, temporaryTarget } from "./temporary-paths";
import { type WriteTableOptions, writeTable } from "./write-table";

/**
 * The steps of writing one output file, in order (a fault-injection hook sees each): fill the temporary file,
 * flush it, record its fingerprint in the manifest (beside the previous file's), rename it into place, record
 * its fingerprint alone (only when it replaced a file: a new file's record is final before the rename).
 */
export type OutputStep = "write" | "sync" | "manifest" | "rename" | "record";

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
 * written under a temporary name in the folder, recorded in `.tablepipe-manifest.json` with its fingerprint
 * (size, modification time, inode), then renamed into place, so at any moment a file is its previous complete
 * version or its new one. A file is replaced only when it is still what tablepipe wrote (or with `overwrite`);
 * nothing else in the folder is touched.
 */
export class OutputFolder {
  /** Temporary files of an interrupted earlier run that opening the folder removed. */
  readonly swept: readonly string[];
  private closed = false;

  private constructor(
    /** The folder's absolute path. */
    readonly dir: string,
    private readonly ours: Map<string, OwnedFile>,
    private readonly options: OpenOutputFolderOptions,
    /** The folders this run created for it, the output folder first, then its parents up the path. */
    private readonly created: readonly string[],
    private readonly unlock: () => Promise<void>,
    swept: readonly string[],
  ) {
    this.swept = swept;
  }

  /** Check `dir` (see {@link checkOutputFolder}), create it if missing, take its lock and sweep leftovers. */
  static async open(dir: string, options: OpenOutputFolderOptions = {}): Promise<OutputFolder> {
    await checkOutputFolder(dir, options);
    const target = resolve(dir);
    const created = foldersCreated(target, await mkdir(target, { recursive: true }));
    // interrupted before close(), the folders this run created are removed when it left them empty
    for (const folder of created) removeOnInterrupt(folder, "if-empty");
    let unlock: (() => Promise<void>) | undefined;
    try {
      unlock = await lockOutputFolder(target);
      const ours = new Map(await readManifest(target));
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
      await removeIfEmpty(created);
      throw error;
    }
  }

  /** The absolute path of output file `name`. */
  path(name: string): string {
    return join(this.dir, name);
  }

  /**
   * Write output file `name` atomically: `write` fills the temporary path it is given. Just before the rename,
   * a file already at `name` is checked again (it may have changed since the folder was opened): unless it is
   * what tablepipe wrote there, or `overwrite` is set, an {@link OutputPathError} is thrown and it is left as is.
   */
  async write(name: string, write: (temporaryPath: string) => Promise<void>): Promise<string> {
    if (this.closed) throw new Error(`output folder ${this.dir} is closed`);
    checkOutputFileName(this.dir, name, this.options.label ?? "output folder");
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
      const previous = await this.replaceable(name);
      const written = await fingerprintOf(temporary);
      if (written === undefined)
        throw new Error(`output folder ${this.dir}: ${temporary} vanished before its rename`);
      await step("manifest");
      // a run killed before the rename leaves the previous file, killed after it the new one: both stay ours
      await this.record(name, previous === undefined ? [written] : [previous, written]);
      await step("rename");
      await rename(temporary, final);
      if (previous !== undefined) {
        // a rename keeps size, time and inode: a new file's record is final already, a replaced one drops the previous
        await step("record");
        await this.record(name, [(await fingerprintOf(final)) ?? written]);
      }
    } catch (error) {
      await removeQuietly(temporary);
      throw error;
    } finally {
      forgetOnInterrupt(temporary);
    }
    return final;
  }

  /**
   * Check that the file at `name`, if any, may be replaced; resolves to its fingerprint when it is tablepipe's
   * (to be kept in the manifest until the rename), undefined when nothing is there or `overwrite` let a file
   * tablepipe did not write be replaced.
   */
  private async replaceable(name: string): Promise<Fingerprint | undefined> {
    const now = await fingerprintOf(this.path(name));
    if (now === undefined) return undefined;
    const owned = this.ours.has(name);
    const change = owned ? changeOf(this.ours, name, now) : "tablepipe did not write it";
    if (change === undefined) return now;
    if (this.options.overwrite === true) return undefined;
    const labels = {
      label: this.options.label ?? "output folder",
      overwriteLabel: this.options.overwriteLabel ?? "`overwrite: true`",
      shared: this.options.shared === true,
    };
    if (owned) throw changedFileError(this.dir, [{ name, change }], labels);
    throw new OutputPathError(
      this.dir,
      `cannot write ${outputFileText(this.dir, name, labels.label, labels.shared)}: it appeared after the folder was checked and tablepipe did not write it; move it away or delete it yourself, or pass ${labels.overwriteLabel} to replace it`,
    );
  }

  /** Record in the manifest that file `name` may have one of `fingerprints`. */
  private async record(name: string, fingerprints: readonly Fingerprint[]): Promise<void> {
    const entries = new Map(this.ours);
    entries.set(name, { name, fingerprints });
    await writeManifest(this.dir, entries.values());
    this.ours.set(name, { name, fingerprints });
  }

  /**
   * Write a table as output file `name` (format from its extension unless given), atomically. Its errors name
   * the output's path, not the temporary file's; a name whose format writeTable cannot tell is refused before
   * anything is written.
   */
  async writeTable(name: string, table: ColumnTable, options: WriteTableOptions = {}): Promise<string> {
    checkOutputFileName(this.dir, name, this.options.label ?? "output folder");
    const format = writeFormat(name, options.format);
    if (format === undefined) throw new TableWriteError(this.path(name), UNKNOWN_WRITE_FORMAT);
    return this.write(name, async (temporary) => {
      try {
        await writeTable(table, temporary, { ...options, format });
      } catch (error) {
        if (!(error instanceof TableWriteError)) throw error;
        throw new TableWriteError(this.path(name), error.reason, { cause: error });
      }
    });
  }

  /** Release the lock; the folders this run created and left empty (the output folder, its parents) are removed. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.unlock();
    await removeIfEmpty(this.created);
  }
}

/**
 * The folders `mkdir -p` created for `target`, given the first one it created (what `mkdir` resolves to), deepest
 * first: `target` and its parents up to that one; none when it created nothing.
 * @example foldersCreated("/data/runs/1", "/data/runs") // ["/data/runs/1", "/data/runs"]
 */
function foldersCreated(target: string, first: string | undefined): string[] {
  if (first === undefined) return [];
  const folders = [target];
  for (let folder = target; folder !== first && dirname(folder) !== folder; ) {
    folder = dirname(folder);
    folders.push(folder);
  }
  return folders;
}

/**
 * Remove the `folders` this run created (deepest first) while nothing is in them, stopping at the first that holds
 * anything; stop tracking them all for interrupts.
 */
async function removeIfEmpty(folders: readonly string[]): Promise<void> {
  try {
    for (const folder of folders) {
      if ((await readdir(folder)).length > 0) break;
      await rmdir(folder);
    }
  } catch {
    // not empty by now, or gone: either way it is not ours to remove
  } finally {
    for (const folder of folders) forgetOnInterrupt(folder);
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
