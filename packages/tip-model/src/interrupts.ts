import { stopOnInterrupt } from "@tablepipe/io";
import { getLogger } from "@tablepipe/job";

/**
 * Run a command's work so that Ctrl-C (SIGINT) or SIGTERM stops it cleanly (`stopOnInterrupt` of @tablepipe/io):
 * the interrupt is logged, the job stops at its next check, its temporary files, lock and a folder it created
 * and left empty are removed, and the process ends as the signal says (exit status 130 for SIGINT).
 * @example await interruptible((signal) => new TipAmountModel(config, { signal }).run());
 */
export function interruptible<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  return stopOnInterrupt((signal) => {
    signal.addEventListener(
      "abort",
      () => {
        const reason: unknown = signal.reason;
        const what = reason instanceof Error ? reason.message : String(reason);
        getLogger("tip-model").warn(`${what}: stopping at the next step (interrupt again to stop at once)`);
      },
      { once: true },
    );
    return work(signal);
  });
}
