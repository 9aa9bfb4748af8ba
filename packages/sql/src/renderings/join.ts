import { SQL_DIALECTS } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import { lookupLoadTypes } from "../lookup-load-types";
import { stringsParam } from "../param-values";
import { type BuiltInRendering, typesOf } from "../step-rendering";
import { oneToOneJoin } from "./join-one-to-one";
import { refuseRepeatedRightKey } from "./join-validate";
import { unmatchableJoinKeys } from "./key-kinds";

/**
 * `join`: inner, left, right and full joins number their rows by (left position, right position), so each left
 * row's matches follow the right's order, and a full or right join's unmatched right rows come last (no left
 * position), their keys coalesced from the right; semi and anti joins are the dialect's (`SqlDialect.existsJoin`). A
 * clashing column is left to the in-process step (`undefined`). `validate` checks the right table (in memory)
 * when the step is rendered, throwing the in-process step's error on a repeated key; `many-to-one` then renders
 * as a plain join, `one-to-one` as a left join whose query checks the left keys (`oneToOneJoin`), its failure
 * probe naming a repeated one as in process. A key whose two sides can never match (numbers against strings)
 * throws the in-process step's error; under `one-to-one`, which in process checks the left keys first, the
 * step declines then. The right table is loaded with its columns' types as the engine types them
 * (`lookupLoadTypes`: a key holding no value takes the left key's type; the step declines when that is
 * unknown), and its added columns keep those types.
 */
export const renderJoin: BuiltInRendering = (params, c, known) => {
  const keys = [...new Set(stringsParam(params, "on"))];
  const right = params.right as ColumnTable;
  const how = params.how as "inner" | "left" | "right" | "full" | "semi" | "anti";
  const validate = params.validate as "many-to-one" | "one-to-one" | undefined;
  if (keys.length === 0) return undefined;
  if (keys.some((key) => !right.columnNames().includes(key))) return undefined;
  const extra =
    how === "semi" || how === "anti" ? [] : right.columnNames().filter((name) => !keys.includes(name));
  if (extra.some((name) => c.columns.includes(name))) return undefined;
  if (validate !== undefined) refuseRepeatedRightKey(validate, keys, right);
  const unmatchable = unmatchableJoinKeys(keys, known.types, right);
  if (unmatchable !== undefined) {
    // in process a repeated left key fails first, which only the engine's rows show
    if (validate === "one-to-one") return undefined;
    throw unmatchable;
  }
  const keyTypes = Object.fromEntries(keys.map((key) => [key, known.types[key]]));
  const rightTypes = lookupLoadTypes(right, known.columnTypes, keyTypes);
  if (rightTypes === undefined) return undefined;
  const [l, r] = [c.quote("l"), c.quote("r")];
  const matches = keys.map((key) => `${l}.${c.quote(key)} = ${r}.${c.quote(key)}`).join(" AND ");
  const rightTable = c.quote(known.lookup(right, rightTypes));
  const columns = [...c.columns, ...extra];
  const types = { ...typesOf(known.types, c.columns), ...typesOf(rightTypes, extra) };
  if (validate === "one-to-one") {
    if (how === "full" || how === "right") return undefined; // its left keys are checked in process
    const checked = oneToOneJoin(c, { keys, how, extra, right: rightTable, types: known.types });
    return { ...checked, columns, types };
  }
  if (how === "semi" || how === "anti") {
    const from = SQL_DIALECTS[c.dialect].existsJoin(how, {
      left: `${c.input} AS ${l}`,
      right: rightTable,
      alias: r,
      on: matches,
    });
    return {
      sql: `SELECT ${l}.* FROM ${from}`,
      columns: c.columns,
      types: known.types,
    };
  }
  const leftColumn = (name: string): string =>
    (how === "full" || how === "right") && keys.includes(name)
      ? `COALESCE(${l}.${c.quote(name)}, ${r}.${c.quote(name)}) AS ${c.quote(name)}`
      : `${l}.${c.quote(name)}`;
  const list = [
    ...c.columns.map(leftColumn),
    ...extra.map((name) => `${r}.${c.quote(name)}`),
    `row_number() OVER (ORDER BY ${l}.${c.rowOrder} ASC NULLS LAST, ${r}.${c.rowOrder} ASC NULLS FIRST) AS ${c.rowOrder}`,
  ];
  const kinds = { inner: "JOIN", left: "LEFT JOIN", right: "RIGHT JOIN", full: "FULL JOIN" } as const;
  const kind = kinds[how];
  return {
    sql: `SELECT ${list.join(", ")} FROM ${c.input} AS ${l} ${kind} ${rightTable} AS ${r} ON ${matches}`,
    columns,
    types,
  };
};
