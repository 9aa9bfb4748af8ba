/** What a column-valued parameter means to the column contract. */
export type ColumnRole = "needs" | "adds" | "removes";

/** A parameter that names one column (or a list of columns), with a default name. */
export interface ColumnParam<
  R extends ColumnRole = ColumnRole,
  D extends string | readonly string[] = string,
> {
  readonly role: R;
  readonly defaultValue: D;
  readonly list: D extends readonly string[] ? true : false;
}

/** The column parameters of a transform, keyed by parameter name. */
export type ColumnParams = Record<string, ColumnParam<ColumnRole, string | readonly string[]>>;

function columnParam<R extends ColumnRole, const D extends string | readonly string[]>(
  role: R,
  defaultValue: D,
): ColumnParam<R, D> {
  return { role, defaultValue, list: Array.isArray(defaultValue) } as ColumnParam<R, D>;
}

/** A parameter naming a column the transform reads: `{ column: needs("pickup_datetime") }`. */
export function needs<const D extends string>(defaultName: D): ColumnParam<"needs", D> {
  return columnParam("needs", defaultName);
}

/** A parameter naming several columns the transform reads: `{ keys: needsEach(["pickup_location_id"]) }`. */
export function needsEach<const D extends readonly string[]>(defaultNames: D): ColumnParam<"needs", D> {
  return columnParam("needs", defaultNames);
}

/** A parameter naming a column the transform creates (or overwrites): `{ output: adds("month") }`. */
export function adds<const D extends string>(defaultName: D): ColumnParam<"adds", D> {
  return columnParam("adds", defaultName);
}

/** A parameter naming a column the transform drops: `{ column: removes("row_number") }`. */
export function removes<const D extends string>(defaultName: D): ColumnParam<"removes", D> {
  return columnParam("removes", defaultName);
}
