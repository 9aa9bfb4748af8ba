import { TableReadError } from "@tablepipe/io";
import { SparkQueryError } from "../client/errors";
import type { SparkCallOptions } from "../client/spark-connect-client";
import type { Relation } from "../generated/spark/connect/relations_pb";
import type { FileColumn } from "./checked-columns";
import { dataSourceRelation, type SchemaFiles } from "./sources";
import type { SparkSession } from "./spark-session";

/** The hint of a failed read of CSV files whose headers differ. */
const OTHER_HEADER =
  "on Spark the CSV files of one read must have the first file's header (the same names in the same order), where readTable matches each file's columns by name: read such files apart, or with readTable";

/**
 * The columns Spark's read of the files finds (AnalyzePlan: the first file's header alone is read). A CSV
 * header's name as the file has it, which Spark checks every file's header against (`enforceSchema: false`): a
 * blank name, which Spark calls `_c<i>` (its position), is blank, as readTable reads it (a trailing delimiter);
 * the last one keeps the CR of a CRLF line end (`header`: without it). A CSV header whose names Spark renames
 * apart (repeated names, several blank ones) is a `TableReadError` naming the file and the names.
 */
export async function fileColumns(
  session: SparkSession,
  files: SchemaFiles,
  relation: Relation,
  what: string,
  call: SparkCallOptions,
): Promise<FileColumn[]> {
  const schema = await session.client.schema(relation, what, call);
  if (schema?.kind.case !== "struct") return [];
  const fields = schema.kind.value.fields;
  if (files.format !== "csv") {
    return fields.map((field) => ({
      name: field.name,
      header: field.name,
      type: field.dataType?.kind.case ?? "unknown",
    }));
  }
  const columns = fields.map((field, i) => {
    const name = field.name === `_c${i}` ? "" : field.name;
    const header = i === fields.length - 1 ? name.replace(/\r$/, "") : name;
    return { name, header, type: field.dataType?.kind.case ?? "unknown" };
  });
  refuseRenamed(columns, files.paths.join(", "));
  return columns;
}

/**
 * Throws when Spark renamed names of the header apart (`x,x` is `x0`, `x1`; two blank names `_c1`, `_c3`): its
 * check of each file's header compares the names it reads with a schema of distinct names, so such a header
 * never passes it. readTable reads it (the repeated names match no column, or its error names them).
 */
function refuseRenamed(columns: readonly FileColumn[], label: string): void {
  const names = columns.map((c) => c.name);
  const renamed = names.flatMap((name, i) => {
    if (name === "" && names.indexOf("") !== i) return [i];
    if (!name.endsWith(String(i))) return [];
    const base = name.slice(0, -String(i).length);
    // another column of the same base, also suffixed with its own position: Spark's renaming of repeated names
    const twin = names.some((other, j) => j !== i && other === `${base}${j}`);
    return base !== "" && twin ? [i] : [];
  });
  if (renamed.length === 0) return;
  const blank = names.filter((name) => name === "").length;
  const which = renamed.map((i) => `"${names[i]}" (column ${i + 1})`).join(", ");
  const what =
    blank > 1 && renamed.every((i) => names[i] === "")
      ? `${blank} blank column names`
      : `repeated column names, which Spark renames (${which})`;
  throw new TableReadError({
    file: label,
    reason: `the CSV header holds ${what}: Spark checks each file's header by its names, which must differ, so it cannot read this file (readTable can); give the columns distinct names to read it on Spark`,
  });
}

/** The path Spark names in its failure to read a file (`Encountered error while reading file file:///…/a.csv.`). */
function failedFile(detail: string): string | undefined {
  return /Encountered error while reading file (\S+?)\.?(?:\s|$)/.exec(detail)?.[1];
}

/** A header's names for a message (`device_id, ts, ""`). */
function shown(columns: readonly FileColumn[]): string {
  return columns.map((c) => (c.header === "" ? '""' : c.header)).join(", ");
}

/**
 * Spark's failure to read CSV files (`FAILED_READ_FILE`, its check of each file's header against the first's)
 * with its real cause: the file it names read alone (one AnalyzePlan) and its header compared with the first
 * file's (`columns`): a CRLF line end where the first has LF (or the reverse: Spark's header check keeps the CR),
 * another header, or neither (the error as Spark gave it).
 */
export async function explainHeaderFailure(
  error: SparkQueryError,
  session: SparkSession,
  files: SchemaFiles,
  columns: readonly FileColumn[],
  call: SparkCallOptions,
): Promise<SparkQueryError> {
  const explain = (hint: string): SparkQueryError =>
    new SparkQueryError(error.step, error.kind, error.errorClass, `${error.detail} (${hint})`, error);
  const uri = failedFile(error.detail);
  if (uri === undefined) return explain(OTHER_HEADER);
  const path = decodeURIComponent(uri);
  const file = path.replace(/^file:(\/\/)?/, "");
  const alone = dataSourceRelation("csv", [path], files.options);
  const own = await fileColumns(session, { ...files, paths: [path] }, alone, `reading ${path}`, call).catch(
    () => undefined,
  );
  if (own === undefined) return explain(OTHER_HEADER);
  const ends = (cs: readonly FileColumn[]) => (cs.at(-1)?.name.endsWith("\r") ? "CRLF" : "LF");
  const sameNames = own.length === columns.length && own.every((c, i) => c.header === columns[i]?.header);
  if (sameNames && ends(own) !== ends(columns)) {
    return explain(
      `${file} ends its lines with ${ends(own)} where the first file ends them with ${ends(columns)}: Spark checks each file's header against the first file's with the CR of a CRLF line end, so files of both line ends cannot be read together on Spark, where readTable reads them: read the files of each line end apart, or with readTable`,
    );
  }
  if (!sameNames) {
    return explain(`${file} has the header ${shown(own)}, the first file ${shown(columns)}: ${OTHER_HEADER}`);
  }
  return error;
}
