import { describe, expect, it } from "vitest";
import { cast, coalesce, col, lit, timestamp, truncate } from "./build";
import { evaluateExpression } from "./evaluate";
import { castsToText, givesStamps, stampText } from "./stamp-text";

describe("stampText", () => {
  it("is the wall-clock text, the fraction of a second to the microsecond without trailing zeros", () => {
    expect(stampText(Date.UTC(2024, 1, 29, 10))).toBe("2024-02-29 10:00:00");
    expect(stampText(Date.UTC(2024, 1, 29, 23, 59, 59, 120))).toBe("2024-02-29 23:59:59.12");
    expect(stampText(Date.UTC(2024, 1, 29, 0, 0, 0, 1) + 0.5)).toBe("2024-02-29 00:00:00.0015");
    expect(stampText(Date.UTC(1969, 11, 31, 23, 59, 59, 999))).toBe("1969-12-31 23:59:59.999");
    expect(stampText(-0.001)).toBe("1969-12-31 23:59:59.999999");
  });
});

describe("a time stamp cast to a string", () => {
  const at = Date.UTC(2024, 1, 29, 10, 30);
  const input = (types: Record<string, "timestamp" | "date" | "float">) => ({
    rowCount: 2,
    column: (name: string) =>
      name === "n" ? Float64Array.of(1.5, Number.NaN) : Float64Array.of(at, Number.NaN),
    columnType: (name: string) => types[name],
  });

  it("is its wall-clock text when the column is declared a time stamp or a date, null for null", () => {
    const text = (types: Record<string, "timestamp" | "date" | "float">) =>
      evaluateExpression(cast(col("at"), "string"), input(types), "derive");
    expect(text({ at: "timestamp" })).toEqual({ kind: "string", values: ["2024-02-29 10:30:00", null] });
    expect(text({ at: "date" })).toEqual({ kind: "string", values: ["2024-02-29 10:30:00", null] });
    // a plain number column is a number: its text
    expect(text({ at: "float" })).toEqual({ kind: "string", values: [String(at), null] });
  });

  it("knows time stamps from literals, casts, truncate and a coalesce of them", () => {
    const typeOf = (name: string) => (name === "at" ? "timestamp" : undefined);
    expect(givesStamps(timestamp("2024-01-01"), typeOf)).toBe(true);
    expect(givesStamps(cast(col("n"), "timestamp"), typeOf)).toBe(true);
    expect(givesStamps(truncate(col("n"), "day"), typeOf)).toBe(true);
    expect(givesStamps(coalesce(col("at"), null), typeOf)).toBe(true);
    expect(givesStamps(coalesce(col("at"), col("n")), typeOf)).toBe(false);
    expect(givesStamps(coalesce(null), typeOf)).toBe(false);
    expect(givesStamps(lit(3), typeOf)).toBe(false);
  });

  it("is found inside an expression, so a read does not test it without the declared types", () => {
    expect(castsToText(coalesce(cast(col("at"), "string"), "x"))).toBe(true);
    expect(castsToText(cast(col("at"), "float"))).toBe(false);
  });
});
