import { type BuiltInRendering, typesOf } from "../step-rendering";
import { groupedMeasures } from "./grouped-measures";
import { measureSql } from "./measure-sql";
import { OrderedSums } from "./ordered-sums";

/** The aliases of the rows and of their groups' measures where they are joined. */
const [ROWS, GROUPS] = ["__tablepipe_rows", "__tablepipe_groups"] as const;

/**
 * `addGroupMeasures`: `aggregate`'s measures (the same SQL: sums in row order, stddev as in process) by a
 * `GROUP BY` of the keys, joined back to the rows whose keys they are (`IS NOT DISTINCT FROM`: a null key
 * matches a null, `-0` matches `0`, as the `GROUP BY` groups them); rows keep their order, a measure named like
 * an input column takes its place. A measure's cast that can fail is checked in the grouping's `WHERE`, as
 * `aggregate` checks it; a measure named like a key, or one the in-process step refuses, is left to that step.
 */
export const renderAddGroupMeasures: BuiltInRendering = (params, c, known) => {
  const grouped = groupedMeasures("addGroupMeasures", params, c, known);
  if (grouped === undefined) return undefined;
  const { by, measures, measureTypes, where, probe } = grouped;
  const q = (name: string) => c.quote(name);
  const keys = by.map((key, i) => ({ key: q(key), alias: q(`__tablepipe_key${i}`) }));
  const sums = new OrderedSums(c, by);
  const items = Object.entries(measures).map(
    ([name, m]) => `${measureSql(m, c, known.types, sums)} AS ${q(name)}`,
  );
  const groupBy = keys.length > 0 ? ` GROUP BY ${keys.map(({ key }) => key).join(", ")}` : "";
  const stats = `SELECT ${[...keys.map(({ key, alias }) => `${key} AS ${alias}`), ...items].join(", ")} FROM ${sums.from(where)}${groupBy}`;
  const on = keys.map(({ key, alias }) => `${q(ROWS)}.${key} IS NOT DISTINCT FROM ${q(GROUPS)}.${alias}`);
  const columns = [...c.columns];
  for (const name of Object.keys(measures)) if (!columns.includes(name)) columns.push(name);
  const list = [
    ...columns.map((name) => `${Object.hasOwn(measures, name) ? q(GROUPS) : q(ROWS)}.${q(name)}`),
    `${q(ROWS)}.${c.rowOrder}`,
  ];
  return {
    sql: `SELECT ${list.join(", ")} FROM ${c.input} AS ${q(ROWS)} JOIN (${stats}) AS ${q(GROUPS)} ON ${on.length > 0 ? on.join(" AND ") : "TRUE"}`,
    columns,
    types: typesOf(known.types, columns, measureTypes),
    ...probe,
  };
};
