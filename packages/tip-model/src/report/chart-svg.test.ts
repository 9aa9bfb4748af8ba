import { describe, expect, it } from "vitest";
import { chartSvg, px, svgText, textWidth } from "./chart-svg";

describe("px", () => {
  it("rounds to 0.01 px and writes no trailing zeros nor -0", () => {
    expect(px(12.3456)).toBe("12.35");
    expect(px(12.5)).toBe("12.5");
    expect(px(3)).toBe("3");
    expect(px(-0.001)).toBe("0");
    expect(px(-2.004)).toBe("-2");
  });
});

describe("svgText", () => {
  it("escapes the text and writes only the attributes that differ from SVG's defaults", () => {
    expect(svgText(`<a & "b">`, { x: 1.234, y: 5, size: 11 })).toBe(
      '<text x="1.23" y="5" font-size="11">&lt;a &amp; &quot;b&quot;&gt;</text>',
    );
    expect(svgText("t", { x: 10, y: 20, size: 12, anchor: "middle", align: "middle", rotate: -90 })).toBe(
      '<text x="10" y="20" dy="0.35em" font-size="12" text-anchor="middle" transform="rotate(-90,10,20)">t</text>',
    );
  });

  it("estimates wider text for more characters and larger fonts", () => {
    expect(textWidth("abcd", 10)).toBeGreaterThan(textWidth("abc", 10));
    expect(textWidth("abc", 12)).toBeGreaterThan(textWidth("abc", 10));
    expect(textWidth("", 12)).toBe(0);
  });
});

describe("chartSvg", () => {
  it("sizes the document to the plot and its margins, and places the plot inside them", () => {
    const svg = chartSvg({
      label: `a "chart"`,
      width: 100,
      height: 50,
      margins: { top: 8, right: 10.5, bottom: 40, left: 30.2 },
      body: "<g/>",
    });
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" role="img" aria-label="a &quot;chart&quot;" /,
    );
    expect(svg).toContain('width="141" height="98" viewBox="0 0 141 98"');
    expect(svg).toContain('<g transform="translate(30.2,8)"><g/></g></svg>');
  });
});
