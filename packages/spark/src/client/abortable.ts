import { interruptedError } from "./errors";

/** A call under way, as far as stopping it goes: its local stream can be cancelled. */
export interface CancellableCall {
  cancel(): void;
}

/** How {@link abortable} settles the call it started. */
export interface CallSettlers<T> {
  readonly resolve: (value: T) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Run the call `start` makes until it settles, or until `signal` is aborted: then the server is told to stop
 * (`interrupt`, awaited, its failure ignored), the local stream is cancelled, and the promise rejects with a
 * `SparkQueryError` of kind `interrupted` naming `what`, whatever the call does afterwards. An already aborted
 * `signal` rejects so without starting the call.
 */
export function abortable<T>(
  what: string,
  signal: AbortSignal | undefined,
  start: (settle: CallSettlers<T>) => CancellableCall,
  interrupt: () => Promise<unknown> = () => Promise.resolve(),
): Promise<T> {
  if (signal?.aborted === true) return Promise.reject(interruptedError(what, signal.reason));
  return new Promise<T>((resolve, reject) => {
    let stopped = false;
    let call: CancellableCall | undefined;
    const stop = (): void => {
      stopped = true;
      const server = interrupt().catch(() => undefined);
      call?.cancel();
      void server.then(() => reject(interruptedError(what, signal?.reason)));
    };
    const unlessStopped =
      <A>(settle: (value: A) => void) =>
      (value: A): void => {
        signal?.removeEventListener("abort", stop);
        if (!stopped) settle(value);
      };
    call = start({ resolve: unlessStopped(resolve), reject: unlessStopped(reject) });
    signal?.addEventListener("abort", stop, { once: true });
  });
}
