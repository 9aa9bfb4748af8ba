import { describe, expect, it } from "vitest";
import { compileCacheProfile } from "./cache-profile";

describe("compileCacheProfile", () => {
  it.each([
    [[], "run.default"],
    [["--data-dir", "d"], "run.default"],
    [["run", "--engine", "duckdb"], "run.duckdb"],
    [["--engine=spark", "--model", "linear"], "run.spark"],
    [["prepare", "--out", "p.parquet"], "prepare.default"],
    [["sample", "--rows", "10"], "sample.default"],
    // the last --engine wins, as it does for the flags; characters outside a file name's plain set are replaced
    [["run", "--engine", "duckdb", "--engine", "in/process"], "run.in_process"],
  ])("keys %j as %s", (args, profile) => {
    expect(compileCacheProfile(args)).toBe(profile);
  });

  it.each([
    [["--help"]],
    [["run", "-h"]],
    [["-V"]],
    [["--version"]],
    [["run", "--print-config"]],
    [["help", "run"]],
  ])("keys %j, which only prints, apart from the runs", (args) => {
    expect(compileCacheProfile(args)).toBe("print");
  });
});
