import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { tempFolder } from "../test-support";
import { readWorkerScript } from "./worker-script";

const tmp = tempFolder();
afterAll(() => tmp.remove());

/** Write `text` at `path` under `root`, making its folders; returns the absolute path. */
function put(root: string, path: string, text = ""): string {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

const url = (path: string): string => pathToFileURL(path).href;

/** An install: io's package with its built workers, and an app whose bundle has io's code inlined. */
function install(name: string, built: readonly string[]): string {
  const root = join(tmp.dir, name);
  const io = "node_modules/@tablepipe/io";
  put(
    root,
    `${io}/package.json`,
    JSON.stringify({ name: "@tablepipe/io", exports: { "./package.json": "./package.json" } }),
  );
  for (const file of built) put(root, `${io}/dist/${file}`);
  put(root, "app/dist/cli.js");
  return root;
}

describe("readWorkerScript", () => {
  it("finds the worker beside io's own build, in the module's format", () => {
    const root = install("own", ["index.js", "index.cjs", "read-worker.js", "read-worker.cjs"]);
    const dist = join(root, "node_modules/@tablepipe/io/dist");
    expect(readWorkerScript(url(join(dist, "index.js")))).toBe(join(dist, "read-worker.js"));
    expect(readWorkerScript(url(join(dist, "index.cjs")))).toBe(join(dist, "read-worker.cjs"));
  });

  it("finds io's built worker through the package when io's code was bundled into another build", () => {
    const root = install("bundled", ["read-worker.js", "read-worker.cjs"]);
    const dist = join(root, "node_modules/@tablepipe/io/dist");
    expect(readWorkerScript(url(join(root, "app/dist/cli.js")))).toBe(join(dist, "read-worker.js"));
    expect(readWorkerScript(url(join(root, "app/dist/chunk-ABC.cjs")))).toBe(join(dist, "read-worker.cjs"));
  });

  it("is undefined from sources, and when io is not built", () => {
    const root = install("unbuilt", []);
    expect(
      readWorkerScript(url(join(root, "node_modules/@tablepipe/io/src/workers/worker-pool.ts"))),
    ).toBeUndefined();
    expect(readWorkerScript(url(join(root, "app/dist/cli.js")))).toBeUndefined();
    expect(readWorkerScript("node:worker_threads")).toBeUndefined();
  });
});
