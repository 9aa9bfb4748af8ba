import { type CastType, columnArray, isMissing } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import { declaredColumnType, inferColumnType } from "./infer-column-type";
import type { KnownTypes } from "./step-rendering";

/**
 * The type a lookup table (a right table, ...) declares for column `name`, else the engine's `columnTypes` one
 * (given for the source, it retypes no column the table declares); undefined for a column typed from its values.
 */
function givenLookupType(table: ColumnTable, name: string, columnTypes: KnownTypes): CastType | undefined {
  return declaredColumnType(table, name) ?? columnTypes[name];
}

/**
 * The types an engine loads a lookup table with, where given: the step's rendering's (`types`), else the
 * table's declared ones, else the engine's `columnTypes`; a column left out is typed from its values.
 */
export function lookupTypesOver(table: ColumnTable, types: KnownTypes, columnTypes: KnownTypes): KnownTypes {
  const given: Record<string, CastType> = {};
  for (const name of table.columnNames()) {
    const type = types[name] ?? givenLookupType(table, name, columnTypes);
    if (type !== undefined) given[name] = type;
  }
  return given;
}

/**
 * The type an engine loads column `name` of a lookup table with, as its loader decides it (see
 * {@link lookupTypesOver}, without a rendering's types); undefined when none tells (no value, or values of
 * two kinds).
 */
export function loadedColumnType(
  table: ColumnTable,
  name: string,
  columnTypes: KnownTypes,
): CastType | undefined {
  const given = givenLookupType(table, name, columnTypes);
  if (given !== undefined) return given;
  const found = inferColumnType(columnArray(table, name), name, undefined);
  return "type" in found ? found.type : undefined;
}

/**
 * The types to load a right or lookup table with (every column's, as the engine would load it), for a step
 * that matches its `keys` (key name to the other side's known type). A column that holds no value to tell its
 * type from gets one: a key the other side's type (every comparison with a null is null: nothing matches),
 * another column `string` (its cells are all missing). Undefined (the step declines) when such a key's other
 * side is of unknown type, or a column holds values of two kinds (the load would fail where in process it
 * does not).
 */
export function lookupLoadTypes(
  table: ColumnTable,
  columnTypes: KnownTypes,
  keys: Readonly<Record<string, CastType | undefined>>,
): KnownTypes | undefined {
  const types: Record<string, CastType> = {};
  for (const name of table.columnNames()) {
    const type = loadedColumnType(table, name, columnTypes) ?? typeOfEmpty(table, name, keys);
    if (type === undefined) return undefined;
    types[name] = type;
  }
  return types;
}

/** The type of a column holding no typed value: see {@link lookupLoadTypes}; undefined when none fits. */
function typeOfEmpty(
  table: ColumnTable,
  name: string,
  keys: Readonly<Record<string, CastType | undefined>>,
): CastType | undefined {
  const values = columnArray(table, name);
  for (let i = 0; i < values.length; ++i) if (!isMissing(values[i])) return undefined;
  return Object.hasOwn(keys, name) ? keys[name] : "string";
}
