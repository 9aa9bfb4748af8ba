/**
 * The layering rules of docs/architecture.md, checked by `pnpm deps` (part of the test command):
 * no import cycle anywhere in packages/, and the packages' arrows point one way —
 * core <- io, job, transforms, testing <- tip-model; core <- sql <- duckdb, spark; io <- duckdb, spark (their file readers share readTable's rules); models stands alone.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const pkg = (name) => `^packages/${name}/`;
const notTest = "\\.test(-d)?\\.ts$|/test-support(\\.ts$|/)";

/** The sources of a package may import from the listed packages only (its tests may use the test kit too). */
const onlyFrom = (name, allowed) => ({
  name: `${name}-imports-only-${allowed.join("-") || "itself"}`,
  comment: `@tablepipe/${name} may depend on ${allowed.map((a) => `@tablepipe/${a}`).join(", ") || "no other tablepipe package"}`,
  severity: "error",
  from: { path: pkg(name), pathNot: notTest },
  to: { path: "^packages/", pathNot: [pkg(name), ...allowed.map(pkg)] },
});

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "An import cycle: break it by moving what both sides need into a module of its own.",
      severity: "error",
      from: { path: "^(packages|examples|bench)/" },
      to: { circular: true },
    },
    {
      name: "core-has-no-node-builtins",
      comment: "@tablepipe/core runs in browsers and Deno too: no node:* import outside its tests.",
      severity: "error",
      from: { path: pkg("core"), pathNot: notTest },
      to: { dependencyTypes: ["core"] },
    },
    onlyFrom("core", []),
    onlyFrom("io", ["core"]),
    onlyFrom("job", ["core"]),
    onlyFrom("transforms", ["core"]),
    onlyFrom("testing", ["core"]),
    onlyFrom("models", []),
    onlyFrom("sql", ["core"]),
    onlyFrom("duckdb", ["core", "sql", "io"]),
    onlyFrom("spark", ["core", "sql", "io"]),
    {
      name: "packages-never-import-examples-or-bench",
      severity: "error",
      from: { path: "^packages/" },
      to: { path: "^(examples|bench)/" },
    },
    {
      name: "no-reaching-into-another-package",
      comment: "Import another package by its npm name, never by a relative path into its folder.",
      severity: "error",
      from: { path: "^packages/([^/]+)/" },
      to: {
        path: "^packages/",
        pathNot: [
          "^packages/$1/",
          "^packages/[^/]+/src/(index|internal|vitest)\\.ts$",
          // the SQL engines' shared parity suite, imported by their tests as @tablepipe/sql/test-support
          "^packages/sql/src/test-support/index\\.ts$",
        ],
      },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(dist|node_modules)/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "types", "default"] },
  },
};
