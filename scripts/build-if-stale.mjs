// Build the packages only when a source changed since the last build, and say so while building:
// `pnpm tip-model` runs this first, so a second call starts at once.
// A build is stale when any file under packages/*/src, a package.json or a tsup config is newer than the
// stamp written after the last successful build (node_modules/.cache/tablepipe-build-stamp), or a dist/ is missing.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const stamp = join(root, "node_modules", ".cache", "tablepipe-build-stamp");
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
  if (!existsSync(stamp)) return "no build yet";
  const built = statSync(stamp).mtimeMs;
  for (const dir of packages) {
    if (!existsSync(join(dir, "dist"))) return `${dir.slice(root.length + 1)}/dist is missing`;
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
  const build = spawnSync("pnpm", ["run", "--silent", "build"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (build.status !== 0) {
    process.stderr.write("tablepipe: the build failed (errors above)\n");
    process.exit(build.status ?? 1);
  }
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  process.stderr.write(`tablepipe: built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
