import { type CastType, SQL_DIALECTS, type SqlStepContext } from "@tablepipe/core";
import { type BuiltInRendering, type KnownTypes, typesOf } from "../step-rendering";
import { type CastCheck, castCheck } from "./cast-checks";
import { booleanWord, stringCastTest } from "./cast-text";
import { guardedSelect } from "./guarded-select";

/** Where the in-process error of a column's cast says it failed. */
const whereOf = (name: string): string => `castColumns: column "${name}"`;

/** The checks of the columns' casts that can fail (of strings to numbers or booleans, floats to ints), in the params' order. */
function columnChecks(
  c: SqlStepContext,
  casts: Readonly<Record<string, CastType>>,
  types: KnownTypes,
): CastCheck[] {
  return Object.entries(casts).flatMap(([name, to]) => {
    const node = { kind: "cast", to, arg: { kind: "column", name } } as const;
    const check = castCheck(c, whereOf(name), node, c.quote(name), types[name]);
    return check === undefined ? [] : [check];
  });
}

/** `CAST(sql AS to)` with the dialect's rule for the type (`int` truncates), as the expression `cast` renders. */
function castOf(c: SqlStepContext, to: CastType, sql: string): string {
  const slot = "\u0000cast argument";
  return c.expr({ kind: "cast", to, arg: { kind: "column", name: slot } }).replace(c.quote(slot), sql);
}

/**
 * One column's cast as in process (`castVector`), or undefined when its type is unknown or the pair has no
 * rendering (a time stamp to string or boolean, a boolean or string to a time stamp). A cell that does not
 * convert never gets here: the step's `WHERE` (its check) stopped the query on it.
 */
function castSql(
  c: SqlStepContext,
  name: string,
  from: CastType | undefined,
  to: CastType,
): string | undefined {
  const d = SQL_DIALECTS[c.dialect];
  const cell = c.quote(name);
  const plain = c.expr({ kind: "cast", to, arg: { kind: "column", name } });
  if (from === undefined) return undefined;
  if (from === to) return cell;
  const isNumber = from === "int" || from === "float";
  const test = stringCastTest(c, cell, from, to);
  switch (to) {
    case "int":
    case "float": {
      if (isNumber || from === "boolean") return plain;
      if (from === "timestamp") return castOf(c, to, d.epochMillis(cell));
      if (test === undefined) return undefined;
      return castOf(c, to, `CAST(${d.trimBlanks(cell)} AS ${d.types.float})`);
    }
    case "string":
      if (isNumber) return d.numberText(cell);
      return from === "boolean" ? plain : undefined; // a time stamp is epoch-ms text in process
    case "boolean": {
      if (isNumber) return plain;
      if (test === undefined) return undefined;
      return `(${booleanWord(c, cell)} = 'true')`;
    }
    case "timestamp":
      return isNumber ? d.timestampFromMillis(cell) : undefined;
  }
}

/**
 * `castColumns`: each column converted in place with the in-process rules (text read as JavaScript reads a
 * decimal number, `true`/`false` in any case, a time stamp to epoch milliseconds and back; a value that does
 * not convert stops the query with an error naming the column and value, and the engine's failure probe finds
 * the row in process names). The error is raised by the step's `WHERE`, not its select list, so it stands when
 * no later step reads the column and the engine prunes the cast; without a cast that can fail there is no
 * `WHERE`. Declines when a column's type is unknown, or for a time stamp to string or boolean
 * and a string or boolean to a time stamp.
 */
export const renderCastColumns: BuiltInRendering = (params, c, known) => {
  const casts = params.columns as Readonly<Record<string, CastType>>;
  const computed: Record<string, string> = {};
  for (const [name, to] of Object.entries(casts)) {
    const sql = castSql(c, name, known.types[name], to);
    if (sql === undefined) return undefined;
    computed[name] = sql;
  }
  const step = guardedSelect(c, computed, columnChecks(c, casts, known.types));
  return { ...step, types: typesOf(known.types, step.columns, casts) };
};
