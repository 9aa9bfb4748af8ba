/** A CLI's output to a reader that went away (`program --help | head -1`): the process ends quietly. */

/** The process streams already guarded. */
const guarded = new WeakSet<NodeJS.WriteStream>();

/**
 * When `stream` (process.stdout or process.stderr) fails with EPIPE because its reader closed the pipe, stop
 * writing and exit with the exit code so far (`process.exitCode`, else 0), as a program piped into `head` should,
 * instead of an unhandled 'error' event with a stack trace. Any other error is thrown as before, unless someone
 * else listens for it. Idempotent.
 */
export function exitOnClosedPipe(stream: NodeJS.WriteStream): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    if (stream.listenerCount("error") === 1) throw error;
  });
}
