import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleReportInput } from "./fixture";
import { funnelRows } from "./funnel";
import { renderReport } from "./index";
import { samplePredictions } from "./sample";
import { scatterRange } from "./scatter-range";

/** The Chromium to drive: $CHROMIUM_PATH when it exists, else Debian's /usr/bin/chromium. */
function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].filter(
    (path): path is string => path !== undefined && path !== "",
  );
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) {
    throw new Error(
      `No Chromium found (looked at ${candidates.join(", ")}). The report's browser test needs it: ` +
        "run `bash scripts/ensure-chromium.sh` (installs Debian's chromium as root), or set CHROMIUM_PATH.",
    );
  }
  return found;
}

const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const ROWS = 5_000;
const CHARTS = ["funnel", "importances", "predictions", "residuals"] as const;

describe("report.html in headless Chromium", () => {
  let dir = "";
  let browser: Browser | undefined;
  let opened: Page | undefined;
  /** Why the page could not be opened; every test fails with it (none is skipped). */
  let setupError: unknown;
  const requests: string[] = [];
  const failedRequests: string[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const input = sampleReportInput(ROWS);

  /** The opened report, or the reason it could not be opened. */
  const reportPage = (): Page => {
    if (opened === undefined) throw setupError ?? new Error("the report page was not opened");
    return opened;
  };

  async function openReport(): Promise<Page> {
    const executablePath = chromiumPath();
    dir = await mkdtemp(join(tmpdir(), "tablepipe-report-"));
    const file = join(dir, "report.html");
    await writeFile(file, await renderReport(input), "utf8");
    browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS, timeout: 60_000 });
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on("request", (request) => requests.push(request.url()));
    page.on("requestfailed", (request) =>
      failedRequests.push(`${request.url()}: ${request.failure()?.errorText}`),
    );
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => pageErrors.push(error.message));
    const response = await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    if (response !== null && !response.ok()) throw new Error(`opening ${file} answered ${response.status()}`);
    return page;
  }

  beforeAll(async () => {
    try {
      opened = await openReport();
    } catch (error) {
      setupError = error;
    }
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    if (dir !== "") await rm(dir, { recursive: true, force: true });
  });

  it.each(CHARTS)("shows the %s chart as an SVG with a visible size and marks", async (id) => {
    const page = reportPage();
    const svg = page.locator(`#chart-${id} > svg`);
    await expect(svg.count()).resolves.toBe(1);
    const box = await svg.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(100);
    expect(box?.height ?? 0).toBeGreaterThan(50);
    const marks = await svg.locator("g.marks").locator("path, rect, circle").count();
    expect(marks).toBeGreaterThan(0);
  });

  it("draws one bar per funnel step and one bar per feature", async () => {
    const page = reportPage();
    const bars = (id: string) => page.locator(`#chart-${id} g.bars rect`).count();
    // One bar for the rows going in, then one per step.
    await expect(bars("funnel")).resolves.toBe(funnelRows(input.funnel).length + 1);
    await expect(bars("importances")).resolves.toBe(input.importances.length);
  });

  it("draws the sampled test rows as circles with the y = x line", async () => {
    const page = reportPage();
    const { actual, predicted } = input.predictions;
    const drawn = scatterRange(samplePredictions(actual, predicted, 2_000).points).inside.length;
    expect(drawn).toBeGreaterThan(1_990);
    await expect(page.locator("#chart-predictions circle").count()).resolves.toBe(drawn);
    const circle = page.locator("#chart-predictions circle").first();
    const box = await circle.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(0);
    await expect(page.locator("#chart-predictions g.line path").count()).resolves.toBe(1);
  });

  it("shows the metrics table with the numbers", async () => {
    const page = reportPage();
    const rows = await page.locator("table.metrics tbody tr").allInnerTexts();
    expect(rows.map((row) => row.split("\t").map((cell) => cell.trim()))).toEqual([
      ["training", "7,840", "1.235", "0.812", "0.457"],
      ["test", "1,960", "1.301", "0.846", "0.402"],
    ]);
  });

  it("loads nothing but the file itself: no other requests, none failed, no console errors", () => {
    reportPage();
    expect(requests.filter((url) => !url.startsWith("file:"))).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(failedRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
