import { groupKeyList } from "../group-key";
import { columnList } from "../select-list";
import { type BuiltInRendering, typesOf } from "../step-rendering";
import { groupedMeasures } from "./grouped-measures";
import { measureSql } from "./measure-sql";
import { OrderedSums } from "./ordered-sums";

/**
 * `aggregate`: `GROUP BY` (null keys form one group), groups at the position of their first row; with no
 * `by`, one row even for an empty input. A measure's cast that can fail is checked by the step's `WHERE` on every
 * row, as in process, whether a later step reads the measure or not, and fails with the in-process error naming
 * the measure and the row (the failure probe); a measure casting a string to a time stamp runs in process.
 */
export const renderAggregate: BuiltInRendering = (params, c, known) => {
  const grouped = groupedMeasures("aggregate", params, c, known);
  if (grouped === undefined) return undefined;
  // a cast that can fail is checked in the WHERE, before the grouping: the engine prunes an unread measure
  const { by, measures, measureTypes, where, probe } = grouped;
  const sums = new OrderedSums(c, by);
  const items = Object.entries(measures).map(
    ([name, m]) => `${measureSql(m, c, known.types, sums)} AS ${c.quote(name)}`,
  );
  const from = sums.from(where);
  const columns = [...by, ...Object.keys(measures)];
  const types = typesOf(known.types, columns, measureTypes);
  if (by.length === 0) {
    const list = [...items, `0 AS ${c.rowOrder}`].join(", ");
    return { sql: `SELECT ${list} FROM ${from}`, columns, types, ...probe };
  }
  const keys = columnList(c, by);
  const list = [groupKeyList(c, by, known.types), ...items, `min(${c.rowOrder}) AS ${c.rowOrder}`].join(", ");
  return { sql: `SELECT ${list} FROM ${from} GROUP BY ${keys}`, columns, types, ...probe };
};
