import { pathToFileURL } from "node:url";
import { type CliOutput, runCli } from "@tablepipe/job";
import { FarePerMileConfig } from "./config";
import { FarePerMileJob } from "./job";

// #region runFarePerMileCli
/**
 * The command line: `fare-per-mile [--after 201712] [--through 201812] [--min-miles 0.5] [--data-dir dir] ...`;
 * resolves to the exit code (0 ok, 2 bad flags, 1 any other error).
 */
export function runFarePerMileCli(
  argv: readonly string[],
  output: { stdout?: CliOutput; stderr?: CliOutput } = {},
): Promise<number> {
  const stdout = output.stdout ?? process.stdout;
  return runCli(argv, {
    programName: "fare-per-mile",
    description: "Fare per mile by pickup borough and hour of the day.",
    defaultCommand: "run",
    ...output,
    commands: {
      run: {
        description: "compute the answer and write it as CSV",
        schema: FarePerMileConfig,
        run: async (config) => {
          const job = new FarePerMileJob(config);
          await job.run();
          stdout.write(`answer: ${config.out} (${job.table("answer").numRows()} rows)\n`);
        },
      },
    },
  });
}
// #endregion runFarePerMileCli

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runFarePerMileCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
