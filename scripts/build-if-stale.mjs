// Build the packages only when a source changed since the last build, and say so while building:
// `pnpm tip-model` runs this first, so a second call starts at once.
// A package's build is stale when its dist/index.js is missing or older than any file under its src/, its
// package.json or its tsup config: the build's own output is the stamp, so `pnpm build` run any other way counts.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const packages = readdirSync(join(root, "packages")).map((name) => join(root, "packages", name));

/** The newest modification time under `path` (a file or a folder), in ms; 0 when absent. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function staleReason() {
  for (const dir of packages) {
    const output = join(dir, "dist", "index.js");
    if (!existsSync(output)) return `${dir.slice(root.length + 1)} is not built yet`;
    const built = statSync(output).mtimeMs;
    for (const input of ["src", "package.json", "tsup.config.ts"]) {
      if (newest(join(dir, input)) > built) return `${dir.slice(root.length + 1)}/${input} changed`;
    }
  }
  return undefined;
}

const reason = staleReason();
if (reason !== undefined) {
  process.stderr.write(`tablepipe: building the packages (${reason}; about 30 s)…\n`);
  const started = Date.now();
  // the pnpm that runs this script (`pnpm tip-model`), else the one on the PATH
  const pnpm = process.env.npm_execpath;
  const [command, prefix] = pnpm?.match(/\.[cm]?js$/) ? [process.execPath, [pnpm]] : ["pnpm", []];
  const build = spawnSync(command, [...prefix, "run", "--silent", "build"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (build.status !== 0) {
    const why = build.error === undefined ? "errors above" : build.error.message;
    process.stderr.write(`tablepipe: the build failed (${why})\n`);
    process.exit(build.status ?? 1);
  }
  process.stderr.write(`tablepipe: built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
