import type { RowSchema } from "@tablepipe/core";
import {
  type ColumnAliases,
  type ColumnSpec,
  checkAliases,
  checkOnInvalid,
  checkZonedTimestamps,
  columnKinds,
  type OnInvalid,
  type ZonedTimestamps,
} from "@tablepipe/io";
import { SparkLoadError } from "../client/errors";
import type { ColumnType } from "./column-types";

/** How Spark reads files with a schema as readTable would: the schema's columns, aliases, the invalid-value policy. */
export interface FileSchema {
  readonly specs: readonly ColumnSpec[];
  readonly aliases: ColumnAliases | undefined;
  readonly onInvalid: OnInvalid;
  /** `"utc"`: time stamps with a zone (Spark's TimestampType) read as their UTC wall-clock time; `"error"`: refused. */
  readonly zonedTimestamps: ZonedTimestamps;
}

/** A column of a type-by-name schema: nullable, required, read by readTable's rules for its kind. */
function typeSpec(name: string, type: ColumnType): ColumnSpec {
  return { name, kind: type, nullable: true, optional: false, hasDefault: false, defaultValue: undefined };
}

/**
 * The schema of files Spark reads (`label`: the source function, for the error): refused when a column has
 * value rules (`.min(0)`, `.regex()`: Spark does not check them), the aliases do not fit it, `onInvalid` is
 * neither "error" nor "drop" or `zonedTimestamps` neither "error" nor "utc".
 */
export function fileSchema(
  schema: RowSchema | Readonly<Record<string, ColumnType>>,
  aliases: ColumnAliases | undefined,
  onInvalid: OnInvalid | undefined,
  label: string,
  zonedTimestamps?: ZonedTimestamps,
): FileSchema {
  checkOnInvalid(onInvalid, label);
  checkZonedTimestamps(zonedTimestamps, label);
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
  return { specs, aliases, onInvalid: onInvalid ?? "error", zonedTimestamps: zonedTimestamps ?? "error" };
}
