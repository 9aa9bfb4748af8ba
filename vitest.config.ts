import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = (path: string): string => fileURLToPath(new URL(`./packages/${path}`, import.meta.url));

/** Tests import the packages by their npm names; inside the workspace those names resolve to the sources. */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@tablepipe\/testing\/vitest$/, replacement: src("testing/src/vitest.ts") },
      { find: /^@tablepipe\/sql\/test-support$/, replacement: src("sql/src/test-support/index.ts") },
      { find: /^@tablepipe\/core\/internal$/, replacement: src("core/src/internal.ts") },
      { find: /^@tablepipe\/io\/internal$/, replacement: src("io/src/internal.ts") },
      {
        find: /^@tablepipe\/(core|io|job|transforms|models|testing|tip-model|duckdb|sql|spark)$/,
        replacement: src("$1/src/index.ts"),
      },
    ],
  },
  test: {
    include: ["packages/*/src/**/*.test.ts", "examples/*/src/**/*.test.ts", "examples/*/test/**/*.test.ts"],
    typecheck: {
      enabled: true,
      include: ["packages/*/src/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
    testTimeout: 30_000,
    // Probes once whether a Spark Connect server answers, for the Spark tests (scripts/spark-probe.ts).
    globalSetup: ["./scripts/spark-probe.ts"],
  },
});
