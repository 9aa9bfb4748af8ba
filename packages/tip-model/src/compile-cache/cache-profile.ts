/** Flags after which the CLI prints and exits. */
const PRINT_AND_EXIT = new Set(["-h", "--help", "-V", "--version", "--print-config"]);

/** The CLI's commands; a first argument that is none of them (a flag) runs the default, `run`. */
const COMMANDS = new Set(["run", "prepare", "sample"]);

/**
 * Which code a command line exercises, as the key of its compile cache: the command and the `--engine` flag
 * (each engine compiles its own code), e.g. `run.duckdb`; `print` for a command line that only prints (help, the
 * version, the config), whose small cache loads faster than a run's and would make a poor one for a run.
 * @example compileCacheProfile(["run", "--engine", "duckdb"]) // "run.duckdb"
 */
export function compileCacheProfile(args: readonly string[]): string {
  if (args[0] === "help" || args.some((arg) => PRINT_AND_EXIT.has(arg))) return "print";
  const first = args[0];
  const command = first !== undefined && COMMANDS.has(first) ? first : "run";
  let engine = "default";
  for (const [i, arg] of args.entries()) {
    if (arg === "--engine") engine = args[i + 1] ?? engine;
    else if (arg.startsWith("--engine=")) engine = arg.slice("--engine=".length);
  }
  // the key is part of a file name: plain characters only
  return `${command}.${engine}`.replace(/[^A-Za-z0-9._-]/g, "_");
}
