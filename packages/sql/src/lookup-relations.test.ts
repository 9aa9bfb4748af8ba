import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { LookupRelations } from "./lookup-relations";

describe("LookupRelations", () => {
  const table = aq.table({ a: [1], b: ["x"] });

  it("names a table once per set of load types, in any key order", () => {
    const lookups = new LookupRelations();
    expect(lookups.nameOf(table, { a: "int", b: "string" })).toBe("lookup 1");
    expect(lookups.nameOf(table, { a: "float", b: "string" })).toBe("lookup 2");
    expect(lookups.nameOf(table, { b: "string", a: "int" })).toBe("lookup 1");
    expect(lookups.entries()).toEqual([
      [table, "lookup 1", { a: "int", b: "string" }],
      [table, "lookup 2", { a: "float", b: "string" }],
    ]);
    expect(lookups.reads).toBe(3);
  });

  it("forgets the lookups a declined step registered, and names the next after those kept", () => {
    const lookups = new LookupRelations();
    lookups.nameOf(table, { a: "int" });
    lookups.nameOf(table, { a: "float" });
    expect(lookups.tablesSince(1)).toEqual([table]);
    lookups.truncate(1);
    expect(lookups.size).toBe(1);
    expect(lookups.nameOf(table, { a: "string" })).toBe("lookup 2");
  });
});
