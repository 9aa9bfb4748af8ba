import { Help } from "commander";

/** Narrowest description column kept beside the flags; below it, descriptions go under their flag. */
const MIN_DESCRIPTION_WIDTH = 40;
/** Indent of a description placed under its flag. */
const STACKED_INDENT = 6;

/** One example invocation shown in a command's help. */
export interface CliExample {
  /** The command line as typed, e.g. `tip-model run --test-fraction 0.01`. */
  command: string;
  /** What it does, in one sentence. */
  description: string;
}

/**
 * commander's `formatItem`, but when the flags leave less than 40 columns for descriptions, each description
 * goes under its flag, wrapped to the full width, instead of overflowing the line.
 */
export function formatHelpItem(term: string, termWidth: number, description: string, helper: Help): string {
  const width = helper.helpWidth ?? 80;
  if (description === "" || width - termWidth - 4 >= MIN_DESCRIPTION_WIDTH) {
    return Help.prototype.formatItem.call(helper, term, termWidth, description, helper);
  }
  return `  ${term}\n${indent(wrapText(description, width - STACKED_INDENT), STACKED_INDENT)}`;
}

/** The "Examples:" section of a command's help, each command line followed by its description. */
export function examplesHelp(examples: readonly CliExample[], width: number): string {
  if (examples.length === 0) return "";
  const items = examples.map(
    (e) => `  ${e.command}\n${indent(wrapText(e.description, width - STACKED_INDENT), STACKED_INDENT)}`,
  );
  return `\nExamples:\n${items.join("\n")}\n`;
}

/** Wrap text at spaces to `width` columns (a word longer than the width stays whole). */
export function wrapText(text: string, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines.join("\n");
}

function indent(text: string, spaces: number): string {
  const pad = " ".repeat(spaces);
  return text
    .split("\n")
    .map((l) => pad + l)
    .join("\n");
}
