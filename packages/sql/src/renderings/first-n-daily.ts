import { numberParam, stringParam } from "../param-values";
import { keepingColumns } from "../step-rendering";
import { firstNPerPartition, firstNRowOrder } from "./first-n";

/** `firstNDaily`: the first `n` rows per key and wall-clock calendar day, by the time stamp. */
export const renderFirstNDaily = keepingColumns((params, c) => {
  const key = stringParam(params, "key");
  const timestamp = stringParam(params, "timestamp");
  const day = c.expr({ kind: "trunc", unit: "day", arg: { kind: "column", name: timestamp } });
  return firstNPerPartition(c, {
    partition: [c.quote(key), day],
    order: [{ column: timestamp }],
    skipInTieBreak: [key],
    n: numberParam(params, "n"),
  });
}, firstNRowOrder);
