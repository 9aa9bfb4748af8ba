import { openPlayground } from "./session";

/** `pnpm playground [--sample-rows 5000] [--model gbt] ...` (the tip model's flags; `--help` lists them). */
try {
  await openPlayground(process.argv.slice(2), {
    input: process.stdin,
    output: process.stdout,
    info: process.stdout,
    terminal: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  });
} catch (error) {
  process.stderr.write(`playground: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
