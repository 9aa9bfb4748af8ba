import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm", "cjs"],
  dts: { entry: "src/index.ts" },
  sourcemap: true,
  clean: true,
  target: "node20",
  // import.meta.url in the CommonJS build (where @duckdb/node-api is required from: engine/node-api.ts)
  shims: true,
});
