/** An expression cannot be evaluated on a table: wrong kinds of values, or a value a cast cannot convert. */
export class ExpressionError extends Error {
  /** Bad input, not a bug: the CLI prints the message alone. */
  readonly userFacing = true as const;
  override readonly name = "ExpressionError";
  constructor(
    /** The step (transform) evaluating the expression. */
    readonly step: string,
    /** The (sub-)expression at fault, as text. */
    readonly expression: string,
    /** What was expected, and what is there. */
    readonly detail: string,
  ) {
    super(`${step}: ${expression}: ${detail}`);
  }
}
