/**
 * A CLI on runCli for closed-pipe.test.ts, run in a child process: its `--help` is longer than a pipe holds
 * (so a reader that stops early closes the pipe while it writes), and `--lines N` logs N long lines to stderr.
 */
import * as z from "zod";
import { getLogger } from "../log/logger";
import { runCli } from "./run-cli";

const options = Object.fromEntries(
  Array.from({ length: 600 }, (_, i) => [
    `option_${i}`,
    z.string().default("x").describe("an option ".repeat(40)),
  ]),
);
const schema = z.object({ lines: z.int().default(0).describe("log lines to write"), ...options });

runCli(process.argv.slice(2), {
  programName: "piped",
  defaultCommand: "run",
  commands: {
    run: {
      description: "log lines",
      schema,
      run: (config) => {
        const log = getLogger("piped");
        for (let i = 0; i < config.lines; i++) log.info(`line ${i} ${"x".repeat(200)}`);
      },
    },
  },
}).then((code) => {
  process.exitCode = code;
});
