import { configFlagHelp } from "./config-flag-help";
import { formatFlagValue, typeSummary, valuePlaceholder } from "./field-text";
import { configFields } from "./fields";
import type { ConfigSchema } from "./schema";

/**
 * A Markdown table of a schema's flags (flag, type, default, description), for generated CLI docs.
 * @example writeFileSync("docs/cli.md", `## tip-model run\n\n${configReference(schema)}`)
 */
export function configReference(schema: ConfigSchema): string {
  const fields = configFields(schema);
  const rows = fields.map((field) => {
    const flag = field.kind === "boolean" ? field.flag.replace(/^--/, "--[no-]") : field.flag;
    const placeholder = valuePlaceholder(field);
    const defaultText = field.hasDefault
      ? code(formatFlagValue(field.defaultValue))
      : field.required
        ? "required"
        : "";
    return [
      code(placeholder ? `${flag} ${placeholder}` : flag),
      cell(typeSummary(field)),
      defaultText,
      cell(field.description ?? ""),
    ];
  });
  rows.push([code("--config <file>"), "path", "", cell(configFlagHelp(fields))]);
  const lines = [
    "| Flag | Type | Default | Description |",
    "| --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ];
  return `${lines.join("\n")}\n`;
}

function code(text: string): string {
  const ticks = text.includes("`") ? "``" : "`";
  return `${ticks}${text.replace(/\|/g, "\\|")}${ticks}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
