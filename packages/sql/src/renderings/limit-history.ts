import { daysFromCivil } from "@tablepipe/core";
import { stringParam } from "../param-values";
import { keepingColumns } from "../step-rendering";

const MS_PER_DAY = 86_400_000;

/** Epoch milliseconds of the first instant of the month after the `yyyyMM` month. */
function startOfNextMonth(month: string): number {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(4, 6));
  return (index === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, index + 1, 1)) * MS_PER_DAY;
}

/** `limitHistory`: the month window as an interval of instants, `[start of after+1, start of through+1)`. */
export const renderLimitHistory = keepingColumns((params, c) => {
  const column = c.quote(stringParam(params, "column"));
  const stamp = (ms: number): string => c.expr({ kind: "literal", value: ms, timestamp: true });
  const from = stamp(startOfNextMonth(stringParam(params, "after")));
  const until = stamp(startOfNextMonth(stringParam(params, "through")));
  return `SELECT * FROM ${c.input} WHERE ${column} >= ${from} AND ${column} < ${until}`;
});
