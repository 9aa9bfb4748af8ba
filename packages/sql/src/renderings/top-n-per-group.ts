import { numberParam, stringsParam } from "../param-values";
import { sortKey } from "../sort-key";
import { keepingColumns } from "../step-rendering";
import { firstNPerPartition, firstNRowOrder } from "./first-n";

/** `topNPerGroup`: the first `n` rows per key, each order column ascending or descending. */
export const renderTopNPerGroup = keepingColumns((params, c, known) => {
  const keys = stringsParam(params, "keys");
  const orderBy = stringsParam(params, "orderBy");
  const descending = stringsParam(params, "descending");
  if (descending.some((name) => !orderBy.includes(name))) return undefined; // the in-process step names the error
  return firstNPerPartition(
    c,
    {
      partition: keys.map((name) => sortKey(c, name, known.types)),
      order: orderBy.map((column) => ({ column, descending: descending.includes(column) })),
      skipInTieBreak: [...keys, ...orderBy],
      n: numberParam(params, "n"),
    },
    known.types,
  );
}, firstNRowOrder);
