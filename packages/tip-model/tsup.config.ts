import { readFile, writeFile } from "node:fs/promises";
import { build, defineConfig, type Options } from "tsup";

/** Bundle every import but the listed packages (and Node's built-ins). */
const bundleAllBut = (external: readonly string[]): Pick<Options, "noExternal" | "external"> => ({
  noExternal: [external.length === 0 ? /./ : new RegExp(`^(?!(${external.join("|")})(/|$))`)],
  external: [...external],
});

/** A build of `entry` into dist/, beside the library, with `options` on top of the settings all bundles share. */
const bundle = (entry: Record<string, string>, options: Options): Options => ({
  config: false,
  entry,
  sourcemap: true,
  target: "node20",
  silent: true,
  ...options,
});

/** How `@tablepipe/duckdb` loads `@duckdb/node-api` (its `engine/node-api.ts`, as built into its dist/index.js). */
const NODE_API_CALL = 'createRequire(import.meta.url)("@duckdb/node-api")';

/**
 * `@duckdb/node-api`'s JavaScript bundled into the CLI, where `@tablepipe/duckdb` requires it at run time (once
 * the DuckDB engine is chosen): Node then reads none of its ~120 files (the engine's start −19 ms); its native
 * binding (`@duckdb/node-bindings`) stays external. The build fails when `@tablepipe/duckdb` no longer loads it
 * that way, rather than quietly bundling nothing.
 */
const bundledNodeApi: NonNullable<Options["esbuildPlugins"]>[number] = {
  name: "bundled-duckdb-node-api",
  setup(on) {
    on.onLoad({ filter: /[\\/]duckdb[\\/]dist[\\/]index\.js$/ }, async ({ path }) => {
      const text = await readFile(path, "utf8");
      if (text.split(NODE_API_CALL).length !== 2) {
        throw new Error(`${path}: expected @duckdb/node-api loaded once as ${NODE_API_CALL}`);
      }
      const contents = `import * as __duckdbNodeApi from "@duckdb/node-api";\n${text.replace(NODE_API_CALL, "__duckdbNodeApi")}`;
      return { contents, loader: "js" };
    });
  },
};

/**
 * The `tip-model` command as one CommonJS bundle with its dependencies (`dist/cli-bundle.cjs`), so it starts
 * without resolving and compiling the ~270 modules arquero and zod are published as (`--help`: 0.6 s → 0.4 s),
 * and so that Node 20 can run it through V8's code cache (`dist/cli.js`, below: Node 20 has no code cache for ES
 * modules). The engines' code is still evaluated only when chosen. Left out: DuckDB's native binding and the gRPC
 * client.
 */
const cliBundle = bundle(
  { "cli-bundle": "src/cli.ts" },
  {
    format: ["cjs"],
    ...bundleAllBut(["@duckdb/node-bindings", "@grpc/grpc-js"]),
    esbuildPlugins: [bundledNodeApi],
    // import.meta.url (the package's version, the read workers' script), from the bundle's own path
    shims: true,
  },
);

/**
 * Rewrites the CLI bundle's characters beyond ASCII as `\uXXXX` escapes: esbuild escapes them in the code
 * already, so only its comments held any (a dash, a `≤`). The launcher then reads an ASCII file, which Node
 * decodes ~3× faster than one with a character beyond it (3.5 MB: ~2.5 ms instead of ~8). No column moves
 * before a comment's end, so the source map still fits.
 */
async function escapeBeyondAscii(path: string): Promise<void> {
  const text = await readFile(path, "utf8");
  const escaped = text.replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  if (escaped !== text) await writeFile(path, escaped);
}

/** `dist/cli.js`, the command's entry: runs the bundle through the compile cache (Node's built-ins only). */
const cliLauncher = bundle({ cli: "src/cli-launcher.ts" }, { format: ["esm"] });

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
    await escapeBeyondAscii("dist/cli-bundle.cjs");
    await build(cliLauncher);
  },
});
