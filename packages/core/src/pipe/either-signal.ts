/**
 * The signal a run stops on, given an engine's own and the run's (`pipe.run({ engine, signal })`): the one given,
 * or one aborted when either is.
 * @example runOnDuckDb(pipe, { ...options, signal: eitherSignal(options.signal, run?.signal) })
 */
export function eitherSignal(
  a: AbortSignal | undefined,
  b: AbortSignal | undefined,
): AbortSignal | undefined {
  if (a === undefined || a === b) return b;
  return b === undefined ? a : AbortSignal.any([a, b]);
}
