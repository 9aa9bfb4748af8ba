/** Horizontal bar charts (the funnel, the feature importances): one labelled row per bar, its number beside it. */
import { scaleLinear } from "d3-scale";
import { BOTTOM_AXIS_HEIGHT, bottomAxis, categoryAxis, drawableDomain } from "./chart-axes";
import { CHART_COLOR, chartSvg, FONT_SIZE, px, svgText, textWidth } from "./chart-svg";

/** One bar: its row's label, its length, the text written beside it and its colour. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly text: string;
  readonly color: string;
}

/** A colour key under the chart. */
export interface LegendEntry {
  readonly label: string;
  readonly color: string;
}

/** How a bar chart is drawn. */
export interface BarChartOptions {
  /** What the chart shows, for screen readers. */
  readonly label: string;
  /** Width of the plot area in px. */
  readonly width: number;
  /** Height of each bar's row in px. */
  readonly step: number;
  /** Title of the value axis. */
  readonly valueTitle: string;
  /** d3-format specifier of the value axis' tick labels. */
  readonly valueFormat: string;
  /** Whole-number ticks only (counts). */
  readonly integers?: boolean;
  /** Colour keys drawn under the axis. */
  readonly legend?: readonly LegendEntry[];
}

/** Share of a row left empty around its bar. */
const BAND_PADDING = 0.1;
/** Height of the legend's line. */
const LEGEND_HEIGHT = 22;
/** Side of a legend swatch. */
const SWATCH = 10;

/** The legend: a swatch and its label per entry, in one line starting at the plot's left edge. */
function legendSvg(entries: readonly LegendEntry[], top: number): string {
  let x = 0;
  const items = entries.map((entry) => {
    const item =
      `<rect x="${px(x)}" y="${px(top)}" width="${SWATCH}" height="${SWATCH}" fill="${entry.color}"/>` +
      svgText(entry.label, {
        x: x + SWATCH + 5,
        y: top + SWATCH / 2,
        size: FONT_SIZE.label,
        align: "middle",
      });
    x += SWATCH + 5 + textWidth(entry.label, FONT_SIZE.label) + 16;
    return item;
  });
  return `<g class="legend">${items.join("")}</g>`;
}

/**
 * Horizontal bars in the order given, each with its text at its end, on a value axis from zero (a negative
 * value's bar runs left of it); values that are not finite are drawn as zero.
 * @example horizontalBarChart([{ label: "fare_amount", value: 0.41, text: "41.0%", color: "#4c78a8" }], options)
 */
export function horizontalBarChart(bars: readonly Bar[], options: BarChartOptions): string {
  const values = bars.map((bar) => (Number.isFinite(bar.value) ? bar.value : 0));
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const x = scaleLinear().domain(drawableDomain(low, high)).range([0, options.width]).nice().clamp(true);
  const height = options.step * bars.length;
  const inset = (options.step * BAND_PADDING) / 2;
  const rects = bars.map((bar, i) => {
    const [from, to] = [x(0), x(values[i] ?? 0)].sort((a, b) => a - b) as [number, number];
    return `<rect x="${px(from)}" y="${px(i * options.step + inset)}" width="${px(to - from)}" height="${px(options.step - 2 * inset)}" fill="${bar.color}"/>`;
  });
  // each bar's number starts just past its end (past zero for a negative bar)
  const textX = values.map((value) => x(Math.max(0, value)) + 4);
  const texts = bars.map((bar, i) =>
    svgText(bar.text, {
      x: textX[i] ?? 0,
      y: (i + 0.5) * options.step,
      size: FONT_SIZE.value,
      align: "middle",
    }),
  );
  // the numbers beside the longest bars may reach past the plot: the right margin makes room for them
  const reach = Math.max(0, ...bars.map((bar, i) => (textX[i] ?? 0) + textWidth(bar.text, FONT_SIZE.value)));
  const valueAxis = bottomAxis(
    {
      scale: x,
      title: options.valueTitle,
      format: options.valueFormat,
      ...(options.integers === true ? { integers: true } : {}),
    },
    height,
  );
  const categories = categoryAxis(
    bars.map((bar) => bar.label),
    options.step,
    height,
  );
  const legend = options.legend ?? [];
  const legendTop = height + BOTTOM_AXIS_HEIGHT + 6;
  return chartSvg({
    label: options.label,
    width: options.width,
    height,
    margins: {
      top: 8,
      right: Math.max(8, reach - options.width + 8),
      bottom: BOTTOM_AXIS_HEIGHT + (legend.length > 0 ? LEGEND_HEIGHT + 6 : 0),
      left: categories.margin,
    },
    body:
      valueAxis.grid +
      `<g class="marks bars">${rects.join("")}</g>` +
      `<g class="marks values" fill="${CHART_COLOR.text}">${texts.join("")}</g>` +
      valueAxis.axis +
      categories.axis +
      (legend.length > 0 ? legendSvg(legend, legendTop) : ""),
  });
}
