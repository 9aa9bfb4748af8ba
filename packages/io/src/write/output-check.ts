import { constants } from "node:fs";
import { access, lstat, readdir, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { OutputPathError } from "../errors";
import { checkOutputFileName } from "./output-file-name";
import { outputFileText } from "./output-file-text";
import { LOCK_FILE } from "./output-lock";
import { checkLogFileOutside } from "./output-log-file";
import { MANIFEST_FILE, type Manifest, readManifest } from "./output-manifest";
import { changedFileError, changedFiles } from "./output-ownership";
import { realish, within } from "./real-paths";
import { UNKNOWN_WRITE_FORMAT, writeFormat } from "./table-format";
import { temporaryTarget } from "./temporary-paths";

/** What {@link checkOutputFolder} checks an output folder against. */
export interface OutputCheckOptions {
  /** What the path is called in messages, usually its flag (default `"output folder"`). */
  label?: string;
  /**
   * The names of the files that will be written in the folder. Required with `shared`; without it any name may
   * be written.
   */
  files?: readonly string[];
  /**
   * The names of the files that will be written with `writeTable` (`out.writeTable(name, table)`), a subset of
   * `files` when it is given: each must end in an extension writeTable writes (`.csv`, `.parquet`, `.arrow`,
   * ...), else it is refused before any work. Files written with `out.write` (a report, a model) are not listed.
   */
  tables?: readonly string[];
  /**
   * `false` (default): the folder is tablepipe's own — refused when it is the current folder or holds anything
   * tablepipe did not write. `true`: a folder of the user's (e.g. the current one) where only `files` are
   * written; only those names are checked.
   */
  shared?: boolean;
  /**
   * Input files and folders: an output folder may not be one of them nor hold one; with `shared`, an output
   * file may not be one of them nor lie inside an input folder.
   */
  inputs?: readonly string[];
  /**
   * Allow writing into a folder that holds files tablepipe did not write, and replacing files of the same
   * names as the outputs, whoever wrote them (also a file tablepipe wrote that changed since). Nothing else is
   * ever deleted or replaced.
   */
  overwrite?: boolean;
  /** How messages name the overwrite switch (default `` `overwrite: true` ``; a CLI passes `"--overwrite"`). */
  overwriteLabel?: string;
}

async function kindOf(path: string): Promise<"folder" | "file" | "dangling" | undefined> {
  try {
    const link = await lstat(path);
    if (!link.isSymbolicLink()) return link.isDirectory() ? "folder" : "file";
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw error;
  }
  try {
    return (await stat(path)).isDirectory() ? "folder" : "file";
  } catch {
    return "dangling";
  }
}

function listed(names: readonly string[]): string {
  const shown = names.slice(0, 5).join(", ");
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}

async function checkParent(target: string, label: string): Promise<void> {
  let ancestor = dirname(target);
  for (;;) {
    const kind = await kindOf(ancestor);
    if (kind === "folder") break;
    if (kind !== undefined) {
      throw new OutputPathError(target, `cannot write ${label} ${target}: ${ancestor} is not a folder`);
    }
    if (dirname(ancestor) === ancestor) return;
    ancestor = dirname(ancestor);
  }
  await checkWritable(target, ancestor, label);
}

async function checkWritable(target: string, folder: string, label: string): Promise<void> {
  try {
    await access(folder, constants.W_OK);
  } catch {
    throw new OutputPathError(target, `cannot write ${label} ${target}: no permission to write in ${folder}`);
  }
}

async function foreignEntries(dir: string, ours: Manifest, options: OutputCheckOptions): Promise<string[]> {
  const names = options.shared === true ? (options.files ?? []) : await readdir(dir);
  const foreign: string[] = [];
  for (const name of names) {
    if (ours.has(name) || name === MANIFEST_FILE || name === LOCK_FILE) continue;
    const target = temporaryTarget(name);
    if (target !== undefined && (ours.has(target) || target === MANIFEST_FILE)) continue;
    const kind = await kindOf(join(dir, name));
    if (kind === undefined) continue;
    foreign.push(kind === "folder" ? `${name}/` : name);
  }
  return foreign.sort();
}

/**
 * Check, before any work and creating nothing, that `dir` may receive tablepipe's outputs; throws an
 * {@link OutputPathError} naming what is wrong: an empty path, a table file (`tables`) of a format writeTable
 * does not write, the current folder, an input or a folder above one, a file or a dangling link where a folder is expected, an unwritable folder, files tablepipe did not
 * write, or files it wrote that changed since (their size, time or inode differs from the manifest's record)
 * among those it may replace (`files`, or all it wrote when `files` is not given); both allowed with `overwrite`.
 * The log file this process appends to (`configureLogging({ file })` of @tablepipe/job, `--log-file`) may not lie
 * in a folder of tablepipe's own nor be a `shared` folder's output, `overwrite` or not.
 */
export async function checkOutputFolder(dir: string, options: OutputCheckOptions = {}): Promise<void> {
  const label = options.label ?? "output folder";
  if (dir.trim() === "") {
    throw new OutputPathError(dir, `${label} is empty: name a folder for the outputs, e.g. ${label} out`);
  }
  const target = resolve(dir);
  for (const name of [...(options.files ?? []), ...(options.tables ?? [])])
    checkOutputFileName(target, name, label);
  const unwritable = options.tables?.find((name) => writeFormat(name) === undefined);
  if (unwritable !== undefined) {
    throw new OutputPathError(
      dir,
      `cannot write ${outputFileText(target, unwritable, label, options.shared === true)}: ${UNKNOWN_WRITE_FORMAT}`,
    );
  }
  const kind = await kindOf(target);
  if (kind === "file")
    throw new OutputPathError(dir, `cannot write ${label} ${target}: it is a file, not a folder`);
  if (kind === "dangling") {
    throw new OutputPathError(dir, `cannot write ${label} ${target}: it is a link to nothing`);
  }
  const real = await realish(target);
  const shared = options.shared === true;
  if (!shared && real === (await realish(process.cwd()))) {
    throw new OutputPathError(
      dir,
      `${label} ${target} is the current folder: tablepipe writes its outputs into a folder of their own; name one, e.g. ${label} out`,
    );
  }
  const inputs = await Promise.all(
    (options.inputs ?? []).map(async (input) => ({ input, real: await realish(input) })),
  );
  if (shared) {
    const files = (options.files ?? []).map((name) => ({ file: join(target, name), real: join(real, name) }));
    for (const exact of [true, false]) {
      for (const { input, real: realInput } of inputs) {
        const clash = files.find((f) => (exact ? f.real === realInput : within(f.real, realInput)));
        if (clash === undefined) continue;
        throw new OutputPathError(
          dir,
          `${label} ${clash.file} is ${exact ? "the input" : "inside the input folder"} ${input}: writing there could replace your data; choose another path`,
        );
      }
    }
  } else {
    const held = inputs.find(({ real: realInput }) => within(realInput, real));
    if (held !== undefined) {
      throw new OutputPathError(
        dir,
        `${label} ${target} holds the input ${held.input}: writing there could replace your data; choose another folder`,
      );
    }
  }
  await checkLogFileOutside(
    dir,
    target,
    real,
    options.label,
    options.shared === true ? (options.files ?? []) : undefined,
  );
  if (kind === undefined) {
    await checkParent(target, label);
    return;
  }
  await checkWritable(target, real, label);
  for (const name of options.files ?? []) {
    if ((await kindOf(join(real, name))) === "folder") {
      throw new OutputPathError(
        dir,
        `cannot write ${outputFileText(target, name, label, shared)}: a folder of that name exists`,
      );
    }
  }
  const ours = await readManifest(real);
  const changed = await changedFiles(real, ours, options.files ?? ours.keys());
  if (changed.length > 0 && options.overwrite !== true) {
    throw changedFileError(target, changed, {
      label,
      overwriteLabel: options.overwriteLabel ?? "`overwrite: true`",
      shared,
    });
  }
  const foreign = await foreignEntries(real, ours, options);
  if (foreign.length > 0 && options.overwrite !== true) {
    const overwrite = options.overwriteLabel ?? "`overwrite: true`";
    if (!shared) {
      throw new OutputPathError(
        dir,
        `cannot write ${label} ${target}: ${target} holds files tablepipe did not write (${listed(foreign)}); choose a new or empty folder, or pass ${overwrite} to write tablepipe's files beside them (they are never deleted; same-named files are replaced)`,
      );
    }
    const [first, ...others] = foreign;
    const them = others.length === 0 ? "it" : "them";
    const also = others.length === 0 ? "" : `; so do ${listed(others)}`;
    throw new OutputPathError(
      dir,
      `cannot write ${outputFileText(target, first ?? "", label, shared)}: it exists and tablepipe did not write it${also}; choose another path, or pass ${overwrite} to replace ${them}`,
    );
  }
}
