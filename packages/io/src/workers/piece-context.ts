import { createColumnBuilder } from "../columns/column-builders";
import { InvalidValueLog, type OnInvalid } from "../columns/invalid-values";
import type { ColumnAliases } from "../read/aliases";
import { ProgressReporter } from "../read/progress";
import type { ReadContext } from "../read/read-context";
import type { ColumnSpec } from "../read/schema-columns";

/** A fresh context for reading one piece on its own. */
export function pieceContext(
  file: string,
  specs: readonly ColumnSpec[],
  aliases: ColumnAliases | undefined,
  mode: OnInvalid,
): ReadContext {
  return {
    file,
    specs,
    builders: specs.map(createColumnBuilder),
    aliases,
    invalid: new InvalidValueLog(mode),
    progress: new ProgressReporter(0, undefined),
    rows: 0,
    drained: 0,
  };
}
