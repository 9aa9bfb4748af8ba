import { readFileSync, rmdirSync, rmSync } from "node:fs";
import { constants } from "node:os";
import { InterruptedError } from "../errors";

/**
 * What an interrupt does with a registered path: remove it whole, only when it is an empty folder, or only when
 * it is a file holding this process's pid (a lock another run may have taken over).
 */
export type InterruptRemoval = "whole" | "if-empty" | "if-ours";

const SIGNALS = ["SIGINT", "SIGTERM"] as const;
const pending = new Map<string, InterruptRemoval>();
/** The open {@link stopOnInterrupt} scope: the controller it aborts, and the signal that aborted it. */
let scope: { readonly controller: AbortController; received: NodeJS.Signals | undefined } | undefined;
let listening = false;

/** Remove the registered paths: files and temporary folders first, then the empty folders, deepest first. */
function removePending(): void {
  const entries = [...pending];
  pending.clear();
  for (const [path, removal] of entries) {
    if (removal === "if-empty" || (removal === "if-ours" && !holdsThisPid(path))) continue;
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // best effort: the next run sweeps what is left
    }
  }
  const folders = entries.filter(([, removal]) => removal === "if-empty").map(([path]) => path);
  for (const folder of folders.sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(folder); // fails, and so keeps the folder, when anything is in it
    } catch {
      // not empty, or gone already
    }
  }
}

/** Whether the file at `path` holds this process's pid (a lock it took), read as its lock holds it. */
function holdsThisPid(path: string): boolean {
  try {
    return readFileSync(path, "utf8").trim() === String(process.pid);
  } catch {
    return false;
  }
}

/** Start or stop listening to the signals, as there is something to do on one. */
function updateListening(): void {
  const wanted = pending.size > 0 || scope !== undefined;
  if (wanted === listening) return;
  listening = wanted;
  for (const s of SIGNALS) {
    if (wanted) process.on(s, onSignal);
    else process.removeListener(s, onSignal);
  }
}

/** Remove the registered paths, then end the process as `signal` says (its default action, no listener left). */
function endAsTheSignalSays(signal: NodeJS.Signals): void {
  removePending();
  scope = undefined;
  updateListening();
  // should a listener of someone else's keep the process alive, it still exits with the shell's status for the signal
  process.exitCode = 128 + constants.signals[signal];
  process.kill(process.pid, signal);
}

function onSignal(signal: NodeJS.Signals): void {
  if (scope !== undefined && scope.received === undefined) {
    scope.received = signal;
    scope.controller.abort(new InterruptedError(signal));
    return;
  }
  endAsTheSignalSays(signal);
}

/**
 * Remove `path` if the process is interrupted (SIGINT, SIGTERM) before {@link forgetOnInterrupt} is called:
 * whole (a temporary file), `"if-empty"` (a folder the run created: removed only when nothing is in it), or
 * `"if-ours"` (a lock file: removed only while it holds this process's pid). The signal then ends the process as
 * it would have.
 */
export function removeOnInterrupt(path: string, removal: InterruptRemoval = "whole"): void {
  pending.set(path, removal);
  updateListening();
}

/** Stop tracking `path` (it was renamed into place or removed). */
export function forgetOnInterrupt(path: string): void {
  if (pending.delete(path)) updateListening();
}

/** The paths that an interrupt would remove now (for tests). */
export function pendingOnInterrupt(): readonly string[] {
  return [...pending.keys()];
}

/**
 * Run `body` so that an interrupt stops it cleanly: the first SIGINT or SIGTERM aborts the signal `body` is
 * given (its reason an {@link InterruptedError}) instead of ending the process, so the work stops at its next
 * check and its `finally` blocks run (locks released, temporary files removed, a folder it created and left
 * empty removed); then the process ends as the signal says (exit status 130 for SIGINT). A second signal ends
 * it at once, after removing the registered temporary files. Without an interrupt, resolves or rejects as
 * `body` does. Inside another call, `body` gets the outer call's signal.
 * @example await stopOnInterrupt((signal) => new TipAmountModel(config, { signal }).run());
 */
export async function stopOnInterrupt<T>(body: (signal: AbortSignal) => Promise<T>): Promise<T> {
  if (scope !== undefined) return body(scope.controller.signal);
  const own = { controller: new AbortController(), received: undefined as NodeJS.Signals | undefined };
  scope = own;
  updateListening();
  let outcome: { readonly value: T } | undefined;
  try {
    outcome = { value: await body(own.controller.signal) };
  } catch (error) {
    if (own.received === undefined) throw error;
  } finally {
    if (scope === own) scope = undefined;
    updateListening();
  }
  if (own.received === undefined) return (outcome as { readonly value: T }).value;
  endAsTheSignalSays(own.received);
  return new Promise<never>(() => {}); // the signal ends the process
}
