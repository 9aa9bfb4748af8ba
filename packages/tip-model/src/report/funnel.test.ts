import type { TraceEntry } from "@tablepipe/core";
import { describe, expect, it } from "vitest";
import { funnelRows } from "./funnel";

const entry = (step: string, children: TraceEntry[] = []): TraceEntry => ({
  step,
  transform: step,
  rowsIn: 10,
  rowsOut: 5,
  ms: 1,
  children,
});

describe("funnelRows", () => {
  it("flattens in flow order (a composed step after its steps) and labels nested steps by their path", () => {
    const rows = funnelRows([
      entry("filterData", [entry("limitHistory"), entry("firstNDaily")]),
      entry("addFeatures"),
    ]);
    expect(rows.map((row) => [row.label, row.depth, row.composite])).toEqual([
      ["filterData › limitHistory", 1, false],
      ["filterData › firstNDaily", 1, false],
      ["filterData", 0, true],
      ["addFeatures", 0, false],
    ]);
  });

  it("makes repeated labels unique", () => {
    const rows = funnelRows([
      entry("excludeAirports"),
      entry("excludeAirports"),
      entry("excludeAirports (2)"),
    ]);
    expect(rows.map((row) => row.label)).toEqual([
      "excludeAirports",
      "excludeAirports (2)",
      "excludeAirports (2) (2)",
    ]);
  });

  it("carries every column a step names, also where its label abbreviates them", () => {
    const columns = ["a", "b", "c", "d", "e"];
    const rows = funnelRows([{ ...entry("dropMissing(5 columns)"), columns }, entry("addFeatures")]);
    expect(rows.map((row) => row.columns)).toEqual([columns, []]);
  });

  it("is empty for an empty trace", () => {
    expect(funnelRows([])).toEqual([]);
  });
});
