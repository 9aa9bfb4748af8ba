import { join } from "node:path";
import { openLogFile } from "@tablepipe/core/internal";
import { OutputPathError } from "../errors";
import { outputFileText } from "./output-file-text";
import { realish, within } from "./real-paths";

/**
 * Refuse the output folder `dir` (absolute `target`, links resolved `real`) when it is a folder of tablepipe's own
 * holding the log file this process appends to, or, for a folder of the user's (`sharedFiles`, the names written
 * there), when one of those files is the log file: as `checkAppendFile` refuses such a log file before it is
 * opened. `givenLabel` names the folder (default "output folder").
 */
export async function checkLogFileOutside(
  dir: string,
  target: string,
  real: string,
  givenLabel: string | undefined,
  sharedFiles: readonly string[] | undefined,
): Promise<void> {
  const log = openLogFile();
  if (log === undefined) return;
  const realLog = await realish(log.path);
  const label = givenLabel ?? "output folder";
  if (sharedFiles !== undefined) {
    const name = sharedFiles.find((file) => join(real, file) === realLog);
    if (name === undefined) return;
    throw new OutputPathError(
      dir,
      `cannot write ${outputFileText(target, name, label, true)}: it is the ${log.label} this run appends to; choose another path`,
    );
  }
  if (!within(realLog, real)) return;
  throw new OutputPathError(
    dir,
    `${log.label} ${log.path} is inside the output folder ${givenLabel === undefined ? "" : `${label} `}${target}, which holds only the files tablepipe writes there; choose a path outside it`,
  );
}
