import { resolve } from "node:path";
import { OutputPathError } from "../errors";
import { realish, within } from "./real-paths";

/** An output of a run, which a file appended to (a log) may not be, nor lie inside when it is a folder. */
export interface RunOutput {
  /** How messages name it, usually its flag (`"--output-dir"`). */
  readonly label: string;
  /** The path as given. */
  readonly path: string;
  /** `"folder"`: a folder of tablepipe's own (it holds nothing else); `"file"`: one file, in any folder. */
  readonly kind: "folder" | "file";
}

/** What {@link checkAppendFile} checks a file against. */
export interface AppendCheckOptions {
  /** What the file is called in messages, usually its flag (default `"file"`). */
  readonly label?: string;
  /** Input files and folders: the file may not be one of them nor lie inside an input folder. */
  readonly inputs?: readonly string[];
  /** The run's outputs: the file may not be one of them nor lie inside an output folder. */
  readonly outputs?: readonly RunOutput[];
}

/**
 * Check, before it is opened and creating nothing, that `file` may be appended to (a log file): throws an
 * {@link OutputPathError} naming the file and why when the path is empty, an input (appending would corrupt the
 * data), inside an input folder, an output of the run, or inside an output folder of tablepipe's own. Links are
 * followed: where they lead is what is checked. Any other file, existing or not, may be appended to.
 * @example await checkAppendFile("run.log", { label: "--log-file", inputs: ["data"], outputs: [{ label: "--output-dir", path: "out", kind: "folder" }] });
 */
export async function checkAppendFile(file: string, options: AppendCheckOptions = {}): Promise<void> {
  const label = options.label ?? "file";
  if (file.trim() === "") {
    throw new OutputPathError(file, `${label} is empty: name a file to append to, e.g. ${label} run.log`);
  }
  const target = resolve(file);
  const real = await realish(target);
  const inputs = await Promise.all(
    (options.inputs ?? []).map(async (input) => ({ input, real: await realish(input) })),
  );
  const input = inputs.find((i) => i.real === real);
  if (input !== undefined) {
    throw new OutputPathError(
      file,
      `${label} ${target} is the input ${input.input}: appending to it would corrupt your data; choose another path`,
    );
  }
  const holder = inputs.find((i) => within(real, i.real));
  if (holder !== undefined) {
    throw new OutputPathError(
      file,
      `${label} ${target} is inside the input folder ${holder.input}: tablepipe writes nothing among your inputs; choose another path`,
    );
  }
  for (const output of options.outputs ?? []) {
    const shown = resolve(output.path);
    const realOutput = await realish(output.path);
    if (output.kind === "file" && real === realOutput) {
      throw new OutputPathError(
        file,
        `${label} ${target} is the output ${output.label} ${shown}, which the run writes; choose another path`,
      );
    }
    if (output.kind === "folder" && within(real, realOutput)) {
      const where = real === realOutput ? "is the output folder" : "is inside the output folder";
      throw new OutputPathError(
        file,
        `${label} ${target} ${where} ${output.label} ${shown}, which holds only the files tablepipe writes there; choose a path outside it`,
      );
    }
  }
}
