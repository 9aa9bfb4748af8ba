import { defineConfig } from "vitest/config";

/**
 * This example's own test run (`pnpm test` in this folder): `@tablepipe/*` resolve as in any project, through
 * node_modules to the packages' built `dist/` (run `pnpm build` at the root first). The workspace's root run
 * (`pnpm test` at the root) runs these same tests against the packages' sources.
 */
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
  },
});
