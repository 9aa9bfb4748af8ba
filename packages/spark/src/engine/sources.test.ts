import { describe, expect, it } from "vitest";
import { isRelativePath } from "./relative-paths";
import { sparkFiles } from "./sources";

describe("sparkFiles", () => {
  it("refuses a path listed twice, which Spark would read twice", () => {
    expect(() => sparkFiles("csv", ["/data/a.csv", "/data/b.csv", "/data/a.csv"])).toThrow(
      'sparkFiles: "/data/a.csv" is listed twice; reading it twice would double its rows: name each file once',
    );
    expect(sparkFiles("csv", ["/data/a.csv", "/data/b.csv"]).label).toBe("/data/a.csv, /data/b.csv");
  });

  it("refuses a relative path, which Spark resolves in its server's working directory, naming it", () => {
    for (const path of ["data/readings_a.csv", "./x.parquet", "../up/*.csv", "~/x.csv"]) {
      expect(() => sparkFiles("csv", ["/data/a.csv", path])).toThrow(
        `sparkFiles: ${JSON.stringify(path)} is a relative path, which Spark resolves where its server runs`,
      );
    }
    expect(() => sparkFiles("csv", "data/readings_a.csv")).toThrow(
      /give a path on the machines Spark runs on from the root \("\/data\/trips.csv"; for a server on this machine, path.resolve\("data\/readings_a.csv"\)\) or a URI/,
    );
    const paths = [
      "/data/*.csv",
      "file:///data/a.csv",
      "s3://bucket/trips/",
      "hdfs://nn/x",
      "C:\\data\\a.csv",
    ];
    expect(paths.filter(isRelativePath)).toEqual([]);
    expect(sparkFiles("csv", paths).label).toBe(paths.join(", "));
  });
});
