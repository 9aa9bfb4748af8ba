import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { splitSteps, transcriptBlocks, withTranscriptBlocks } from "../src/readme";
import { openPlayground } from "../src/session";
import { PLAYGROUND_DIR, runTranscript, type TranscriptStep } from "../src/transcript";

const readmePath = join(PLAYGROUND_DIR, "README.md");
const outputDir = mkdtempSync(join(tmpdir(), "playground-test-"));
afterAll(() => rmSync(outputDir, { recursive: true, force: true }));

/** The outputs of the steps whose (first) input line is `line`, in order. */
function outputsOf(steps: readonly TranscriptStep[], line: string): string[] {
  return steps.filter((step) => step.lines[0] === line).map((step) => step.output);
}

describe("pnpm playground", () => {
  it("replays the README's walkthrough through stdin, with the outputs it shows", {
    timeout: 90_000,
  }, async () => {
    const readme = readFileSync(readmePath, "utf8");
    const blocks = transcriptBlocks(readme);
    const inputs = blocks.flat().map((step) => step.lines);
    expect(inputs.length).toBeGreaterThan(10);

    const { steps, stderr } = await runTranscript(inputs, ["--output-dir", outputDir]);

    // What the walkthrough is about, whatever the numbers.
    expect(outputsOf(steps, "await job.run()")).toEqual(["undefined"]);
    const [before, after] = outputsOf(steps, "job.tables.training.numRows()").map(Number);
    expect(before).toBeGreaterThan(1000);
    expect(after).toBeGreaterThan(before ?? Number.POSITIVE_INFINITY); // test_fraction 0.2 -> 0.01
    expect(outputsOf(steps, "job.model.name")).toEqual(["'gradientBoostedTrees'"]);
    // the guide's .show(5): time stamps as wall-clock text, never epoch milliseconds
    const shown = outputsOf(
      steps,
      'show(job.tables.training.select("pickup_datetime", "trip_distance", "fare_amount", "tip_amount"), 5)',
    )[0];
    expect(shown).toMatch(
      /\|pickup_datetime +\|[\s\S]*\|20\d\d-\d\d-\d\d \d\d:\d\d:\d\d\|[\s\S]*only showing top 5 of \d+ rows/,
    );
    expect(shown).not.toMatch(/\d{13}/);
    const [notebookRows, preparedRows] = steps.slice(-2).map((step) => Number(step.output));
    expect(notebookRows).toBeLessThan(preparedRows ?? 0);
    expect(stderr).toMatch(/INFO tip-model: {3}limitHistory +[\d,]+ → [\d,]+/);
    expect(stderr).toContain("trained randomForest on");
    expect(stderr).toContain("trained gradientBoostedTrees on");
    expect(steps.some((step) => step.output.includes("Uncaught"))).toBe(false);

    // And the README shows exactly what the REPL printed.
    const recorded = withTranscriptBlocks(
      readme,
      splitSteps(
        steps,
        blocks.map((block) => block.length),
      ),
    );
    expect(
      recorded,
      "examples/playground/README.md is out of date: run `pnpm docs` and review the diff",
    ).toBe(readme);
  });

  it("prints the tip model's flags, with the playground's defaults, for --help", async () => {
    let text = "";
    const info = new Writable({
      write(chunk: Buffer, _encoding, done) {
        text += chunk.toString();
        done();
      },
    });
    const streams = { input: new PassThrough(), output: new PassThrough(), info, terminal: false };
    expect(await openPlayground(["--help"], streams)).toBeUndefined();
    expect(text).toContain("Usage: pnpm playground");
    expect(text).toMatch(/--sample-rows <integer>[\s\S]*default: 20000/);
    expect(text).toContain("--test-fraction");
  });

  it("refuses a flag the chosen mode ignores, as `tip-model run` does (before any data is read)", async () => {
    const streams = {
      input: new PassThrough(),
      output: new PassThrough(),
      info: new PassThrough(),
      terminal: false,
    };
    await expect(openPlayground(["--model", "linear", "--num-trees", "50"], streams)).rejects.toThrow(
      /^--num-trees: applies to --model random-forest, not linear$/,
    );
    await expect(openPlayground(["--data-dir", outputDir, "--sample-rows", "10"], streams)).rejects.toThrow(
      /^--sample-rows: applies to the built-in generated sample only, not with --data-dir$/,
    );
  });
});
