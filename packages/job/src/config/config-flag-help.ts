import { formatFlagValue } from "./field-text";
import type { ConfigField } from "./fields";

/** The global flag that prints the resolved config as JSON instead of running. */
export const PRINT_CONFIG_FLAG = "--print-config";

/**
 * What `--config <file>` reads, for help and docs: a JSON object keyed by the config names, with an example
 * taken from the schema, e.g. `{"test_fraction": 0.2} for --test-fraction`.
 */
export function configFlagHelp(fields: readonly ConfigField[]): string {
  const field = exampleField(fields);
  const groups = fields.some((f) => f.path.length > 1) ? "; a group's flags are an object" : "";
  const example = field === undefined ? "" : `, e.g. ${exampleObject(field)} for ${field.flag}${groups}`;
  return (
    `read settings from a JSON file: an object keyed by config name${example} ` +
    `(precedence: defaults < file < flags; ${PRINT_CONFIG_FLAG} > file.json writes a starting file)`
  );
}

/** A top-level number with a default reads best as an example; else any field with a default. */
function exampleField(fields: readonly ConfigField[]): ConfigField | undefined {
  const top = fields.filter((f) => f.path.length === 1 && f.hasDefault);
  return top.find((f) => f.kind === "number") ?? top.find((f) => f.kind === "integer") ?? top[0];
}

function exampleObject(field: ConfigField): string {
  return `{${formatFlagValue(field.path[0])}: ${formatFlagValue(field.defaultValue)}}`;
}
