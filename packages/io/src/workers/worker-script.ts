/** Where a parallel read finds its built worker script, wherever io's code was bundled. */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The built read worker (`read-worker.js`, or `.cjs` from a CommonJS module) for code running as the module at
 * `moduleUrl`: beside it in io's own build; else io's build found through the package, when io was bundled into
 * another package's build (the tip-model CLI); undefined from sources (a `.ts` module: the calling thread
 * parses) or when neither exists.
 * @example readWorkerScript(import.meta.url) // "/…/node_modules/@tablepipe/io/dist/read-worker.js"
 */
export function readWorkerScript(moduleUrl: string): string | undefined {
  let here: string;
  try {
    here = fileURLToPath(moduleUrl);
  } catch {
    return undefined;
  }
  if (!/\.[cm]?js$/.test(here)) return undefined;
  const name = here.endsWith(".cjs") ? "read-worker.cjs" : "read-worker.js";
  const beside = join(dirname(here), name);
  if (beside !== here && existsSync(beside)) return beside;
  let manifest: string;
  try {
    manifest = createRequire(here).resolve("@tablepipe/io/package.json");
  } catch {
    return undefined;
  }
  const built = join(dirname(manifest), "dist", name);
  return existsSync(built) ? built : undefined;
}
