import { scaleLinear } from "d3-scale";
import { describe, expect, it } from "vitest";
import { bottomAxis, categoryAxis, drawableDomain, leftAxis, MAX_AXIS_VALUE } from "./chart-axes";
import { FONT_SIZE, textWidth } from "./chart-svg";
import { texts } from "./chart-test-support";

/** The x of each text of an axis, in order. */
function xs(svg: string): number[] {
  return [...svg.matchAll(/<text x="([^"]+)"/g)].map((match) => Number(match[1]));
}

describe("bottomAxis", () => {
  it("labels nice ticks in the given format, and titles the axis under them", () => {
    const x = scaleLinear().domain([0, 1]).range([0, 460]);
    const { axis, grid } = bottomAxis({ scale: x, title: "share", format: ".0%" }, 100);
    const labels = texts(axis);
    expect(labels.at(-1)).toBe("share");
    expect(labels.slice(0, -1)).toContain("50%");
    expect(labels[0]).toBe("0%");
    // one grid line per tick, across the plot's height
    expect(grid.match(/V100/g)).toHaveLength(labels.length - 1);
  });

  it("takes fewer ticks where wide labels side by side would touch", () => {
    const x = scaleLinear().domain([0, 1_000_000]).range([0, 460]);
    const { axis } = bottomAxis({ scale: x, title: "rows", format: ",d" }, 100);
    const labels = texts(axis).slice(0, -1);
    const at = xs(axis).slice(0, -1);
    expect(labels).toContain("1,000,000");
    const widest = Math.max(...labels.map((label) => textWidth(label, FONT_SIZE.label)));
    for (let i = 1; i < at.length; i++)
      expect((at[i] ?? 0) - (at[i - 1] ?? 0)).toBeGreaterThanOrEqual(widest);
  });

  it("shows only whole numbers on a count axis", () => {
    const x = scaleLinear().domain([0, 3]).range([0, 460]);
    const labels = texts(bottomAxis({ scale: x, title: "n", format: ",d", integers: true }, 10).axis);
    expect(labels).toEqual(["0", "1", "2", "3", "n"]);
  });
});

describe("leftAxis", () => {
  it("puts the labels right-aligned left of the plot and keeps a margin wide enough for them and the title", () => {
    const y = scaleLinear().domain([0, 12_000]).range([200, 0]);
    const drawn = leftAxis({ scale: y, title: "test rows", format: ",d", integers: true }, 460);
    const labels = texts(drawn.axis);
    expect(labels).toEqual(["0", "5,000", "10,000", "test rows"]);
    expect(drawn.axis).toContain('text-anchor="end"');
    expect(drawn.axis).toContain('transform="rotate(-90,');
    const widest = Math.max(...labels.slice(0, -1).map((label) => textWidth(label, FONT_SIZE.label)));
    expect(drawn.margin).toBeGreaterThan(widest + FONT_SIZE.title);
    expect(drawn.grid.match(/H460/g)).toHaveLength(labels.length - 1);
  });
});

describe("categoryAxis", () => {
  it("centres each label on its row and sizes the margin by the longest", () => {
    const { axis, margin } = categoryAxis(["a", "a much longer label"], 20, 40);
    expect([...axis.matchAll(/<text x="[^"]+" y="([^"]+)"/g)].map((m) => Number(m[1]))).toEqual([10, 30]);
    expect(margin).toBeGreaterThan(textWidth("a much longer label", FONT_SIZE.label));
    expect(categoryAxis([], 20, 0).axis).not.toContain("<text");
  });
});

describe("drawableDomain", () => {
  it("keeps a range that spans something", () => {
    expect(drawableDomain(-2, 3)).toEqual([-2, 3]);
    expect(drawableDomain(3, -2)).toEqual([-2, 3]);
  });

  it("widens a range of (next to) no width: from zero to one, else around its middle", () => {
    expect(drawableDomain(0, 0)).toEqual([0, 1]);
    expect(drawableDomain(0, 1e-20)).toEqual([0, 1]);
    expect(drawableDomain(2, 2)).toEqual([1.5, 2.5]);
    expect(drawableDomain(-5e-324, -1e-323)).toEqual([-0.5, 0.5]);
    const [low, high] = drawableDomain(4e9, 4e9);
    expect(high - low).toBe(8_000);
  });

  it("clamps each end to what d3 can tick, and takes NaN as zero", () => {
    expect(drawableDomain(-Number.MAX_VALUE, Number.POSITIVE_INFINITY)).toEqual([
      -MAX_AXIS_VALUE,
      MAX_AXIS_VALUE,
    ]);
    expect(drawableDomain(Number.NaN, 4)).toEqual([0, 4]);
  });
});
