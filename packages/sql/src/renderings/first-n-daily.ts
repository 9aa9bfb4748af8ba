import { numberParam, stringParam } from "../param-values";
import { sortKey } from "../sort-key";
import { keepingColumns } from "../step-rendering";
import { firstNPerPartition, firstNRowOrder } from "./first-n";

/** `firstNDaily`: the first `n` rows per key and wall-clock calendar day, by the time stamp. */
export const renderFirstNDaily = keepingColumns((params, c, known) => {
  const key = stringParam(params, "key");
  const timestamp = stringParam(params, "timestamp");
  const day = c.expr({ kind: "trunc", unit: "day", arg: { kind: "column", name: timestamp } });
  return firstNPerPartition(
    c,
    {
      partition: [sortKey(c, key, known.types), day],
      order: [{ column: timestamp }],
      skipInTieBreak: [key],
      n: numberParam(params, "n"),
    },
    known.types,
  );
}, firstNRowOrder);
