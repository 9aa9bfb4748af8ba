import { numberParam, stringsParam } from "../param-values";
import { sortKey } from "../sort-key";
import { keepingColumns } from "../step-rendering";
import { firstNPerPartition, firstNRowOrder } from "./first-n";

/** `firstNPerGroup`: the first `n` rows per key by the order columns ascending. */
export const renderFirstNPerGroup = keepingColumns((params, c, known) => {
  const keys = stringsParam(params, "keys");
  const orderBy = stringsParam(params, "orderBy");
  return firstNPerPartition(
    c,
    {
      partition: keys.map((name) => sortKey(c, name, known.types)),
      order: orderBy.map((column) => ({ column })),
      skipInTieBreak: [...keys, ...orderBy],
      n: numberParam(params, "n"),
    },
    known.types,
  );
}, firstNRowOrder);
