import type { MeasureNode } from "@tablepipe/core";
import { groupKeyList } from "../group-key";
import { stringsParam } from "../param-values";
import { columnList } from "../select-list";
import { type BuiltInRendering, typesOf } from "../step-rendering";
import { exprsCastChecks } from "./cast-checks";
import { castWhere } from "./guarded-select";
import { measureAccepted, measureSql, measureType } from "./measure-sql";
import { OrderedSums } from "./ordered-sums";

/**
 * `aggregate`: `GROUP BY` (null keys form one group), groups at the position of their first row; with no
 * `by`, one row even for an empty input. A measure's cast that can fail is checked by the step's `WHERE` on every
 * row, as in process, whether a later step reads the measure or not, and fails with the in-process error naming
 * the measure and the row (the failure probe); a measure casting a string to a time stamp runs in process.
 */
export const renderAggregate: BuiltInRendering = (params, c, known) => {
  const by = [...new Set(stringsParam(params, "by"))];
  const measures = params.measures as Readonly<Record<string, MeasureNode>>;
  if (by.some((name) => Object.hasOwn(measures, name))) return undefined; // the in-process step names the error
  // a measure in process refuses (`sum` of strings): the step runs there and fails with its own error
  if (Object.values(measures).some((m) => !measureAccepted(m, known.types))) return undefined;
  const checks = exprsCastChecks(
    c,
    Object.entries(measures).map(([name, m]) => [`aggregate: measure "${name}"`, m.of] as const),
    known.types,
  );
  if (checks === undefined) return undefined;
  // a cast that can fail is checked in the WHERE, before the grouping: the engine prunes an unread measure
  const { where, probe } = castWhere(c, checks);
  const sums = new OrderedSums(c, by);
  const items = Object.entries(measures).map(
    ([name, m]) => `${measureSql(m, c, known.types, sums)} AS ${c.quote(name)}`,
  );
  const from = sums.from(where);
  const columns = [...by, ...Object.keys(measures)];
  const added = Object.fromEntries(
    Object.entries(measures).map(([name, m]) => [name, measureType(m, known.types)]),
  );
  const types = typesOf(known.types, columns, added);
  if (by.length === 0) {
    const list = [...items, `0 AS ${c.rowOrder}`].join(", ");
    return { sql: `SELECT ${list} FROM ${from}`, columns, types, ...probe };
  }
  const keys = columnList(c, by);
  const list = [groupKeyList(c, by, known.types), ...items, `min(${c.rowOrder}) AS ${c.rowOrder}`].join(", ");
  return { sql: `SELECT ${list} FROM ${from} GROUP BY ${keys}`, columns, types, ...probe };
};
