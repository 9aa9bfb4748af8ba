/** What a column-valued parameter means to the column contract. */
export type ColumnRole = "needs" | "adds" | "removes";

/**
 * A parameter that names one column (or a list of columns). `D` is its default name(s); a required param
 * (`Q` true) has no default, and `D` is then just `string` or `readonly string[]`: the caller names the
 * column(s), and the compiler reads the names from the params the caller passes.
 */
export interface ColumnParam<
  R extends ColumnRole = ColumnRole,
  D extends string | readonly string[] = string | readonly string[],
  Q extends boolean = boolean,
> {
  readonly role: R;
  /** The default column name(s); `undefined` when the param is required. */
  readonly defaultValue: D | undefined;
  /** True when the param names a list of columns. */
  readonly list: boolean;
  /** True when the param has no default: leaving it out is a compile error and a run-time error naming it. */
  readonly required: Q;
}

/** A column parameter without a default name: the caller must name the column(s). */
export type RequiredColumnParam<
  R extends ColumnRole = ColumnRole,
  D extends string | readonly string[] = string,
> = ColumnParam<R, D, true>;

/** The column parameters of a transform, keyed by parameter name. */
export type ColumnParams = Record<string, ColumnParam>;

function columnParam<R extends ColumnRole, D extends string | readonly string[], Q extends boolean>(
  role: R,
  list: boolean,
  defaultValue: D | undefined,
): ColumnParam<R, D, Q> {
  return { role, defaultValue, list, required: defaultValue === undefined } as ColumnParam<R, D, Q>;
}

/**
 * A parameter naming a column the transform reads. Without an argument the param is required (general
 * transforms: no data set's names); with one, that name is its default.
 *
 * @example
 * { column: needs() }                  // required: limitHistory(trips, { column: "ordered_at", ... })
 * { column: needs("pickup_datetime") } // defaults to pickup_datetime
 */
export function needs(): RequiredColumnParam<"needs", string>;
export function needs<const D extends string>(defaultName: D): ColumnParam<"needs", D, false>;
export function needs(defaultName?: string): ColumnParam<"needs"> {
  return columnParam("needs", false, defaultName);
}

/**
 * A parameter naming several columns the transform reads; required without an argument.
 *
 * @example
 * { keys: needsEach() }      // required: firstNPerGroup(t, { keys: ["vendor_id"], ... })
 * { subset: needsEach([]) }  // defaults to no columns
 */
export function needsEach(): RequiredColumnParam<"needs", readonly string[]>;
export function needsEach<const D extends readonly string[]>(defaultNames: D): ColumnParam<"needs", D, false>;
export function needsEach(defaultNames?: readonly string[]): ColumnParam<"needs"> {
  return columnParam("needs", true, defaultNames);
}

/**
 * A parameter naming a column the transform creates (or overwrites); required without an argument.
 *
 * @example { output: adds("month") } // or adds() to make the caller name it
 */
export function adds(): RequiredColumnParam<"adds", string>;
export function adds<const D extends string>(defaultName: D): ColumnParam<"adds", D, false>;
export function adds(defaultName?: string): ColumnParam<"adds"> {
  return columnParam("adds", false, defaultName);
}

/**
 * A parameter naming a column the transform drops; required without an argument.
 *
 * @example { column: removes("row_number") } // or removes() to make the caller name it
 */
export function removes(): RequiredColumnParam<"removes", string>;
export function removes<const D extends string>(defaultName: D): ColumnParam<"removes", D, false>;
export function removes(defaultName?: string): ColumnParam<"removes"> {
  return columnParam("removes", false, defaultName);
}
