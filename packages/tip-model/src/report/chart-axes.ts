/**
 * The axes of the report's charts: ticks, labels, titles and grid lines of a linear scale (d3-scale picks the
 * ticks and their format), and the category labels of a bar chart.
 */
import type { ScaleLinear } from "d3-scale";
import { CHART_COLOR, FONT_SIZE, px, svgText, textWidth } from "./chart-svg";

/** A linear scale from data values to plot px. */
export type LinearScale = ScaleLinear<number, number>;

/** One axis: its scale, its title and how its tick labels read. */
export interface AxisSpec {
  readonly scale: LinearScale;
  readonly title: string;
  /** A d3-format specifier for the tick labels (`",d"`, `".0%"`); default: as precise as the tick step needs. */
  readonly format?: string;
  /** Only whole-number ticks (for counts). */
  readonly integers?: boolean;
}

/** An axis drawn in two parts: grid lines go behind the marks, the axis itself in front. */
export interface DrawnAxis {
  readonly grid: string;
  readonly axis: string;
}

/** The largest magnitude an axis shows: within it d3's ticks, their spacing and the coordinates stay finite. */
export const MAX_AXIS_VALUE = 1e300;

/**
 * `value` within ±{@link MAX_AXIS_VALUE}.
 * @example withinAxisRange(Number.MAX_VALUE) // 1e300
 */
export function withinAxisRange(value: number): number {
  return Math.max(-MAX_AXIS_VALUE, Math.min(MAX_AXIS_VALUE, value));
}

/**
 * Whether `[low, high]` spans more than (next to) nothing: wider than a billionth of its ends' size, and of 1.
 * A range that does not is too narrow to tick or to split into bins.
 * @example spansSomething(2, 2 + 1e-12) // false
 */
export function spansSomething(low: number, high: number): boolean {
  return high - low > Math.max(Math.abs(low), Math.abs(high), 1) * 1e-9;
}

/**
 * `[low, high]` made drawable: each end clamped to ±{@link MAX_AXIS_VALUE} (NaN taken as 0), and a range that
 * spans (next to) nothing widened so d3 can tick it: to `[0, 1]` from zero, else ±0.5 (or a millionth of the
 * value, when larger) around its middle. A chart whose scale has this domain, clamped, draws finite
 * coordinates whatever the values.
 * @example drawableDomain(2, 2) // [1.5, 2.5]
 */
export function drawableDomain(low: number, high: number): [number, number] {
  const bounded = (value: number) => (Number.isNaN(value) ? 0 : withinAxisRange(value));
  const a = Math.min(bounded(low), bounded(high));
  const b = Math.max(bounded(low), bounded(high));
  if (spansSomething(a, b)) return [a, b];
  if (a === 0) return [0, 1];
  const middle = a / 2 + b / 2;
  const pad = Math.max(0.5, Math.abs(middle) * 1e-6);
  return [middle - pad, middle + pad];
}

/** Height below the plot that a bottom axis takes: ticks, their labels and the title. */
export const BOTTOM_AXIS_HEIGHT = 44;

/** Length of a tick mark. */
const TICK = 5;
/** Space between the end of a tick and its label. */
const TICK_LABEL_GAP = 2;
/** Space between a vertical axis' widest label and its title. */
const TITLE_GAP = 13;
/** Space between a bar chart's axis line and its category labels. */
const CATEGORY_GAP = 7;

/** A tick: its value and its label. */
interface Tick {
  readonly value: number;
  readonly label: string;
}

/** The ticks of `axis` for about `count` of them (d3's nice steps), with their labels. */
function ticksFor(axis: AxisSpec, count: number): Tick[] {
  const format = axis.scale.tickFormat(count, axis.format);
  return axis.scale
    .ticks(count)
    .filter((value) => axis.integers !== true || Number.isInteger(value))
    .map((value) => ({ value, label: format(value) }));
}

/**
 * The ticks of `axis`: about one per 60 px of its length, fewer where labels side by side (`horizontal`) would
 * touch; at least two.
 */
function ticksOf(axis: AxisSpec, horizontal: boolean): Tick[] {
  const [start = 0, end = 0] = axis.scale.range();
  const length = Math.abs(end - start);
  for (let count = Math.max(2, Math.round(length / 60)); ; count--) {
    const ticks = ticksFor(axis, count);
    if (!horizontal || count <= 2) return ticks;
    const widest = Math.max(0, ...ticks.map(({ label }) => textWidth(label, FONT_SIZE.label)));
    if (ticks.length < 2 || length / (ticks.length - 1) >= widest + 8) return ticks;
  }
}

