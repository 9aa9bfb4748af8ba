/** A transform was called with a parameter that does not match its schema. */
export class TransformParamError extends Error {
  /** Bad input, not a bug: the CLI prints the message alone. */
  readonly userFacing = true as const;
  override readonly name = "TransformParamError";
  constructor(
    /** The transform's name. */
    readonly transform: string,
    /** The parameter's name ("" when the whole params object is wrong). */
    readonly param: string,
    /** What was expected, and what was given. */
    readonly detail: string,
  ) {
    super(param ? `${transform}: param "${param}": ${detail}` : `${transform}: ${detail}`);
  }
}

/** A step needs columns that the table will not have when the step runs. */
export class MissingColumnsError extends Error {
  /** Bad input, not a bug: the CLI prints the message alone. */
  readonly userFacing = true as const;
  override readonly name = "MissingColumnsError";
  constructor(
    /** The step, as a path through composed transforms: `filterData > limitHistory`. */
    readonly step: string,
    /** The columns the step needs but will not find. */
    readonly missing: readonly string[],
    /** The columns that will exist when the step runs. */
    readonly available: readonly string[],
  ) {
    const plural = missing.length === 1 ? "column" : "columns";
    super(
      `${step}: missing ${plural} ${missing.map((c) => `"${c}"`).join(", ")}; ` +
        `available: ${available.length > 0 ? available.join(", ") : "(none)"}`,
    );
  }
}

/** A transform's implementation broke its own column contract (a bug in the transform, not in the data). */
export class ContractViolationError extends Error {
  override readonly name = "ContractViolationError";
}
