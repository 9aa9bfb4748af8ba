import type { Table } from "@tablepipe/core";
import { pipe } from "@tablepipe/core";
import { describe, expectTypeOf, it } from "vitest";
import { unpivot } from "./unpivot";

type SalesColumns = "site" | "jan" | "feb" | "note";
declare const sales: Table<SalesColumns, { site: "string"; jan: "int"; feb: "int"; note: "string" }>;
declare const plain: Table<SalesColumns>;
const months = { columns: ["jan", "feb"], nameColumn: "month", valueColumn: "amount" } as const;

describe("unpivot: columns and types checked against the table's", () => {
  it("removes the listed columns and adds the name (a string) and the value (the listed type)", () => {
    expectTypeOf(unpivot(sales, months)).toEqualTypeOf<
      Table<
        "site" | "note" | "month" | "amount",
        { site: "string"; note: "string"; month: "string"; amount: "int" }
      >
    >();
    expectTypeOf(
      pipe(sales)
        .transform(unpivot, { ...months, dropMissing: true })
        .run().table,
    ).toEqualTypeOf<
      Table<
        "site" | "note" | "month" | "amount",
        { site: "string"; note: "string"; month: "string"; amount: "int" }
      >
    >();
  });

  it("on a table of unknown types, the value's type is unknown", () => {
    expectTypeOf(unpivot(plain, months)).toEqualTypeOf<
      Table<"site" | "note" | "month" | "amount", { month: "string" }>
    >();
  });

  it("a list the compiler does not know is left to the pre-flight", () => {
    const columns: string[] = ["jan", "note"];
    unpivot(sales, { ...months, columns }); // compiles: no type clash is claimed
  });

  it("misspelt or missing columns, and listed columns of different types, do not compile", () => {
    // @ts-expect-error misspelt listed column
    unpivot(sales, { ...months, columns: ["jan", "fbe"] });
    // @ts-expect-error the listed columns are an int and a string
    unpivot(sales, { ...months, columns: ["jan", "note"] });
    // @ts-expect-error the name column is required
    unpivot(sales, { columns: ["jan"], valueColumn: "amount" });
    // @ts-expect-error after the unpivot, the listed columns are gone
    pipe(sales)
      .transform(unpivot, months)
      .transform(unpivot, { ...months, columns: ["jan"] });
  });
});
