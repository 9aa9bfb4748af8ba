import { rmSync } from "node:fs";

const pending = new Set<string>();
const SIGNALS = ["SIGINT", "SIGTERM"] as const;

function cleanUpAndReraise(signal: NodeJS.Signals): void {
  for (const path of pending) {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // best effort: the next run sweeps what is left
    }
  }
  pending.clear();
  for (const s of SIGNALS) process.removeListener(s, cleanUpAndReraise);
  process.kill(process.pid, signal); // the default action now: the process ends as the signal says
}

/**
 * Remove `path` if the process is interrupted (SIGINT, SIGTERM) before {@link forgetOnInterrupt} is called;
 * the signal then ends the process as it would have.
 */
export function removeOnInterrupt(path: string): void {
  if (pending.size === 0) for (const s of SIGNALS) process.on(s, cleanUpAndReraise);
  pending.add(path);
}

/** Stop tracking `path` (it was renamed into place or removed). */
export function forgetOnInterrupt(path: string): void {
  if (!pending.delete(path) || pending.size > 0) return;
  for (const s of SIGNALS) process.removeListener(s, cleanUpAndReraise);
}

/** The paths that an interrupt would remove now (for tests). */
export function pendingOnInterrupt(): readonly string[] {
  return [...pending];
}