/** A stroked path with no fill. */
function strokePath(d: string, stroke: string): string {
  return d === "" ? "" : `<path d="${d}" stroke="${stroke}" fill="none"/>`;
}

/**
 * The horizontal axis under a plot `plotHeight` px high, with vertical grid lines across it.
 * @example bottomAxis({ scale: x, title: "actual" }, 420)
 */
export function bottomAxis(axis: AxisSpec, plotHeight: number): DrawnAxis {
  const ticks = ticksOf(axis, true);
  const [start = 0, end = 0] = axis.scale.range();
  const at = (value: number) => px(axis.scale(value));
  const labels = ticks.map(({ value, label }) =>
    svgText(label, {
      x: axis.scale(value),
      y: plotHeight + TICK + TICK_LABEL_GAP,
      size: FONT_SIZE.label,
      anchor: "middle",
      align: "top",
    }),
  );
  const title = svgText(axis.title, {
    x: (start + end) / 2,
    y: plotHeight + BOTTOM_AXIS_HEIGHT - 6,
    size: FONT_SIZE.title,
    anchor: "middle",
  });
  const line = `M${px(start)},${px(plotHeight)}H${px(end)}`;
  const marks = ticks.map(({ value }) => `M${at(value)},${px(plotHeight)}v${TICK}`).join("");
  return {
    grid: strokePath(
      ticks.map(({ value }) => `M${at(value)},0V${px(plotHeight)}`).join(""),
      CHART_COLOR.grid,
    ),
    axis: `<g class="axis">${strokePath(line + marks, CHART_COLOR.axis)}${labels.join("")}${title}</g>`,
  };
}

/**
 * The vertical axis left of a plot `plotWidth` px wide, with horizontal grid lines across it, and the margin it
 * needs left of the plot (its labels and title).
 * @example leftAxis({ scale: y, title: "test rows", format: ",d", integers: true }, 460)
 */
export function leftAxis(axis: AxisSpec, plotWidth: number): DrawnAxis & { readonly margin: number } {
  const ticks = ticksOf(axis, false);
  const [start = 0, end = 0] = axis.scale.range();
  const at = (value: number) => px(axis.scale(value));
  const labelWidth = Math.max(0, ...ticks.map(({ label }) => textWidth(label, FONT_SIZE.label)));
  const labels = ticks.map(({ value, label }) =>
    svgText(label, {
      x: -(TICK + TICK_LABEL_GAP),
      y: axis.scale(value),
      size: FONT_SIZE.label,
      anchor: "end",
      align: "middle",
    }),
  );
  const titleX = -(TICK + TICK_LABEL_GAP + labelWidth + TITLE_GAP);
  const title = svgText(axis.title, {
    x: titleX,
    y: (start + end) / 2,
    size: FONT_SIZE.title,
    anchor: "middle",
    rotate: -90,
  });
  const line = `M0,${px(start)}V${px(end)}`;
  const marks = ticks.map(({ value }) => `M0,${at(value)}h-${TICK}`).join("");
  return {
    grid: strokePath(ticks.map(({ value }) => `M0,${at(value)}H${px(plotWidth)}`).join(""), CHART_COLOR.grid),
    axis: `<g class="axis">${strokePath(line + marks, CHART_COLOR.axis)}${labels.join("")}${title}</g>`,
    // turned upwards, the title's letters stand left of its baseline at titleX
    margin: -titleX + FONT_SIZE.title + 4,
  };
}

/**
 * The category labels left of a bar chart's rows (each `step` px high, right-aligned against the plot), its
 * axis line, and the margin they need.
 * @example categoryAxis(["fare_amount", "trip_distance"], 20, 40)
 */
export function categoryAxis(
  labels: readonly string[],
  step: number,
  plotHeight: number,
): { readonly axis: string; readonly margin: number } {
  const texts = labels.map((label, i) =>
    svgText(label, {
      x: -CATEGORY_GAP,
      y: (i + 0.5) * step,
      size: FONT_SIZE.label,
      anchor: "end",
      align: "middle",
    }),
  );
  const widest = Math.max(0, ...labels.map((label) => textWidth(label, FONT_SIZE.label)));
  return {
    axis: `<g class="axis">${strokePath(`M0,0V${px(plotHeight)}`, CHART_COLOR.axis)}${texts.join("")}</g>`,
    margin: widest + CATEGORY_GAP + 4,
  };
}
