import { describe, expect, it } from "vitest";
import { withArticle } from "./with-article";

describe("withArticle", () => {
  it("writes an before a vowel, a before a consonant", () => {
    expect(withArticle("int")).toBe("an int");
    expect(withArticle("object")).toBe("an object");
    expect(withArticle("string")).toBe("a string");
    expect(withArticle("timestamp")).toBe("a timestamp");
  });
});
