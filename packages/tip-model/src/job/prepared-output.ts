import { basename, dirname, extname } from "node:path";
import { type OutputFolder, OutputPathError, openOutputFolder } from "@tablepipe/io";

/**
 * Open the folder of `prepare --out FILE` for that one file, before any work: the name must end in `.csv` or
 * `.parquet`, may not be an input, and may replace only a file tablepipe wrote there (any with `overwrite`).
 * Other files of the folder are never touched.
 * @example const out = await openPreparedOutput("prepared.csv", { inputs: ["data"] });
 */
export function openPreparedOutput(
  path: string,
  options: { overwrite?: boolean | undefined; inputs?: readonly string[] } = {},
): Promise<OutputFolder> {
  if (path.trim() === "") {
    throw new OutputPathError(path, "--out is empty: name the file to write, e.g. --out prepared.csv");
  }
  const extension = extname(path).toLowerCase();
  if (path.endsWith("/") || (extension !== ".csv" && extension !== ".parquet")) {
    throw new OutputPathError(
      path,
      `--out ${path}: expected a file name ending in .csv or .parquet (the format is chosen by the extension)`,
    );
  }
  return openOutputFolder(dirname(path), {
    label: "--out",
    overwriteLabel: "--overwrite",
    shared: true,
    files: [basename(path)],
    overwrite: options.overwrite === true,
    inputs: options.inputs ?? [],
  });
}
