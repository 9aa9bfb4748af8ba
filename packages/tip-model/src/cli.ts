#!/usr/bin/env node
import { runTipModelCli } from "./commands";

runTipModelCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
