import type { Command } from "commander";
import { ConfigError } from "./errors";
import { formatFlagValue } from "./field-text";

/**
 * Make `command` refuse a flag given twice, before commander takes the later value: a {@link ConfigError}
 * naming the flag and both values as typed. `names` are commander's names of the flag's options (`top-n`; a
 * boolean's `verbose` and `no-verbose`, shown as typed). Call it before the options are added, so that it runs
 * first. A list flag accumulates instead: it is not passed here.
 * @example refuseRepeats(command, "--top-n", ["top-n"]) // `--top-n=7 --top-n 8`: "--top-n: given twice ("7", then "8"); give it once"
 */
export function refuseRepeats(command: Command, flag: string, names: readonly string[]): void {
  let first: string | undefined;
  for (const name of names) {
    command.on(`option:${name}`, (value: unknown) => {
      const given = typeof value === "string" ? formatFlagValue(value) : `--${name}`;
      if (first === undefined) {
        first = given;
        return;
      }
      throw new ConfigError(`${flag}: given twice (${first}, then ${given}); give it once`, {
        kind: "repeated-flag",
        flag,
      });
    });
  }
}
