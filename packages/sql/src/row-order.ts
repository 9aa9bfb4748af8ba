/** The hidden column that numbers the rows in their in-process order, through every CTE. */
export const ROW_ORDER_COLUMN = "__tablepipe_row";

/** The helper column that ranks rows within a partition (first-N, a dedupe on some columns). */
export const RANK_COLUMN = "__tablepipe_rank";
