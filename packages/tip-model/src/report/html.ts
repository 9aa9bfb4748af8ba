const replacements: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escape text for use in HTML element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => replacements[char] ?? char);
}

/** One table cell; `numeric` right-aligns it. The text is escaped here. */
export interface Cell {
  readonly text: string;
  readonly numeric?: boolean;
  /** Extra class names (trusted, not from input). */
  readonly className?: string;
}

function cellHtml(tag: "th" | "td", cell: Cell): string {
  const classes = [cell.numeric ? "num" : "", cell.className ?? ""].filter((c) => c !== "").join(" ");
  const attr = classes === "" ? "" : ` class="${classes}"`;
  return `<${tag}${attr}>${escapeHtml(cell.text)}</${tag}>`;
}

/** A `<table>` with a header row and body rows; every text is escaped. */
export function tableHtml(
  className: string,
  header: readonly Cell[],
  rows: readonly (readonly Cell[])[],
): string {
  const head = `<thead><tr>${header.map((cell) => cellHtml("th", cell)).join("")}</tr></thead>`;
  const body = rows.map((row) => `<tr>${row.map((cell) => cellHtml("td", cell)).join("")}</tr>`).join("\n");
  return `<table class="${className}">\n${head}\n<tbody>\n${body}\n</tbody>\n</table>`;
}
