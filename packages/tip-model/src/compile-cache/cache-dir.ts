import { homedir } from "node:os";
import { join } from "node:path";

/** The environment variable that moves the CLI's compile cache to another folder, or turns it off (`off`). */
export const COMPILE_CACHE_ENV = "TABLEPIPE_COMPILE_CACHE";

/** Values of {@link COMPILE_CACHE_ENV} that turn the compile cache off. */
const OFF = new Set(["off", "0", "false", "no"]);

/** Where the folder is looked for: the environment, the platform, the home folder (parameters for tests). */
export interface CacheDirContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly home: string;
}

/**
 * The folder the CLI keeps its compiled code in, or undefined when the cache is off: {@link COMPILE_CACHE_ENV}
 * when set (`off` turns it off, as does Node's own `NODE_DISABLE_COMPILE_CACHE`), else the user's cache folder
 * (`$XDG_CACHE_HOME` or `~/.cache` on Linux, `~/Library/Caches` on macOS, `%LOCALAPPDATA%` on Windows) under
 * `tablepipe/compile-cache`: per user, never a folder shared with other users such as the system's temp folder.
 * @example compileCacheDir() // "/home/ada/.cache/tablepipe/compile-cache"
 */
export function compileCacheDir(
  context: CacheDirContext = { env: process.env, platform: process.platform, home: homedir() },
): string | undefined {
  const { env, platform, home } = context;
  const chosen = env[COMPILE_CACHE_ENV]?.trim();
  if (chosen !== undefined && chosen !== "") return OFF.has(chosen.toLowerCase()) ? undefined : chosen;
  if (env.NODE_DISABLE_COMPILE_CACHE !== undefined && env.NODE_DISABLE_COMPILE_CACHE !== "") return undefined;
  const base =
    platform === "win32"
      ? env.LOCALAPPDATA || (home && join(home, "AppData", "Local"))
      : platform === "darwin"
        ? home && join(home, "Library", "Caches")
        : env.XDG_CACHE_HOME || (home && join(home, ".cache"));
  return base ? join(base, "tablepipe", "compile-cache") : undefined;
}
