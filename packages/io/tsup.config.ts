import { defineConfig } from "tsup";

export default defineConfig({
  // read-worker: the worker thread of the parallel reads (CSV pieces, Parquet row groups), found beside the bundle at run time
  entry: { index: "src/index.ts", "read-worker": "src/workers/read-worker.ts" },
  format: ["esm", "cjs"],
  dts: { entry: "src/index.ts" },
  sourcemap: true,
  clean: true,
  target: "node20",
  // import.meta.url in the CommonJS build (where the worker script is looked up)
  shims: true,
});
