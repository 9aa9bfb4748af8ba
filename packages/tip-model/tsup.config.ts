import { build, defineConfig, type Options } from "tsup";

/** Bundle every import but the listed packages (and Node's built-ins). */
const bundleAllBut = (external: readonly string[]): Pick<Options, "noExternal" | "external"> => ({
  noExternal: [external.length === 0 ? /./ : new RegExp(`^(?!(${external.join("|")})(/|$))`)],
  external: [...external],
});

/** The CommonJS modules bundled into an ES module (pino, commander, …) require Node's built-ins through this. */
const requireInEsm = {
  js: 'import { createRequire as __tablepipeRequire } from "node:module"; const require = __tablepipeRequire(import.meta.url);',
};

/**
 * The `tip-model` command as one bundle with its dependencies, so it starts without resolving and compiling the
 * ~270 modules arquero and zod are published as (`--help`: 0.6 s → 0.4 s). Left out: DuckDB's native binding
 * and the gRPC client (in the engines' chunks, loaded only when chosen) and vega (drawn in the chart worker).
 */
const cliBundle: Options = {
  config: false,
  entry: { cli: "src/cli.ts" },
  format: ["esm"],
  sourcemap: true,
  target: "node20",
  splitting: true,
  ...bundleAllBut(["@duckdb/node-api", "@grpc/grpc-js", "vega", "vega-lite"]),
  banner: requireInEsm,
  silent: true,
};

/** The worker thread that draws the report's charts, found beside the bundles at run time. */
const chartWorker = (options: Options): Options => ({
  config: false,
  entry: { "chart-worker": "src/report/chart-worker.ts" },
  sourcemap: true,
  target: "node20",
  silent: true,
  ...options,
});

/**
 * The chart worker as an ES module is one file with vega inlined, which it loads in ~0.25 s instead of ~0.7 s as
 * vega's hundreds of modules; as CommonJS, vega stays an import (its top-level await cannot be made CommonJS).
 */
const chartWorkerBundles = [
  chartWorker({ format: ["esm"], splitting: false, ...bundleAllBut([]) }),
  chartWorker({ format: ["cjs"], shims: true }),
];

export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm", "cjs"],
  dts: { entry: { index: "src/index.ts" } },
  sourcemap: true,
  // empties dist/ first: the bundles below are built after this, beside the library
  clean: true,
  target: "node20",
  // import.meta.url in the CommonJS build (where package.json is found for the version)
  shims: true,
  onSuccess: async () => {
    await Promise.all([cliBundle, ...chartWorkerBundles].map((options) => build(options)));
  },
});
