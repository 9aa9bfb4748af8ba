import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCachedBundle } from "./run-cached-bundle";

interface BundleRun {
  file: string;
  value: number;
  dep: string;
}

const runs = (): BundleRun[] => (globalThis as { __bundleRuns?: BundleRun[] }).__bundleRuns ?? [];

/** A CommonJS bundle with a `#!` line that records its run: its file name, `value`, and what it required. */
const bundleSource = (value: number): string =>
  [
    "#!/usr/bin/env node",
    'const { basename } = require("node:path");',
    "const run = (globalThis.__bundleRuns ??= []);",
    `run.push({ file: basename(__filename), value: ${value}, dep: require("./dep.cjs") });`,
    `module.exports.value = ${value};`,
    "",
  ].join("\n");

const repoRoot = fileURLToPath(new URL("../../../..", import.meta.url));
const modulePath = fileURLToPath(new URL("./run-cached-bundle.ts", import.meta.url));

/**
 * Runs the bundle in a process of its own, as the CLI's launcher does (the cache saved at exit): a process's
 * first compile, where V8 reads or rejects the cache (within one process V8 may reuse what it compiled before).
 */
function runInChild(): { cacheUsed: boolean; saved: boolean; runs: BundleRun[] } {
  const child = [
    `import { runCachedBundle } from ${JSON.stringify(modulePath)};`,
    `const run = runCachedBundle(${JSON.stringify(bundle)}, { cacheDir: ${JSON.stringify(cacheDir)}, profile: "run.default" });`,
    "process.on('exit', () => {",
    "  const saved = run.saveCache();",
    "  console.log(JSON.stringify({ cacheUsed: run.cacheUsed, saved, runs: globalThis.__bundleRuns }));",
    "});",
  ].join("\n");
  const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", child], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`child failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

let dir: string;
let bundle: string;
let cacheDir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "tablepipe-compile-cache-"));
  bundle = join(dir, "bundle.cjs");
  cacheDir = join(dir, "cache");
  await writeFile(bundle, bundleSource(1));
  await writeFile(join(dir, "dep.cjs"), 'module.exports = "beside the bundle";\n');
  (globalThis as { __bundleRuns?: BundleRun[] }).__bundleRuns = [];
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("runCachedBundle", () => {
  it("runs the bundle as require would, then caches its compiled code and reads it on the next run", async () => {
    const first = runCachedBundle(bundle, { cacheDir, profile: "run.default" });
    expect(runs()).toEqual([{ file: "bundle.cjs", value: 1, dep: "beside the bundle" }]);
    expect(first.cacheUsed).toBe(false);
    expect(existsSync(cacheDir)).toBe(false);
    expect(first.saveCache()).toBe(true);
    expect(await readdir(cacheDir)).toEqual([first.cacheFile?.slice(cacheDir.length + 1)]);
    expect(first.cacheFile).toMatch(/[0-9a-f]{16}-[0-9a-f]{16}-[0-9a-f]{16}\.v8cache$/);

    const second = runCachedBundle(bundle, { cacheDir, profile: "run.default" });
    expect(second.cacheUsed).toBe(true);
    expect(second.cacheFile).toBe(first.cacheFile);
    expect(runs().map((run) => run.value)).toEqual([1, 1]);
    // a cache that was used is not written again
    expect(second.saveCache()).toBe(false);
  });

  it("never runs an old build's code: a changed bundle (of the same length) has its own cache file", async () => {
    const old = runCachedBundle(bundle, { cacheDir, profile: "run.default" });
    old.saveCache();
    const other = runCachedBundle(bundle, { cacheDir, profile: "run.duckdb" });
    other.saveCache();
    await writeFile(join(cacheDir, "notes.txt"), "not the cache's\n");

    await writeFile(bundle, bundleSource(2));
    const changed = runCachedBundle(bundle, { cacheDir, profile: "run.default" });
    expect(changed.cacheUsed).toBe(false);
    expect(changed.cacheFile).not.toBe(old.cacheFile);
    expect(runs().at(-1)?.value).toBe(2);
    expect(changed.saveCache()).toBe(true);
    // the profile's file for the old build is replaced; another profile's file and files it did not write stay
    const names = (await readdir(cacheDir)).sort();
    const name = (file: string | undefined): string => (file ?? "").slice(cacheDir.length + 1);
    expect(names).toEqual([name(changed.cacheFile), name(other.cacheFile), "notes.txt"].sort());
  });

  it("reads the cache a run in another process wrote; a cache file that is not V8's is run without and replaced", async () => {
    expect(runInChild()).toEqual({
      cacheUsed: false,
      saved: true,
      runs: [{ file: "bundle.cjs", value: 1, dep: "beside the bundle" }],
    });
    expect(runInChild()).toMatchObject({ cacheUsed: true, saved: false });
    const [file] = await readdir(cacheDir);
    await writeFile(join(cacheDir, file as string), "not a code cache");
    expect(runInChild()).toEqual({
      cacheUsed: false,
      saved: true,
      runs: [{ file: "bundle.cjs", value: 1, dep: "beside the bundle" }],
    });
    expect((await readFile(join(cacheDir, file as string))).toString()).not.toBe("not a code cache");
    expect(runInChild()).toMatchObject({ cacheUsed: true, saved: false });
  });

  it("keeps a cache per set of Node flags: runs under other flags neither read nor replace it", async () => {
    const plain = runCachedBundle(bundle, { cacheDir, profile: "run.default" });
    plain.saveCache();
    const saved = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = "--max-old-space-size=4096";
    try {
      const flagged = runCachedBundle(bundle, { cacheDir, profile: "run.default" });
      expect(flagged.cacheFile).not.toBe(plain.cacheFile);
      expect(flagged.cacheUsed).toBe(false);
      expect(flagged.saveCache()).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = saved;
    }
    expect(await readdir(cacheDir)).toHaveLength(2);
    expect(runCachedBundle(bundle, { cacheDir, profile: "run.default" }).cacheUsed).toBe(true);
  });

  it("runs without a cache when there is no folder, or the folder cannot be made", async () => {
    const none = runCachedBundle(bundle, { cacheDir: undefined, profile: "run.default" });
    expect(none.cacheFile).toBeUndefined();
    expect(none.saveCache()).toBe(false);

    const blocked = join(dir, "a-file");
    await writeFile(blocked, "a file where the folder would be\n");
    const unwritable = runCachedBundle(bundle, { cacheDir: join(blocked, "cache"), profile: "run.default" });
    expect(unwritable.saveCache()).toBe(false);
    expect(runs()).toHaveLength(2);
    expect((await readdir(dir)).sort()).toEqual(["a-file", "bundle.cjs", "dep.cjs"]);
  });

  it("throws what the bundle's top-level code throws", async () => {
    await writeFile(bundle, '#!/usr/bin/env node\nthrow new Error("bundle failed");\n');
    expect(() => runCachedBundle(bundle, { cacheDir, profile: "run.default" })).toThrow("bundle failed");
  });
});
