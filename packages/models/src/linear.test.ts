import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { linearRegression } from "./linear";
import { loadModel } from "./load-model";
import type { LinearRegressionJson } from "./model-json";
import { linearTable, noisyTable } from "./test-tables";

describe("linearRegression", () => {
  it("recovers the coefficients of a noise-free linear target to 1e-9", () => {
    const model = linearRegression().fit(linearTable(500), { features: ["a", "b", "c"], label: "y" });
    const json = model.toJSON() as LinearRegressionJson;
    expect(Math.abs(json.intercept - 3)).toBeLessThan(1e-9);
    const expected = [2, -0.5, 0.25];
    json.coefficients.forEach((c, f) => {
      expect(Math.abs(c - (expected[f] as number))).toBeLessThan(1e-9);
    });
    const p = model.predict(table({ a: [1], b: [2], c: [4] }));
    expect(p[0]).toBeCloseTo(3 + 2 - 1 + 1, 9);
  });

  it("fits without an intercept", () => {
    const data = table({ a: [1, 2, 3, 4], b: [1, 0, 1, 0], y: [3, 4, 7, 8] });
    const model = linearRegression({ fitIntercept: false }).fit(data, { features: ["a", "b"], label: "y" });
    const json = model.toJSON() as LinearRegressionJson;
    expect(json.intercept).toBe(0);
    expect(json.coefficients[0]).toBeCloseTo(2, 10);
    expect(json.coefficients[1]).toBeCloseTo(1, 10);
  });

  it("gives a constant feature coefficient and importance 0", () => {
    const data = linearTable(200).derive({ one: () => 1 });
    const model = linearRegression().fit(data, { features: ["one", "a", "b", "c"], label: "y" });
    expect((model.toJSON() as LinearRegressionJson).coefficients[0]).toBe(0);
    const importances = model.featureImportances();
    expect(importances.map((f) => f.feature)).toEqual(["a", "b", "c", "one"]);
    expect(importances[3]?.importance).toBe(0);
    expect(importances.reduce((s, f) => s + f.importance, 0)).toBeCloseTo(1, 12);
  });

  it("predicts a constant label and a single row exactly", () => {
    const constant = linearRegression().fit(table({ x: [1, 2, 3], y: [2, 2, 2] }), {
      features: ["x"],
      label: "y",
    });
    expect(Array.from(constant.predict(table({ x: [0, 10] })))).toEqual([2, 2]);
    const single = linearRegression().fit(table({ x: [5], y: [1.25] }), { features: ["x"], label: "y" });
    expect(Array.from(single.predict(table({ x: [5, -3] })))).toEqual([1.25, 1.25]);
  });

  it("round-trips through JSON with identical predictions", () => {
    const data = noisyTable(400);
    const model = linearRegression().fit(data, { features: ["a", "b", "k", "d"], label: "y" });
    const text = JSON.stringify(model.toJSON());
    const loaded = loadModel(JSON.parse(text));
    expect(loaded.name).toBe("linearRegression");
    expect(loaded.params).toEqual({ fitIntercept: true });
    expect(Array.from(loaded.predict(data))).toEqual(Array.from(model.predict(data)));
    expect(JSON.stringify(loaded.toJSON())).toBe(text);
    expect(
      JSON.stringify(
        linearRegression()
          .fit(data, { features: ["a", "b", "k", "d"], label: "y" })
          .toJSON(),
      ),
    ).toBe(text);
  });

  it("rejects bad params and columns, naming them", () => {
    expect(() => linearRegression({ fitIntercept: "yes" as unknown as boolean })).toThrow(
      'linearRegression: fitIntercept must be a boolean, got "yes"',
    );
    const data = table({ x: [1, 2], flag: ["N", "Y"], y: [1, 2] });
    expect(() => linearRegression().fit(data, { features: ["x", "flag"], label: "y" })).toThrow(
      'linearRegression: feature column "flag" is not numeric: row 0 holds string "N"',
    );
  });
});
