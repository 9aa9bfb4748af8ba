import { formatDay, formatWallClock, isEpochMillis } from "@tablepipe/core";
import { displayWidth, padToWidth } from "@tablepipe/core/internal";
import { plural } from "./column-names";
import { differenceInView } from "./difference-in-view";
import { formatCellValue, formatFullValue } from "./format-value";
import { escapedString, looksAlike } from "./lookalike-strings";
import type { RowDiff, TableDiff } from "./table-diff";

/** Widest row grid before columns without differences are left out. */
const MAX_GRID_WIDTH = 120;
const MARK = "*";

/**
 * The readable, plain-text report of a {@link TableDiff}: column differences, row counts, then the first
 * differing rows side by side (actual above expected) with the differing cells marked `*`.
 */
export function formatTableDiff(diff: TableDiff): string {
  if (diff.equal) return `Tables are equal (${describeShape(diff)}).`;
  const lines = [`Tables differ${describeOptions(diff)}:`];
  if (diff.missingColumns.length > 0) {
    lines.push(`- missing columns (expected, not in actual): ${diff.missingColumns.join(", ")}`);
  }
  if (diff.extraColumns.length > 0) {
    lines.push(`- extra columns (in actual, not expected): ${diff.extraColumns.join(", ")}`);
  }
  if (diff.missingColumns.length > 0 || diff.extraColumns.length > 0 || diff.columnOrderDiffers) {
    if (diff.columnOrderDiffers) lines.push("- column order differs");
    lines.push(`    actual columns:   ${diff.actualColumns.join(", ")}`);
    lines.push(`    expected columns: ${diff.expectedColumns.join(", ")}`);
  }
  if (diff.actualRowCount !== diff.expectedRowCount) {
    lines.push(`- row count: actual ${diff.actualRowCount}, expected ${diff.expectedRowCount}`);
  }
  if (diff.differingRowCount > 0) lines.push(...formatRows(diff));
  return lines.join("\n");
}

function describeShape(diff: TableDiff): string {
  return `${plural(diff.actualRowCount, "row")}, ${plural(diff.actualColumns.length, "column")}`;
}

