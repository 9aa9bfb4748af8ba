#!/usr/bin/env node
/**
 * The `tip-model` command's entry (`dist/cli.js`): runs the CLI bundle (`dist/cli-bundle.cjs`, built from
 * `cli.ts`) through V8's code cache, so that a run after the first neither parses nor compiles the code it runs
 * again. A run that ends well writes the cache when there was none; `TABLEPIPE_COMPILE_CACHE=off` turns it off,
 * and so does `node --enable-source-maps` (the bundle is then required, so that its stack traces are mapped).
 */
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { compileCacheDir } from "./compile-cache/cache-dir";
import { compileCacheProfile } from "./compile-cache/cache-profile";
import { runCachedBundle } from "./compile-cache/run-cached-bundle";

const bundle = fileURLToPath(new URL("./cli-bundle.cjs", import.meta.url));
if (process.sourceMapsEnabled) {
  // `node --enable-source-maps`: Node maps the stack traces of what it requires itself (not of a vm.Script)
  createRequire(import.meta.url)(bundle);
} else {
  const run = runCachedBundle(bundle, {
    cacheDir: compileCacheDir(),
    profile: compileCacheProfile(process.argv.slice(2)),
  });
  if (!run.cacheUsed) {
    process.on("exit", (code) => {
      if (code === 0) run.saveCache();
    });
  }
}
