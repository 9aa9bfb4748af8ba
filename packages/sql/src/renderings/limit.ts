import { keepingColumns } from "../step-rendering";

/** `limit`: the first `n` rows by the row order (`ORDER BY` it `LIMIT n`), as in process. */
export const renderLimit = keepingColumns((params, c) => {
  const n = params.n;
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) return undefined; // the step names the error
  return `SELECT * FROM ${c.input} ORDER BY ${c.rowOrder} LIMIT ${n}`;
});
