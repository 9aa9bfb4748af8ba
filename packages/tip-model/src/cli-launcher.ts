#!/usr/bin/env node
/**
 * The `tip-model` command's entry (`dist/cli.js`): runs the CLI bundle (`dist/cli-bundle.cjs`, built from
 * `cli.ts`) through V8's code cache, so that a run after the first neither parses nor compiles the code it runs
 * again. A run that ends well writes the cache when there was none; `TABLEPIPE_COMPILE_CACHE=off` turns it off.
 */
import { fileURLToPath } from "node:url";
import { compileCacheDir } from "./compile-cache/cache-dir";
import { compileCacheProfile } from "./compile-cache/cache-profile";
import { runCachedBundle } from "./compile-cache/run-cached-bundle";

const profile = compileCacheProfile(process.argv.slice(2));
const bundle = fileURLToPath(new URL("./cli-bundle.cjs", import.meta.url));
const run = runCachedBundle(bundle, { cacheDir: compileCacheDir(), profile });
if (!run.cacheUsed) {
  process.on("exit", (code) => {
    if (code === 0) run.saveCache();
  });
}
