/** A predicted-vs-actual pair of one test row. */
export interface PredictionPoint {
  readonly actual: number;
  readonly predicted: number;
}

/** The points drawn, and how many rows they stand for. */
export interface PredictionSample {
  readonly points: readonly PredictionPoint[];
  /** Rows with a finite actual and predicted value. */
  readonly finiteRows: number;
  /** Rows left out because a value was NaN or infinite. */
  readonly nonFiniteRows: number;
}

/**
 * At most `max` indices spread evenly over `0..length-1`, ascending, always including the first and (when
 * `max` >= 2) the last; all indices when `length <= max`. Deterministic: no randomness.
 */
export function evenlySpacedIndices(length: number, max: number): number[] {
  const n = Math.max(0, Math.floor(length));
  const k = Math.max(0, Math.floor(max));
  if (n <= k) return Array.from({ length: n }, (_, i) => i);
  if (k === 0) return [];
  if (k === 1) return [0];
  const step = (n - 1) / (k - 1);
  return Array.from({ length: k }, (_, i) => Math.round(i * step));
}

/** Pair actual and predicted values, drop non-finite pairs and keep at most `max`, evenly spaced. */
export function samplePredictions(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  max: number,
): PredictionSample {
  if (actual.length !== predicted.length) {
    throw new RangeError(
      `predictions: actual has ${actual.length} values but predicted has ${predicted.length}; they must be index-aligned`,
    );
  }
  const finite: number[] = [];
  for (let i = 0; i < actual.length; i++) {
    if (Number.isFinite(actual[i]) && Number.isFinite(predicted[i])) finite.push(i);
  }
  const points = evenlySpacedIndices(finite.length, max).map((j) => {
    const row = finite[j]!;
    return { actual: actual[row]!, predicted: predicted[row]! };
  });
  return { points, finiteRows: finite.length, nonFiniteRows: actual.length - finite.length };
}
