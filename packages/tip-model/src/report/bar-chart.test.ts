import { describe, expect, it } from "vitest";
import { type BarChartOptions, horizontalBarChart } from "./bar-chart";
import { elements, group, texts } from "./chart-test-support";

const OPTIONS: BarChartOptions = {
  label: "bars",
  width: 400,
  step: 20,
  valueTitle: "value",
  valueFormat: ",d",
};

describe("horizontalBarChart", () => {
  it("draws one bar per row, in order, as long as its value on an axis from zero", () => {
    const svg = horizontalBarChart(
      [
        { label: "a", value: 100, text: "100", color: "#111111" },
        { label: "b", value: 50, text: "50", color: "#222222" },
        { label: "c", value: 0, text: "0", color: "#333333" },
      ],
      OPTIONS,
    );
    const bars = elements(group(svg, "bars"), "rect");
    expect(bars).toHaveLength(3);
    expect(bars.map((bar) => bar.x)).toEqual([0, 0, 0]);
    expect(bars.map((bar) => bar.width)).toEqual([400, 200, 0]);
    // rows 20 px apart, each bar 90% of its row, centred in it
    expect(bars.map((bar) => bar.y)).toEqual([1, 21, 41]);
    expect(bars.map((bar) => bar.height)).toEqual([18, 18, 18]);
    expect(group(svg, "bars")).toContain('fill="#222222"');
    expect(texts(group(svg, "values"))).toEqual(["100", "50", "0"]);
    expect(texts(svg)).toEqual(expect.arrayContaining(["a", "b", "c", "value"]));
  });

  it("draws a negative value left of zero and a value that is not a number as zero", () => {
    const svg = horizontalBarChart(
      [
        { label: "up", value: 3, text: "3", color: "#111111" },
        { label: "down", value: -1, text: "-1", color: "#111111" },
        { label: "none", value: Number.NaN, text: "n/a", color: "#111111" },
      ],
      OPTIONS,
    );
    const [up, down, none] = elements(group(svg, "bars"), "rect");
    expect(up?.x).toBe(100);
    expect(up?.width).toBe(300);
    expect(down?.x).toBe(0);
    expect(down?.width).toBe(100);
    expect(none?.width).toBe(0);
  });

  it("makes room right of the plot for the numbers beside the longest bars, and draws the legend", () => {
    const long = "a very long number beside the bar";
    const svg = horizontalBarChart([{ label: "a", value: 10, text: long, color: "#111111" }], {
      ...OPTIONS,
      legend: [
        { label: "first", color: "#aaaaaa" },
        { label: "second", color: "#bbbbbb" },
      ],
    });
    const [document] = elements(svg, "svg");
    const [plot] = [...svg.matchAll(/<g transform="translate\(([\d.]+),/g)].map((m) => Number(m[1]));
    // the text starts 4 px after the bar's end (the plot's right edge): the document reaches past it
    expect(document?.width).toBeGreaterThan((plot ?? 0) + 400 + 4 + long.length * 10 * 0.6);
    expect(texts(group(svg, "legend"))).toEqual(["first", "second"]);
    expect(elements(group(svg, "legend"), "rect").map((swatch) => swatch.width)).toEqual([10, 10]);
  });

  it("draws an axis from zero to one when every value is zero", () => {
    const svg = horizontalBarChart([{ label: "a", value: 0, text: "0", color: "#111111" }], {
      ...OPTIONS,
      valueFormat: ".0%",
    });
    expect(texts(group(svg, "axis"))).toEqual(expect.arrayContaining(["0%", "100%", "value"]));
  });
});
