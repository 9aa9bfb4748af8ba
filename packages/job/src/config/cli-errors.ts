import { isLogLevelEnabled } from "../log/logger";
import { ConfigError } from "./errors";

/** An error meant for the person at the command line: its message alone says what to fix. */
export interface UserFacingError extends Error {
  readonly userFacing: true;
  /** Process exit code; default 1. */
  readonly exitCode?: number;
}

/** True for errors that print as their message alone: `userFacing: true`, and Node's file-system errors. */
export function isUserFacingError(error: unknown): error is UserFacingError {
  if (!(error instanceof Error)) return false;
  if ((error as { userFacing?: unknown }).userFacing === true) return true;
  const { code, syscall } = error as { code?: unknown; syscall?: unknown };
  return typeof code === "string" && /^E[A-Z]+$/.test(code) && typeof syscall === "string";
}

/** What {@link describeCliError} prints and the exit code that goes with it. */
export interface CliErrorReport {
  /** The text after "program: ", one line unless a stack trace was asked for. */
  text: string;
  exitCode: number;
}

/**
 * How the CLI reports an error: config errors and user-facing errors as one line (exit 2 and 1), other
 * errors with their name, and their stack only when `DEBUG` is set or the log level is debug.
 */
export function describeCliError(error: unknown, env: NodeJS.ProcessEnv = process.env): CliErrorReport {
  if (error instanceof ConfigError) return { text: oneLine(error.message), exitCode: error.exitCode };
  if (isUserFacingError(error)) {
    const code = error.exitCode;
    return { text: oneLine(error.message), exitCode: typeof code === "number" && code > 0 ? code : 1 };
  }
  const debug = isDebug(env);
  if (error instanceof Error) {
    const head = `${error.name}: ${oneLine(error.message)}`;
    if (debug)
      return {
        text: error.stack?.includes(error.message) ? error.stack : `${head}\n${error.stack ?? ""}`,
        exitCode: 1,
      };
    return { text: `${head} (set DEBUG=1 or --log-level debug for the stack trace)`, exitCode: 1 };
  }
  return { text: `uncaught ${typeof error}: ${oneLine(String(error))}`, exitCode: 1 };
}

function isDebug(env: NodeJS.ProcessEnv): boolean {
  const flag = env.DEBUG;
  return (
    (flag !== undefined && flag !== "" && flag !== "0" && flag !== "false") || isLogLevelEnabled("debug")
  );
}

function oneLine(text: string): string {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join(" ");
}
