import { open, readFile, realpath } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { MANIFEST_FILE, parseManifest } from "@tablepipe/core/internal";
import { isLogRecordLine } from "../log/log-record-line";
import { ConfigError } from "./errors";

/** How much of an existing log file is read to find its first line. */
const FIRST_LINE_BYTES = 64 * 1024;

/** Where `--log-file` may not point, besides what the command's own `checkLogFile` refuses. */
export interface LogFileGuardSettings {
  /** The `--config` file given, if any. */
  readonly configFile: string | undefined;
  /** Folder a relative `--config` path is read from. */
  readonly cwd: string;
}

/**
 * `runCli`'s own check of `--log-file`, before the file is opened: a {@link ConfigError} naming the flag, the
 * path and why when it is the `--config` file, a file its folder's tablepipe manifest records as an output, or an
 * existing, non-empty file whose first line is not one of tablepipe's log records (`{"level":…,"time":…,"msg":…}`,
 * as earlier runs write): a user's one-line JSON config or a JSON-lines data file is refused too.
 * @example await guardLogFile("out/sales.csv", { configFile: undefined, cwd: process.cwd() }) // throws: an output
 */
export async function guardLogFile(file: string, settings: LogFileGuardSettings): Promise<void> {
  const target = resolve(file);
  const real = await realish(target);
  const refuse = (why: string): ConfigError =>
    new ConfigError(`--log-file ${target} ${why}; choose another path`, {
      kind: "invalid-value",
      flag: "--log-file",
    });
  if (settings.configFile !== undefined) {
    const config = resolve(settings.cwd, settings.configFile);
    if ((await realish(config)) === real) {
      throw refuse("is the --config file: appending log lines to it would corrupt it");
    }
  }
  if (await recordedAsOutput(real)) {
    throw refuse(
      `is an output tablepipe wrote (recorded in ${join(dirname(real), MANIFEST_FILE)}): appending log lines to it would corrupt it`,
    );
  }
  const firstLine = await firstLineOf(real);
  if (firstLine !== undefined && !isLogRecordLine(firstLine.text, firstLine.whole)) {
    throw refuse(
      `holds data that is not a tablepipe log (its first line is not a log record {"level":…,"time":…,"msg":…}): appending log lines to it would corrupt it; a log file is new, empty, or one an earlier run wrote`,
    );
  }
}

/** The path with its links resolved, or as given when it does not exist (yet). */
async function realish(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

/** True when the manifest of the file's folder records it; a missing or unreadable manifest records nothing. */
async function recordedAsOutput(path: string): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(join(dirname(path), MANIFEST_FILE), "utf8");
  } catch {
    return false;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  const name = basename(path);
  return parseManifest(parsed)?.some((entry) => entry.name === name) ?? false;
}

/** The first line of an existing, non-empty regular file (cut at {@link FIRST_LINE_BYTES}), else undefined. */
async function firstLineOf(path: string): Promise<{ text: string; whole: boolean } | undefined> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, "r");
  } catch {
    return undefined; // missing (created on open) or not openable (the open reports it)
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile() || stats.size === 0) return undefined;
    const buffer = Buffer.alloc(Math.min(stats.size, FIRST_LINE_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString("utf8");
    const end = text.indexOf("\n");
    if (end >= 0) return { text: text.slice(0, end), whole: true };
    return { text, whole: bytesRead === stats.size };
  } finally {
    await handle.close();
  }
}
