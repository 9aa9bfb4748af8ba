import { checkColumnName, plural } from "./column-names";
import { describeCellValue, formatCellValue } from "./format-value";

/**
 * Checks the arguments of `tuples(columns, rows)` at run time (for callers that bypass the types) and zips
 * each tuple with the column list into a row object. Catches the guide's bug, the column list passed inside
 * the data list, with a message saying so instead of silently producing default rows.
 */
export function tuplesToRowObjects(
  context: string,
  columns: unknown,
  rows: unknown,
  validColumns: readonly string[],
): Record<string, unknown>[] {
  const names = checkColumnList(context, columns, validColumns);
  if (rows === undefined) {
    throw new TypeError(
      `${context}: the second argument, the rows, is missing; ${usage(context, validColumns)}`,
    );
  }
  if (!Array.isArray(rows)) {
    throw new TypeError(
      `${context}: the second argument must be an array of rows (tuples), got ${describeCellValue(rows)}`,
    );
  }
  return rows.map((row: unknown, index) => {
    if (!Array.isArray(row)) {
      const hint =
        index === 0 && !Array.isArray(rows[0])
          ? `; to pass one row, wrap it: [${formatCellValue(rows)}]`
          : "";
      throw new TypeError(
        `${context}: row ${index} must be an array of values for (${names.join(", ")}), got ${describeCellValue(row)}${hint}`,
      );
    }
    if (row.length !== names.length) {
      const verb = names.length === 1 ? "was" : "were";
      throw new TypeError(
        `${context}: row ${index} has ${plural(row.length, "value")} but ${plural(names.length, "column")} ${verb} named ` +
          `(${names.join(", ")}): ${formatCellValue(row)}`,
      );
    }
    const object: Record<string, unknown> = {};
    names.forEach((name, position) => {
      object[name] = row[position];
    });
    return object;
  });
}

function checkColumnList(context: string, columns: unknown, validColumns: readonly string[]): string[] {
  if (!Array.isArray(columns)) {
    throw new TypeError(
      `${context}: the first argument must be the column list (an array of column names), got ${describeCellValue(columns)}`,
    );
  }
  if (columns.length > 0 && columns.some((item) => Array.isArray(item))) {
    throw new TypeError(
      `${context}: the first argument must be the column list, got an array of ${plural(columns.length, "row")}; ` +
        `did the column list end up inside the data list? ${usage(context, validColumns)}`,
    );
  }
  const seen = new Set<string>();
  columns.forEach((name: unknown, index) => {
    if (typeof name !== "string") {
      throw new TypeError(
        `${context}: the column list must hold column names (strings); item ${index} is ${describeCellValue(name)}`,
      );
    }
    checkColumnName(context, name, validColumns);
    if (seen.has(name)) throw new TypeError(`${context}: column "${name}" is named twice in the column list`);
    seen.add(name);
  });
  return columns as string[];
}

/** `call trips.tuples(columns, rows), e.g. trips.tuples(["a", "b"], [[a0, b0], [a1, b1]])`. */
function usage(context: string, validColumns: readonly string[]): string {
  const call = context.replace(/\(\)$/, "");
  const example = validColumns.slice(0, 2);
  const values = (row: number): string => example.map((name) => `${name}${row}`).join(", ");
  const list = example.map((name) => JSON.stringify(name)).join(", ");
  return `call ${call}(columns, rows), e.g. ${call}([${list}], [[${values(0)}], [${values(1)}]])`;
}
