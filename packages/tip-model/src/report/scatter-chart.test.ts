import { describe, expect, it } from "vitest";
import { elements, group, texts } from "./chart-test-support";
import { scatterChart } from "./scatter-chart";

describe("scatterChart", () => {
  const options = {
    label: "points",
    domain: [0, 10] as const,
    size: 200,
    xTitle: "actual",
    yTitle: "predicted",
  };

  it("draws each point as a circle at its place on the shared scale (y upwards)", () => {
    const svg = scatterChart(
      [
        { x: 0, y: 0 },
        { x: 10, y: 10 },
        { x: 2.5, y: 5 },
      ],
      options,
    );
    const circles = elements(group(svg, "points"), "circle");
    expect(circles.map(({ cx, cy }) => [cx, cy])).toEqual([
      [0, 200],
      [200, 0],
      [50, 100],
    ]);
    expect(new Set(circles.map((circle) => circle.r)).size).toBe(1);
    expect(texts(svg)).toEqual(expect.arrayContaining(["actual", "predicted", "0", "10"]));
  });

  it("draws the dashed line y = x as the plot's diagonal, over the points", () => {
    const svg = scatterChart([{ x: 1, y: 2 }], { ...options, domain: [-5, 15] });
    expect(group(svg, "line")).toMatch(/<path d="M0,200L200,0" [^>]*stroke-dasharray="5,4"/);
    expect(svg.indexOf('class="marks line"')).toBeGreaterThan(svg.indexOf('class="marks points"'));
    expect(elements(group(svg, "points"), "circle")).toEqual([expect.objectContaining({ cx: 60, cy: 130 })]);
  });

  it("draws an empty plot with its axes when there are no points", () => {
    const svg = scatterChart([], options);
    expect(elements(svg, "circle")).toEqual([]);
    expect(texts(svg)).toEqual(expect.arrayContaining(["actual", "predicted"]));
  });
});
