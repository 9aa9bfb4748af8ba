import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { constants, Script } from "node:vm";

/** Where the cache is kept and under which key; no folder: the bundle runs without a cache. */
export interface CachedBundleOptions {
  /** The cache folder (created when missing, readable by its user only), or undefined for no cache. */
  readonly cacheDir: string | undefined;
  /** Which code the run exercises (see `compileCacheProfile`): each profile has its own cache file. */
  readonly profile: string;
}

/** A bundle that has run its top-level code, and what its compile cache did. */
export interface CachedBundleRun {
  /** True when V8 compiled the bundle from the cache (none there, or rejected: false). */
  readonly cacheUsed: boolean;
  /** The cache file of this bundle, Node and profile (undefined without a cache folder). */
  readonly cacheFile: string | undefined;
  /**
   * Writes the code compiled so far (the bundle's functions this process ran) to the cache file, when there was
   * no usable cache; then removes this profile's files for other contents of the bundle (an older build). Never throws: a cache that
   * cannot be written only costs the next run its speed. Returns whether it wrote.
   */
  saveCache(): boolean;
}

/** A cache file's name: `<profile key>-<bundle key>-<Node key>.v8cache`, each 16 hex digits. */
const CACHE_FILE = /^([0-9a-f]{16})-([0-9a-f]{16})-[0-9a-f]{16}\.v8cache$/;

/**
 * 16 hex digits of the SHA-1 of `parts`: a key naming which bundle a cache was made from, not a defence against
 * a forged bundle (whoever can write the cache folder can write the bundle); SHA-1 reads the 3.5 MB bundle in
 * ~2 ms where SHA-256 took ~5.
 */
function hex16(...parts: (string | Buffer)[]): string {
  const hash = createHash("sha1");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex").slice(0, 16);
}

/**
 * What the compiled code depends on besides the bundle and the profile: Node's version and architecture, and
 * the flags Node runs with (V8 refuses a cache made under other V8 flags: runs alternating between two sets of
 * flags would otherwise replace each other's cache every time).
 */
function nodeKey(): string {
  return hex16(process.version, process.arch, process.execArgv.join(" "), process.env.NODE_OPTIONS ?? "");
}

/**
 * Runs the CommonJS bundle at `bundlePath` (its top-level code, as `require` would) compiled with V8's code
 * cache: the cache holds the bytecode of the functions an earlier run of the same bundle, Node and profile
 * compiled, so this run neither parses nor compiles them again (the tip-model CLI's 1M-trip run: ~60 ms).
 * The cache file is keyed by the bundle's content, so a changed bundle never runs an old build's code.
 * @example runCachedBundle("/…/dist/cli-bundle.cjs", { cacheDir: compileCacheDir(), profile: "run.duckdb" })
 */
export function runCachedBundle(bundlePath: string, options: CachedBundleOptions): CachedBundleRun {
  const bytes = readFileSync(bundlePath);
  const text = bytes.toString("utf8");
  // a `#!` line is no JavaScript inside a function: made a comment, the lines and columns stay where they were
  const source = text.startsWith("#!") ? `//${text.slice(2)}` : text;
  const { cacheDir, profile } = options;
  const profileKey = hex16(bundlePath, profile);
  const bundleKey = hex16(bytes);
  const cacheFile =
    cacheDir === undefined ? undefined : join(cacheDir, `${profileKey}-${bundleKey}-${nodeKey()}.v8cache`);
  const cachedData = cacheFile === undefined ? undefined : readIfThere(cacheFile);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundlePath,
    ...(cachedData === undefined ? {} : { cachedData }),
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  const run = script.runInThisContext() as (
    exports: object,
    require: NodeJS.Require,
    module: { exports: object; filename: string; id: string },
    filename: string,
    dirname: string,
  ) => void;
  const module = { exports: {}, filename: bundlePath, id: bundlePath };
  run.call(
    module.exports,
    module.exports,
    createRequire(bundlePath),
    module,
    bundlePath,
    dirname(bundlePath),
  );
  return {
    cacheUsed,
    cacheFile,
    saveCache: () =>
      cacheFile !== undefined && cacheDir !== undefined && !cacheUsed
        ? writeCache(cacheDir, cacheFile, script, (name) => {
            const [, profileOf, bundleOf] = CACHE_FILE.exec(name) ?? [];
            return profileOf === profileKey && bundleOf !== bundleKey;
          })
        : false,
  };
}

/** The file's bytes, or undefined when it cannot be read (not there yet). */
function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes `script`'s code cache to `cacheFile` whole (a temporary file renamed over it), then removes the files
 * of `cacheDir` that are `stale`.
 */
function writeCache(
  cacheDir: string,
  cacheFile: string,
  script: Script,
  stale: (name: string) => boolean,
): boolean {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    renameSync(temporary, cacheFile);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // no folder to have written it in
    }
    return false;
  }
  try {
    for (const name of readdirSync(cacheDir)) if (stale(name)) rmSync(join(cacheDir, name), { force: true });
  } catch {
    // a stale file left behind costs disk space only
  }
  return true;
}
