import { defineConfig } from "vitest/config";

/**
 * This example's own test run (`pnpm test` in this folder): `@tablepipe/*` resolve through node_modules to the
 * packages' built `dist/` (run `pnpm build` at the root first). The root run tests the same files against the
 * sources. The REPL itself always runs under tsx, on the sources.
 */
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
  },
});
