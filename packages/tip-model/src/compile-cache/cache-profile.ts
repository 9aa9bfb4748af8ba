/** Flags after which the CLI prints and exits: a run with one of them compiles too little to be worth caching. */
const PRINT_AND_EXIT = new Set(["-h", "--help", "-V", "--version", "--print-config"]);

/** The CLI's commands; a first argument that is none of them (a flag) runs the default, `run`. */
const COMMANDS = new Set(["run", "prepare", "sample"]);

/** Which cached code a command line uses, and whether it may write its own when there is none. */
export interface CompileCacheProfile {
  /** The cache's key: the command and the engine, e.g. `run.duckdb`. */
  readonly profile: string;
  /** False for a command line that only prints (help, the version, the config). */
  readonly save: boolean;
}

/**
 * Which code a command line exercises, as a cache key: the command and the `--engine` flag (each engine compiles
 * its own code). A command line that only prints (help, the version, the config) reads the default run's cache
 * but never writes one: what it compiles would make a poor cache for the runs after it.
 * @example compileCacheProfile(["run", "--engine", "duckdb"]) // { profile: "run.duckdb", save: true }
 */
export function compileCacheProfile(args: readonly string[]): CompileCacheProfile {
  if (args[0] === "help" || args.some((arg) => PRINT_AND_EXIT.has(arg))) {
    return { profile: "run.default", save: false };
  }
  const first = args[0];
  const command = first !== undefined && COMMANDS.has(first) ? first : "run";
  let engine = "default";
  for (const [i, arg] of args.entries()) {
    if (arg === "--engine") engine = args[i + 1] ?? engine;
    else if (arg.startsWith("--engine=")) engine = arg.slice("--engine=".length);
  }
  // the key is part of a file name: plain characters only
  return { profile: `${command}.${engine}`.replace(/[^A-Za-z0-9._-]/g, "_"), save: true };
}
