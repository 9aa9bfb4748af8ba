import { defineConfig } from "tsup";

/** The harness and the two baseline jobs, each a plain Node entry (dependencies stay external). */
export default defineConfig({
  entry: [
    "src/main.ts",
    "src/duckdb-job.ts",
    "src/polars-job.ts",
    "src/to-parquet.ts",
    "src/ops-job.ts",
    "src/ops-check.ts",
  ],
  format: ["esm"],
  target: "node20",
  platform: "node",
  outDir: "dist",
  clean: true,
  sourcemap: true,
  dts: false,
});