function describeOptions(diff: TableDiff): string {
  const { ignoreRowOrder, ignoreColumnOrder, tolerance } = diff.options;
  const parts = [
    ignoreRowOrder ? "ignoring row order" : "",
    ignoreColumnOrder ? "ignoring column order" : "",
    tolerance > 0 ? `tolerance ${tolerance}` : "",
  ].filter((part) => part !== "");
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

function formatRows(diff: TableDiff): string[] {
  const shown = diff.differingRows;
  const sharedNote =
    diff.columns.length < Math.max(diff.actualColumns.length, diff.expectedColumns.length)
      ? `, compared on the ${plural(diff.columns.length, "shared column")}`
      : "";
  const what = diff.options.ignoreRowOrder
    ? `${plural(diff.unmatchedActualRows, "actual row")} and ${plural(diff.unmatchedExpectedRows, "expected row")} ` +
      `have no equal row in the other table${sharedNote}; each shown with the closest unmatched row`
    : `${plural(diff.differingRowCount, "differing row")}${sharedNote ? ` (${sharedNote.slice(2)})` : ""}`;
  const lines = [`- ${what}; differing cells marked ${MARK}:`];
  if (shown.length === 0) return lines;
  const times = timestampColumns(diff);
  const visible = pickVisibleColumns(diff, times);
  const header = ["row", ...visible.map((column) => diff.columns[column] ?? "")];
  const body: string[][] = [];
  for (const pair of shown) {
    body.push(sideCells("actual", pair.actualIndex, pair.actual, pair, diff, visible, times));
    body.push(sideCells("expected", pair.expectedIndex, pair.expected, pair, diff, visible, times));
  }
  const widths = header.map((title, column) =>
    Math.max(displayWidth(title), ...body.map((cells) => displayWidth(cells[column] ?? ""))),
  );
  const render = (cells: readonly string[]): string =>
    `    ${cells.map((cell, column) => padToWidth(cell, widths[column] ?? 0, false)).join(" | ")}`.trimEnd();
  const rule = `    ${widths.map((width) => "-".repeat(width)).join("-+-")}`;
  lines.push("", render(header));
  body.forEach((cells, index) => {
    if (index % 2 === 0) lines.push(rule);
    lines.push(render(cells));
  });
  const hidden = diff.columns.filter((_, column) => !visible.includes(column));
  if (hidden.length > 0) {
    lines.push(
      `    (not shown, to fit the width: ${plural(hidden.length, "column")} without differences in these rows: ${hidden.join(", ")})`,
    );
  }
  const notShown = notShownNote(diff);
  if (notShown !== "") lines.push(`    (${notShown} not shown; raise maxDiffRows to see more)`);
  return lines;
}

function notShownNote(diff: TableDiff): string {
  const shown = diff.differingRows;
  if (!diff.options.ignoreRowOrder) {
    const more = diff.differingRowCount - shown.length;
    return more > 0 ? `${more} more differing ${more === 1 ? "row" : "rows"}` : "";
  }
  const moreActual = diff.unmatchedActualRows - shown.filter((pair) => pair.actual !== null).length;
  const moreExpected = diff.unmatchedExpectedRows - shown.filter((pair) => pair.expected !== null).length;
  const parts = [
    moreActual > 0 ? `${plural(moreActual, "more actual row")}` : "",
    moreExpected > 0 ? `${plural(moreExpected, "more expected row")}` : "",
  ].filter((part) => part !== "");
  return parts.join(" and ");
}

/** How a column's cells are shown: as time stamps, as dates, or as they are. */
type TimeKind = "timestamp" | "date";

/**
 * The compared columns whose numbers are shown as time stamps or dates: those the tables' schema types so
 * ({@link TableDiff.timeColumns}: tables from `readTable` and the row factories remember it), and those where a
 * shown row of either table holds a Date (a hand-written expected table). There a number is a time stamp held
 * as epoch milliseconds, shown like the Dates: `2018-02-04 18:00:00`.
 */
function timestampColumns(diff: TableDiff): ReadonlyMap<number, TimeKind> {
  const columns = new Map<number, TimeKind>();
  diff.columns.forEach((name, column) => {
    const kind = diff.timeColumns[name];
    if (kind !== undefined) columns.set(column, kind);
  });
  for (const pair of diff.differingRows) {
    for (const values of [pair.actual, pair.expected]) {
      values?.forEach((value, column) => {
        if (value instanceof Date && !columns.has(column)) columns.set(column, "timestamp");
      });
    }
  }
  return columns;
}

/** A cell as text; in a time column, epoch milliseconds (and Dates) as their UTC wall-clock time or day. */
function cellText(value: unknown, kind: TimeKind | undefined): string {
  if (kind === undefined || !(isEpochMillis(value) || value instanceof Date)) return formatCellValue(value);
  if (value instanceof Date && Number.isNaN(value.getTime())) return formatCellValue(value);
  return kind === "date" ? formatDay(value) : formatWallClock(value);
}

/**
 * A differing cell as text: a time as distinctTimeText shows it; anything else cut so that its first difference
 * from the other side's cell stays in view (`…xxxxxxxxxxA"` beside `…xxxxxxxxxxB"`, not twice `"sensor-xxx…`).
 */
function differingText(value: unknown, other: unknown, kind: TimeKind | undefined): string {
  if (kind !== undefined && (isEpochMillis(value) || value instanceof Date)) {
    return distinctTimeText(value, other, kind);
  }
  return differenceInView(formatFullValue(value), formatFullValue(other));
}

/**
 * A differing cell of a time column as text; when the other side's cell prints alike (time stamps apart by less
 * than the millisecond the text shows, as `-1` and `-0.5`), with its epoch milliseconds, which tell them apart:
 * `1969-12-31 23:59:59.999 (epoch ms -0.5)`.
 */
function distinctTimeText(value: unknown, other: unknown, kind: TimeKind | undefined): string {
  const text = cellText(value, kind);
  if (kind === undefined || text !== cellText(other, kind)) return text;
  const ms = value instanceof Date ? value.getTime() : value;
  return typeof ms === "number" && !Number.isNaN(ms) ? `${text} (epoch ms ${ms})` : text;
}

function sideCells(
  side: "actual" | "expected",
  index: number | null,
  values: readonly unknown[] | null,
  pair: RowDiff,
  diff: TableDiff,
  visible: readonly number[],
  times: ReadonlyMap<number, TimeKind>,
): string[] {
  if (values === null || index === null) {
    return [`${side} ${diff.options.ignoreRowOrder ? "(no match)" : "(no row)"}`, ...visible.map(() => "")];
  }
  const paired = pair.actual !== null && pair.expected !== null;
  const other = side === "actual" ? pair.expected : pair.actual;
  const cells = visible.map((column) => {
    const value = values[column];
    // strings that print alike (NFC and NFD "é") are shown with escapes, which tell them apart
    const name = diff.columns[column] ?? "";
    const differs = paired && pair.differingColumns.includes(name);
    const text = looksAlike(value, other?.[column])
      ? escapedString(value as string)
      : differs
        ? differingText(value, other?.[column], times.get(column))
        : cellText(value, times.get(column));
    return differs ? `${MARK}${text}` : text;
  });
  return [`${side} ${index}`, ...cells];
}

/**
 * Every compared column when the grid fits the width; otherwise the columns with differences first, then
 * others, as many as fit, shown in table order.
 */
function pickVisibleColumns(diff: TableDiff, times: ReadonlyMap<number, TimeKind>): number[] {
  const all = diff.columns.map((_, column) => column);
  const width = (column: number): number => {
    const values = diff.differingRows.flatMap((pair) => [pair.actual?.[column], pair.expected?.[column]]);
    const title = diff.columns[column] ?? "";
    const kind = times.get(column);
    const cells = values.map((value) => displayWidth(cellText(value, kind)) + MARK.length);
    return Math.max(displayWidth(title), ...cells) + 3;
  };
  const rowLabelWidth = 20;
  const total = (columns: readonly number[]): number =>
    rowLabelWidth + columns.reduce((sum, column) => sum + width(column), 0);
  if (total(all) <= MAX_GRID_WIDTH) return all;
  const differing = new Set(
    diff.differingRows
      .filter((pair) => pair.actual !== null && pair.expected !== null)
      .flatMap((pair) => pair.differingColumns),
  );
  const priority = [
    ...all.filter((column) => differing.has(diff.columns[column] ?? "")),
    ...all.filter((column) => !differing.has(diff.columns[column] ?? "")),
  ];
  const chosen: number[] = [];
  for (const column of priority) {
    if (chosen.length > 0 && total([...chosen, column]) > MAX_GRID_WIDTH) {
      if (differing.has(diff.columns[column] ?? "")) chosen.push(column);
      continue;
    }
    chosen.push(column);
  }
  return chosen.sort((a, b) => a - b);
}
