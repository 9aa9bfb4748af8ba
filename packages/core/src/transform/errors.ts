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

/** A step needs a column of one type, but the table's column has another (found by the pre-flight). */
export class ColumnTypeError extends Error {
  /** Bad input, not a bug: the CLI prints the message alone. */
  readonly userFacing = true as const;
  override readonly name = "ColumnTypeError";
  constructor(
    /** The step, as a path through composed transforms. */
    readonly step: string,
    /** The column whose type does not fit. */
    readonly column: string,
    /** The type(s) the step accepts, as text: `timestamp`, `int or float`. */
    readonly expected: string,
    /** The column's type when the step runs, as text: `string`, `float (nullable)`. */
    readonly found: string,
    /** What to do about it, appended to the message (e.g. how to declare a column's type). */
    readonly hint?: string,
  ) {
    super(
      `step "${step}" needs column "${column}" (${expected}), but it is ${found}` +
        (hint === undefined ? "" : `; ${hint}`),
    );
  }
}

/** A step adds a column the table already has, and does not declare that it replaces it. */
export class ColumnExistsError extends Error {
  /** Bad input, not a bug: the CLI prints the message alone. */
  readonly userFacing = true as const;
  override readonly name = "ColumnExistsError";
  constructor(
    /** The step, as a path through composed transforms. */
    readonly step: string,
    /** The column it would overwrite. */
    readonly column: string,
    /** The existing column's type, as text. */
    readonly found: string,
  ) {
    super(
      `step "${step}" adds column "${column}", but the table already has "${column}" (${found}); ` +
        `name the output otherwise, or drop or rename "${column}" first`,
    );
  }
}

/** A table's values do not match the schema it was given (`typedTable`). */
export class SchemaMismatchError extends Error {
  /** Bad input, not a bug: the CLI prints the message alone. */
  readonly userFacing = true as const;
  override readonly name = "SchemaMismatchError";
}
