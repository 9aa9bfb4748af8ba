/**
 * The building blocks of the report's charts, drawn as SVG text directly (no DOM, no layout engine): numbers as
 * coordinates, text, the document around a plot.
 */
import { escapeHtml } from "./html";

/** The charts' font: system fonts only, nothing to load. */
const FONT = "system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif";

/** The charts' colours. */
export const CHART_COLOR = {
  input: "#8c8c8c",
  primary: "#4c78a8",
  nested: "#9ecae9",
  reference: "#e45756",
  text: "#333333",
  axis: "#888888",
  grid: "#dddddd",
} as const;

/** Font sizes: tick and category labels, axis titles, the numbers written beside bars. */
export const FONT_SIZE = { label: 11, title: 12, value: 10 } as const;

/**
 * A coordinate rounded to 0.01 px, written without trailing zeros (and never `-0`).
 * @example px(12.3456) // "12.35"
 */
export function px(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/**
 * The width `text` takes at `fontSize`, estimated at 0.6 em per character (Node has no font metrics): wide
 * enough for system fonts, so a margin sized by it never cuts a label.
 * @example textWidth("fare_amount", 11) // 72.6
 */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.6;
}

/** Where and how one piece of text is drawn. */
export interface TextPlacement {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  /** Which end of the text sits at `x` (default start). */
  readonly anchor?: "start" | "middle" | "end";
  /** Which line of the text sits at `y`: its middle, its top, or its baseline (default). */
  readonly align?: "middle" | "top" | "baseline";
  /** Degrees to turn the text about (x, y): -90 reads upwards. */
  readonly rotate?: number;
}

/** The vertical shift that puts a text's middle or top at its `y` (the offsets d3's axes use). */
const DY = { middle: ' dy="0.35em"', top: ' dy="0.71em"', baseline: "" } as const;

/**
 * A `<text>` element; `content` is escaped.
 * @example svgText("actual", { x: 210, y: 452, size: 12, anchor: "middle" })
 */
export function svgText(content: string, at: TextPlacement): string {
  const anchor = at.anchor === undefined || at.anchor === "start" ? "" : ` text-anchor="${at.anchor}"`;
  const rotate = at.rotate === undefined ? "" : ` transform="rotate(${at.rotate},${px(at.x)},${px(at.y)})"`;
  return `<text x="${px(at.x)}" y="${px(at.y)}"${DY[at.align ?? "baseline"]} font-size="${at.size}"${anchor}${rotate}>${escapeHtml(content)}</text>`;
}

/** Space around a plot, in px, for its axes, labels and legend. */
export interface Margins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/**
 * A whole chart: an `<svg>` labelled for screen readers, its plot area `width` × `height` px placed inside
 * `margins`; `body` is SVG drawn in plot coordinates (trusted markup).
 * @example chartSvg({ label: "Residuals", width: 460, height: 200, margins, body })
 */
export function chartSvg(chart: {
  readonly label: string;
  readonly width: number;
  readonly height: number;
  readonly margins: Margins;
  readonly body: string;
}): string {
  const { margins } = chart;
  const width = Math.ceil(margins.left + chart.width + margins.right);
  const height = Math.ceil(margins.top + chart.height + margins.bottom);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(chart.label)}" ` +
    `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" fill="${CHART_COLOR.text}">` +
    `<rect width="${width}" height="${height}" fill="white"/>` +
    `<g transform="translate(${px(margins.left)},${px(margins.top)})">${chart.body}</g></svg>`
  );
}
