import { describe, expect, it } from "vitest";
import { escapeHtml, tableHtml } from "./html";

describe("escapeHtml", () => {
  it("escapes the five HTML-special characters", () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;",
    );
  });

  it("leaves other text alone, including non-ASCII", () => {
    expect(escapeHtml("R² › 0.4 — ok")).toBe("R² › 0.4 — ok");
  });

  it("escapes an ampersand once, not twice", () => {
    expect(escapeHtml("&amp;")).toBe("&amp;amp;");
  });
});

describe("tableHtml", () => {
  it("escapes header and cell text and marks numeric cells", () => {
    const html = tableHtml(
      "t",
      [{ text: "<name>" }, { text: "n", numeric: true }],
      [[{ text: "a&b" }, { text: "1", numeric: true }]],
    );
    expect(html).toContain("<th>&lt;name&gt;</th>");
    expect(html).toContain("<td>a&amp;b</td>");
    expect(html).toContain('<td class="num">1</td>');
  });
});
