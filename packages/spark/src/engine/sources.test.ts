import { describe, expect, it } from "vitest";
import { sparkFiles } from "./sources";

describe("sparkFiles", () => {
  it("refuses a path listed twice, which Spark would read twice", () => {
    expect(() => sparkFiles("csv", ["data/a.csv", "data/b.csv", "data/a.csv"])).toThrow(
      'sparkFiles: "data/a.csv" is listed twice; reading it twice would double its rows: name each file once',
    );
    expect(sparkFiles("csv", ["data/a.csv", "data/b.csv"]).label).toBe("data/a.csv, data/b.csv");
  });
});
