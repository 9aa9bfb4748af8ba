import { describe, expect, it } from "vitest";
import { SparkLoadError } from "../client/errors";
import { fileName, fileOrder } from "./file-order";

const read = (...uris: string[]) =>
  uris.map((file, i) => ({ file, low: BigInt(i) << 33n, high: (BigInt(i) << 33n) + 9n }));
const files = (order: { file: string }[]) => order.map((o) => fileName(o.file));

describe("fileOrder: the files Spark read, in readTable's order", () => {
  it("orders a glob's or a folder's files by code point, whatever order Spark read them in", () => {
    const spark = read("file:///d/b.csv", "file:///d/B.csv", "file:///d/a%20x.csv");
    expect(files(fileOrder(["/d/*.csv"], spark, "x"))).toEqual(["/d/B.csv", "/d/a x.csv", "/d/b.csv"]);
    expect(files(fileOrder(["/d"], spark, "x"))).toEqual(["/d/B.csv", "/d/a x.csv", "/d/b.csv"]);
  });

  it("orders a list's files by the entry naming each, then by code point", () => {
    const spark = read("file:///d/a.csv", "file:///e/2.csv", "file:///d/c.csv", "file:///e/1.csv");
    const order = fileOrder(["/e/{1,2}.csv", "/d/c.csv", "/d/**/*.csv"], spark, "x");
    expect(files(order)).toEqual(["/e/1.csv", "/e/2.csv", "/d/c.csv", "/d/a.csv"]);
    expect(order.map((o) => o.start)).toEqual([0n, 2n ** 44n, 2n ** 45n, 3n * 2n ** 44n]);
    expect(order[0]?.low).toBe(3n << 33n);
  });

  it("refuses a file Spark numbered over 2^44 numbers", () => {
    const spread = [{ file: "file:///d/big.parquet", low: 0n, high: 2n ** 44n }];
    expect(() => fileOrder(["/d"], spread, "x")).toThrow(SparkLoadError);
  });
});
