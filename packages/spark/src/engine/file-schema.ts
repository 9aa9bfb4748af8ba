import type { RowSchema } from "@tablepipe/core";
import {
  type ColumnAliases,
  type ColumnSpec,
  checkAliases,
  checkOnInvalid,
  columnKinds,
  type OnInvalid,
} from "@tablepipe/io";
import { SparkLoadError } from "../client/errors";
import type { ColumnType } from "./column-types";

/** How Spark reads files with a schema as readTable would: the schema's columns, aliases, the invalid-value policy. */
export interface FileSchema {
  readonly specs: readonly ColumnSpec[];
  readonly aliases: ColumnAliases | undefined;
  readonly onInvalid: OnInvalid;
}

/** A column of a type-by-name schema: nullable, required, read by readTable's rules for its kind. */
function typeSpec(name: string, type: ColumnType): ColumnSpec {
  return { name, kind: type, nullable: true, optional: false, hasDefault: false, defaultValue: undefined };
}

/**
 * The schema of files Spark reads (`label`: the source function, for the error): refused when a column has
 * value rules (`.min(0)`, `.regex()`: Spark does not check them), the aliases do not fit it or `onInvalid` is
 * neither "error" nor "drop".
 */
export function fileSchema(
  schema: RowSchema | Readonly<Record<string, ColumnType>>,
  aliases: ColumnAliases | undefined,
  onInvalid: OnInvalid | undefined,
  label: string,
): FileSchema {
  checkOnInvalid(onInvalid, label);
  const specs =
    "shape" in schema
      ? columnKinds(schema as RowSchema)
      : Object.entries(schema as Readonly<Record<string, ColumnType>>).map(([name, type]) =>
          typeSpec(name, type),
        );
  const ruled = specs.find((spec) => (spec.rules?.length ?? 0) > 0);
  if (ruled !== undefined) {
    const words = (ruled.rules ?? []).map((rule) => rule.words).join(", ");
    throw new SparkLoadError(
      `${label}: column "${ruled.name}" has value rules (${words}) that Spark does not check: read the files with readTable (or pipeFrom(...).run(), which does so for such a schema)`,
    );
  }
  checkAliases(specs, aliases);
  return { specs, aliases, onInvalid: onInvalid ?? "error" };
}
