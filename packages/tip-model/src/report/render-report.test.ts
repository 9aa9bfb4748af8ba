import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sampleReportInput } from "./fixture";
import { renderReport } from "./index";
import { samplePredictions } from "./sample";
import { scatterRange } from "./scatter-range";
import type { ReportInput } from "./types";

/** The markup of one `<figure id="chart-…">`, or undefined when the page has no such chart. */
function figure(html: string, id: string): string | undefined {
  const start = html.indexOf(`<figure class="chart" id="chart-${id}">`);
  if (start < 0) return undefined;
  return html.slice(start, html.indexOf("</figure>", start));
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** The circles the scatter should draw: the sampled rows minus the outliers beyond its axes. */
function drawnPoints(input: ReportInput, maxPoints: number): number {
  const { actual, predicted } = input.predictions;
  return scatterRange(samplePredictions(actual, predicted, maxPoints).points).inside.length;
}

describe("renderReport", () => {
  it("shows the baseline, the run's metadata, the prepared columns and links to the other files when given", async () => {
    const input: ReportInput = {
      ...sampleReportInput(200),
      baseline: { rmse: 2.5, mae: 1.75, r2: -0.002, count: 40 },
      run: {
        startedAt: "2026-12-02 01:28:21 UTC",
        durationMs: 12_345,
        version: "0.1.0",
        commandLine: "tip-model run --seed 7",
        inputs: { taxi_trip_data: 200_000, taxi_zone_geo: 263 },
      },
      columns: [
        {
          name: "pickup_datetime",
          type: "timestamp",
          nulls: 0,
          min: "2017-04-01 00:00:05",
          max: "2018-11-30 23:59:00",
        },
      ],
      files: [
        { name: "model.json", bytes: 14_540 },
        { name: "predictions.csv", bytes: 3_500_000 },
      ],
    };
    const html = await renderReport(input);
    expect(html).toContain("<td>test, predicting the training mean</td>");
    expect(html).toContain('<td class="num">2.500</td>');
    expect(html).toContain('<section id="run">');
    expect(html).toContain("tip-model run --seed 7");
    expect(html).toContain("taxi_trip_data: 200,000 rows; taxi_zone_geo: 263 rows");
    expect(html).toContain("12.3 s");
    expect(html).toContain('<td class="value">2017-04-01 00:00:05</td>');
    expect(html).toContain('<a href="model.json">model.json</a> <span class="note">14.2 KB</span>');
    expect(html).toContain('<a href="predictions.csv">predictions.csv</a> <span class="note">3.3 MB</span>');
  });

  it("leaves the optional sections out when not given", async () => {
    const html = await renderReport(sampleReportInput(200));
    for (const id of ["run", "columns", "files"]) expect(html).not.toContain(`<section id="${id}">`);
    expect(html).not.toContain("predicting the training mean");
  });

  it("renders a complete page with all four charts as inline SVG", async () => {
    const html = await renderReport(sampleReportInput(1_000));
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
    for (const id of ["funnel", "importances", "predictions", "residuals"]) {
      const chart = figure(html, id);
      expect(chart, id).toBeDefined();
      expect(chart).toMatch(/<svg [^>]*role="img"/);
    }
    expect(html).toContain("<title>tip-model run</title>");
    expect(html).toContain("filterData › limitHistory");
    expect(html).toMatch(/<td class="depth-1">limitHistory<\/td>/);
    expect(html).toContain("<td>training</td>");
    expect(html).toContain('<td class="num">1.235</td>');
    expect(html).toContain('<td class="num">-25.6%</td>');
  });

  it("is self-contained: no script, no link, nothing that loads from a URL", async () => {
    const html = await renderReport(sampleReportInput(1_000));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/<(img|iframe|object|embed|image)\b/i);
    expect(html).not.toMatch(/@import|url\((?!#)/i);
    expect(html).not.toMatch(/\s(src|href)="(?!#)/i);
    // The only URL is the SVG namespace name, which loads nothing.
    const urls = new Set(html.match(/https?:\/\/[^"\s)]+/g) ?? []);
    expect([...urls]).toEqual(["http://www.w3.org/2000/svg"]);
    expect(html).toContain("Content-Security-Policy");
  });

  it("gives the same bytes for the same input", async () => {
    const input = sampleReportInput(3_000);
    const first = await renderReport(input);
    const second = await renderReport(sampleReportInput(3_000));
    expect(second).toBe(first);
  });

  it("draws at most maxPoints evenly spaced test rows and says so", async () => {
    const input = sampleReportInput(5_000);
    const html = await renderReport(input);
    const scatter = figure(html, "predictions") ?? "";
    const drawn = drawnPoints(input, 2_000);
    expect(drawn).toBeGreaterThan(1_990);
    expect(count(scatter, /<circle /g)).toBe(drawn);
    expect(scatter).toContain("2,000 of 5,000 test rows (evenly spaced)");
    const outside = 2_000 - drawn;
    expect(scatter).toContain(
      outside === 1
        ? "1 of them lies beyond the axes and is not drawn."
        : `${outside} of them lie beyond the axes and are not drawn.`,
    );
    const small = await renderReport(input, { maxPoints: 100 });
    expect(count(figure(small, "predictions") ?? "", /<circle /g)).toBe(drawnPoints(input, 100));
    expect(drawnPoints(input, 100)).toBeLessThanOrEqual(100);
    const few = await renderReport(sampleReportInput(30));
    expect(count(figure(few, "predictions") ?? "", /<circle /g)).toBe(drawnPoints(sampleReportInput(30), 30));
    expect(few).toContain("All 30 test rows");
  });

  it("escapes every string that comes from the input", async () => {
    const evil = `<script>alert("x")</script>&'`;
    const base = sampleReportInput(200);
    const input: ReportInput = {
      ...base,
      title: evil,
      generatedFrom: evil,
      config: { [evil]: evil, nested: { evil } },
      funnel: [{ step: evil, transform: evil, rowsIn: 10, rowsOut: 5, ms: 1, children: [] }],
      importances: [{ feature: evil, importance: 1 }],
      model: { name: evil, params: { [evil]: evil } },
    };
    const html = await renderReport(input);
    expect(html).not.toContain("<script");
    expect(html).not.toContain(evil);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;");
  });

  it("shows NaN metrics as n/a", async () => {
    const base = sampleReportInput(200);
    const nan = { rmse: Number.NaN, mae: Number.NaN, r2: Number.NaN, count: 0 };
    const html = await renderReport({ ...base, metrics: { training: base.metrics.training, test: nan } });
    expect(html).toContain(
      '<td>test</td><td class="num">0</td><td class="num">n/a</td><td class="num">n/a</td><td class="num">n/a</td>',
    );
  });

  it("renders an empty funnel, no importances and no predictions as notes, not broken charts", async () => {
    const base = sampleReportInput(0);
    const html = await renderReport({ ...base, funnel: [], importances: [] });
    for (const id of ["funnel", "importances", "predictions", "residuals"])
      expect(figure(html, id)).toBeUndefined();
    expect(html).toContain("No pipeline steps were recorded.");
    expect(html).toContain("The model reported no importances.");
    expect(html).toContain("No test predictions to show.");
  });

  it("names every column of a step whose label abbreviates them (dropMissing of the model's columns)", async () => {
    const base = sampleReportInput(200);
    const columns = ["fare_amount", "trip_distance", "passenger_count", "payment_type"];
    const html = await renderReport({
      ...base,
      funnel: [
        {
          step: "dropMissing(4 columns)",
          transform: "dropMissing",
          columns,
          rowsIn: 10,
          rowsOut: 9,
          ms: 1,
          children: [],
        },
      ],
    });
    expect(html).toContain(`<td class="columns">${columns.join(", ")}</td>`);
  });

  it("renders steps with zero rows (change n/a) and all-NaN predictions", async () => {
    const base = sampleReportInput(0);
    const html = await renderReport({
      ...base,
      funnel: [
        { step: "limitHistory", transform: "limitHistory", rowsIn: 0, rowsOut: 0, ms: 0, children: [] },
      ],
      predictions: { actual: [Number.NaN, 1], predicted: [1, Number.NaN] },
    });
    expect(figure(html, "funnel")).toBeDefined();
    expect(html).toContain('<td class="num">n/a</td><td class="num">0.0</td>');
    expect(html).toContain("No test predictions to show.");
  });

  it("leaves test rows with a NaN out of the charts and says how many", async () => {
    const base = sampleReportInput(0);
    const html = await renderReport({
      ...base,
      predictions: { actual: [1, 2, 3, Number.NaN], predicted: [1.5, 2.5, 2, 4] },
    });
    expect(count(figure(html, "predictions") ?? "", /<circle /g)).toBe(3);
    expect(html).toContain("All 3 test rows; the dashed line is y = x");
    expect(html).toContain("1 row with a missing value is left out.");
    expect(html).toContain("Residuals (predicted - actual) of 3 test rows.");
  });

  it("rejects a maxPoints that is not a positive integer", async () => {
    await expect(renderReport(sampleReportInput(10), { maxPoints: 0 })).rejects.toThrow(/maxPoints/);
    await expect(renderReport(sampleReportInput(10), { maxPoints: 1.5 })).rejects.toThrow(/maxPoints/);
  });
});

describe("renderReport's charts on any numbers", () => {
  /** Every number written into an attribute of the page's charts (coordinates, sizes). */
  function chartNumbers(html: string): string[] {
    const svgs = html.match(/<svg [\s\S]*?<\/svg>/g) ?? [];
    return svgs.flatMap((svg) =>
      [...svg.matchAll(/\s(?:x|y|cx|cy|r|width|height|x1|x2|y1|y2)="([^"]*)"/g)].map((m) => m[1] ?? ""),
    );
  }

  it("draws finite coordinates only, whatever the counts, importances and predictions hold", async () => {
    const value = fc.oneof(
      fc.double({ noDefaultInfinity: false }),
      fc.constantFrom(0, -0, 1e-300, 1e300, -1e300, Number.NaN),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: 2_000_000_000 }), { minLength: 1, maxLength: 6 }),
        fc.array(value, { maxLength: 5 }),
        fc.array(fc.tuple(value, value), { maxLength: 60 }),
        async (counts, importances, pairs) => {
          const base = sampleReportInput(0);
          const html = await renderReport({
            ...base,
            funnel: counts.map((rows, i) => ({
              step: `step ${i}`,
              transform: "t",
              rowsIn: rows,
              rowsOut: Math.floor(rows / 2),
              ms: 1,
              children: [],
            })),
            importances: importances.map((importance, i) => ({ feature: `f${i}`, importance })),
            predictions: {
              actual: Float64Array.from(pairs, ([a]) => a),
              predicted: Float64Array.from(pairs, ([, p]) => p),
            },
          });
          for (const number of chartNumbers(html)) expect(Number.isFinite(Number(number)), number).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
