/** The hidden column that numbers the rows in their in-process order, through every CTE. */
export const ROW_ORDER_COLUMN = "__tablepipe_row";
