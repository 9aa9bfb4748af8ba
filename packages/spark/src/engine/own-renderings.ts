import {
  type CompiledPipe,
  checkOwnRenderings,
  type DescribedColumn,
  type EngineTypeKind,
} from "@tablepipe/sql";
import type { SparkCallOptions } from "../client/spark-connect-client";
import type { Relation } from "../generated/spark/connect/relations_pb";
import type { DataType } from "../generated/spark/connect/types_pb";
import type { SparkSession } from "./spark-session";
import { NUMBER_TYPES, TEXT_TYPES, TIME_TYPES } from "./spark-type-groups";

/** Spark's SQL name of each type kind of Spark Connect's `DataType` (the others are named by their kind). */
const SQL_NAMES: Readonly<Record<string, string>> = {
  byte: "TINYINT",
  short: "SMALLINT",
  integer: "INT",
  long: "BIGINT",
  float: "FLOAT",
  double: "DOUBLE",
  string: "STRING",
  char: "CHAR",
  varChar: "VARCHAR",
  boolean: "BOOLEAN",
  date: "DATE",
  timestamp: "TIMESTAMP",
  timestampNtz: "TIMESTAMP_NTZ",
  null: "VOID",
};

/** What the values of a column of Spark type `kind` (a case of `DataType`) are. */
function typeKind(kind: string | undefined): EngineTypeKind {
  if (kind === undefined) return "other";
  if (NUMBER_TYPES.has(kind)) return "number";
  if (TEXT_TYPES.has(kind)) return "string";
  if (TIME_TYPES.has(kind)) return "time";
  return kind === "boolean" ? "boolean" : kind === "null" ? "null" : "other";
}

/** A Spark type as Spark SQL writes it (`BOOLEAN`, `DECIMAL(38,18)`, `TIMESTAMP_NTZ`). */
function sqlName(type: DataType | undefined): string {
  const kind = type?.kind;
  if (kind === undefined || kind.case === undefined) return "an unknown type";
  if (kind.case === "decimal") return `DECIMAL(${kind.value.precision ?? 10},${kind.value.scale ?? 0})`;
  return SQL_NAMES[kind.case] ?? kind.case.toUpperCase();
}

/**
 * Check the steps a user's own `sql` renders against their contracts before the query runs (`checkOwnRenderings`:
 * one AnalyzePlan schema request per such step, nothing run); a pipe without one costs nothing.
 */
export async function checkOwnRenderingsOnSpark(
  session: SparkSession,
  compiled: CompiledPipe,
  call: SparkCallOptions,
): Promise<void> {
  await checkOwnRenderings(compiled, "spark", async (sql, what): Promise<DescribedColumn[]> => {
    const relation = { relType: { case: "sql", value: { query: sql } } } as Relation;
    const schema = await session.client.schema(relation, what, call);
    if (schema?.kind.case !== "struct") throw new Error(`${what}: Spark gave no schema`);
    return schema.kind.value.fields.map((field) => ({
      name: field.name,
      type: sqlName(field.dataType),
      kind: typeKind(field.dataType?.kind.case),
    }));
  });
}
