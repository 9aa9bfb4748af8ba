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

/** A build of `entry` into dist/, beside the library, with `options` on top of the settings all bundles share. */
const bundle = (entry: Record<string, string>, options: Options): Options => ({
  config: false,
  entry,
  sourcemap: true,
  target: "node20",
  silent: true,
  ...options,
});

/**
 * The `tip-model` command as one bundle with its dependencies, so it starts without resolving and compiling the
 * ~270 modules arquero and zod are published as (`--help`: 0.6 s → 0.4 s). Left out: DuckDB's native binding
 * and the gRPC client (in the engines' chunks, loaded only when chosen).
 */
const cliBundle = bundle(
  { cli: "src/cli.ts" },
  {
    format: ["esm"],
    splitting: true,
    ...bundleAllBut(["@duckdb/node-api", "@grpc/grpc-js"]),
    banner: requireInEsm,
  },
);

export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm", "cjs"],
  // the charts' d3-scale is published as ES modules only: bundled, the CommonJS build needs no require(esm)
  noExternal: [/^d3-/],
  dts: { entry: { index: "src/index.ts" } },
  sourcemap: true,
  // empties dist/ first: the bundles below are built after this, beside the library
  clean: true,
  target: "node20",
  // import.meta.url in the CommonJS build (where package.json is found for the version)
  shims: true,
  onSuccess: async () => {
    await build(cliBundle);
  },
});
