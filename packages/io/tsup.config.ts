import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Options } from "tsup";

/** @tablepipe/core's sources in the workspace, by entry point (its package.json names the built files). */
const coreSources = join(dirname(fileURLToPath(import.meta.url)), "../core/src");

/**
 * Resolve `@tablepipe/core` and `@tablepipe/core/internal` to core's sources, so esbuild bundles only the
 * modules the worker reaches (core is `sideEffects: false`) instead of core's one-file build, which imports
 * arquero and zod.
 */
const coreFromSources: NonNullable<Options["esbuildPlugins"]>[number] = {
  name: "core-from-sources",
  setup(build) {
    build.onResolve({ filter: /^@tablepipe\/core(\/internal)?$/ }, (args) => ({
      path: join(coreSources, args.path.endsWith("/internal") ? "internal.ts" : "index.ts"),
    }));
  },
};

export default defineConfig([
  {
    entry: { index: "src/index.ts", internal: "src/internal.ts" },
    format: ["esm", "cjs"],
    dts: { entry: { index: "src/index.ts", internal: "src/internal.ts" } },
    sourcemap: true,
    target: "node20",
    // import.meta.url in the CommonJS build (where the worker script is looked up)
    shims: true,
  },
  {
    // read-worker: the worker thread of the parallel reads (CSV pieces, Parquet row groups), found beside the
    // main bundle at run time. A bundle of its own with the few time functions it uses from @tablepipe/core
    // inlined, so a worker starts without importing arquero, zod and the rest of core and io; the Parquet
    // decoder (and hyparquet) is a chunk of its own, imported by the first Parquet row group a worker is sent.
    entry: { "read-worker": "src/workers/read-worker.ts" },
    format: ["esm", "cjs"],
    sourcemap: true,
    target: "node20",
    noExternal: [/^@tablepipe\/core/],
    esbuildPlugins: [coreFromSources],
  },
]);
