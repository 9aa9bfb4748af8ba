import { table } from "arquero";
import { describe, expect, it } from "vitest";
import "./vitest";

describe("matcher types", () => {
  it("adds toEqualTable and toHaveColumns to expect()", () => {
    const t = table({ a: [1] });
    expect(t).toEqualTable(t);
    expect(t).toEqualTable(t, {
      ignoreRowOrder: true,
      ignoreColumnOrder: true,
      tolerance: 1e-9,
      maxDiffRows: 3,
    });
    expect(t).not.toEqualTable(t);
    expect(t).toHaveColumns(["a"]);
    expect(t).toHaveColumns(["a"], { exact: true, ordered: true });
    expect(t).not.toHaveColumns(["b"]);
    // @ts-expect-error an unknown option
    expect(t).toEqualTable(t, { ignoreRowsOrder: true });
    // @ts-expect-error the columns must be an array of names
    expect(t).toHaveColumns("a");
    // @ts-expect-error the expected table is required
    expect(t).toEqualTable();
  });
});
