import { describe, expect, it } from "vitest";
import { compactCircleSymbols } from "./compact-svg";
import { namespaceSvgIds } from "./svg";

describe("namespaceSvgIds", () => {
  it("renames ids by order of appearance and rewrites their references", () => {
    const svg =
      '<svg><defs><clipPath id="clip7"><rect/></clipPath><linearGradient id="g3"/></defs>' +
      '<g clip-path="url(#clip7)"><use href="#g3"/><use xlink:href="#clip7"/></g></svg>';
    expect(namespaceSvgIds(svg, "funnel")).toBe(
      '<svg><defs><clipPath id="funnel-1"><rect/></clipPath><linearGradient id="funnel-2"/></defs>' +
        '<g clip-path="url(#funnel-1)"><use href="#funnel-2"/><use xlink:href="#funnel-1"/></g></svg>',
    );
  });

  it("gives the same output whatever vega's counters were", () => {
    const a = namespaceSvgIds('<g id="clip1"/><path clip-path="url(#clip1)"/>', "x");
    const b = namespaceSvgIds('<g id="clip99"/><path clip-path="url(#clip99)"/>', "x");
    expect(a).toBe(b);
  });
});

describe("compactCircleSymbols", () => {
  const circle = (x: string, y: string) =>
    `<path transform="translate(${x},${y})" d="M2,0A2,2,0,1,1,-2,0A2,2,0,1,1,2,0" fill="#4c78a8" opacity="0.5"/>`;

  it("turns vega's circle paths into circles sharing the group's style", () => {
    const svg = `<g class="mark-symbol role-mark marks" aria-hidden="true">${circle("1.23456", "-0.001")}${circle("10", "2.5")}</g>`;
    expect(compactCircleSymbols(svg)).toBe(
      '<g class="mark-symbol role-mark marks" aria-hidden="true" fill="#4c78a8" fill-opacity="0.5" stroke-opacity="0.5">' +
        '<circle cx="1.23" cy="0" r="2"/><circle cx="10" cy="2.5" r="2"/></g>',
    );
  });

  it("leaves groups with other shapes or mixed styles alone", () => {
    const square = '<path transform="translate(1,1)" d="M-5,-5h10v10h-10Z" fill="#000"/>';
    const mixed = `<g class="mark-symbol role-mark marks">${circle("1", "1")}${square}</g>`;
    expect(compactCircleSymbols(mixed)).toBe(mixed);
    const styles = `<g class="mark-symbol role-mark marks">${circle("1", "1")}${circle("2", "2").replace("#4c78a8", "#000")}</g>`;
    expect(compactCircleSymbols(styles)).toBe(styles);
  });
});
