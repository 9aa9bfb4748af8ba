#!/usr/bin/env node
import { runTipModelCli } from "./commands";

// `tip-model --help | head`: the reader closed the pipe; stop quietly instead of crashing on EPIPE.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

runTipModelCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
