import { describe, expect, it } from "vitest";
import { elements, group, groups, texts } from "./chart-test-support";
import { histogramChart } from "./histogram-chart";

const OPTIONS = {
  label: "histogram",
  width: 300,
  height: 100,
  xTitle: "residual",
  yTitle: "rows",
  color: "#4c78a8",
};

describe("histogramChart", () => {
  it("draws one bar per bin from its start to its end, 1 px apart, as high as its count", () => {
    const svg = histogramChart(
      [
        { start: -1, end: 0, count: 5 },
        { start: 0, end: 1, count: 10 },
        { start: 1, end: 2, count: 0 },
      ],
      OPTIONS,
    );
    const bars = elements(group(svg, "bars"), "rect");
    expect(bars.map(({ x, width }) => [x, width])).toEqual([
      [0.5, 99],
      [100.5, 99],
      [200.5, 99],
    ]);
    expect(bars.map(({ y, height }) => [y, height])).toEqual([
      [50, 50],
      [0, 100],
      [100, 0],
    ]);
    expect(svg).toContain('class="marks bars" fill="#4c78a8"');
  });

  it("labels the count axis with whole numbers only, and the value axis as finely as its ticks need", () => {
    const svg = histogramChart([{ start: 0, end: 1, count: 2 }], OPTIONS);
    const [valueAxis = "", countAxis = ""] = groups(svg, "axis");
    expect(texts(countAxis)).toEqual(["0", "1", "2", "rows"]);
    expect(texts(valueAxis)).toEqual(expect.arrayContaining(["0.0", "0.2", "1.0", "residual"]));
  });
});
