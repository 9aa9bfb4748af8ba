import { isAbsolute } from "node:path";
import { OutputPathError } from "../errors";

/**
 * Why `name` cannot name a file of an output folder, or undefined when it can: an output file is named by its
 * name alone, in the folder, so a name with a folder part (`/`, `\`), `.` or `..`, an absolute path or a NUL
 * would write outside the folder or into sub-folders the next run takes for the user's.
 * @example outputFileNameProblem("../out.csv") // 'a name with a folder part ("/")...'
 */
export function outputFileNameProblem(name: string): string | undefined {
  if (name === "" || name === "." || name === "..") return "it is not a file name";
  if (isAbsolute(name) || name.includes("/") || name.includes("\\")) {
    return 'an output file is named by its name alone, without a folder part ("/", "\\"); write it in an output folder of its own';
  }
  if (name.includes("\0")) return "a file name holds no NUL character";
  return undefined;
}

/**
 * Throw an {@link OutputPathError} naming `name` and the folder when it cannot name a file of the output folder
 * `dir` (see {@link outputFileNameProblem}), labelled as its refusals are (`--output-dir`, `output folder`).
 */
export function checkOutputFileName(dir: string, name: string, label: string): void {
  const problem = outputFileNameProblem(name);
  if (problem === undefined) return;
  throw new OutputPathError(dir, `cannot write ${JSON.stringify(name)} in ${label} ${dir}: ${problem}`);
}
