import { defineConfig } from "tsup";

export default defineConfig({
  // chart-worker: the worker thread that draws the report's charts, found beside the bundle at run time
  entry: { index: "src/index.ts", cli: "src/cli.ts", "chart-worker": "src/report/chart-worker.ts" },
  format: ["esm", "cjs"],
  dts: { entry: { index: "src/index.ts", cli: "src/cli.ts" } },
  sourcemap: true,
  clean: true,
  target: "node20",
  // import.meta.url in the CommonJS build (where package.json is found for the version)
  shims: true,
});
