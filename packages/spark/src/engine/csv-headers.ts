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
 * header's names as the file has them, which Spark checks every file's header against (`enforceSchema: false`):
 * a blank name, which Spark calls `_c<i>` (its position), is blank, as readTable reads it (a header that ends
 * with a delimiter; several blank names keep Spark's, as a schema's names must differ); the last one keeps the
 * CR of a CRLF line end (`header`: without it).
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
  const type = (i: number): string => fields[i]?.dataType?.kind.case ?? "unknown";
  if (files.format !== "csv") return fields.map((f, i) => ({ name: f.name, header: f.name, type: type(i) }));
  const blanks = fields.filter((field, i) => field.name === `_c${i}`).length;
  return fields.map((field, i) => {
    const name = blanks === 1 && field.name === `_c${i}` ? "" : field.name;
    const header = i === fields.length - 1 ? name.replace(/\r$/, "") : name;
    return { name, header, type: type(i) };
  });
}

/**
 * The names of a header that Spark renamed apart, as it does repeated names (`x,x` is `x1`, `x3`: the name and
 * its position) and blank ones (`_c1`, `_c3`), for a message; undefined when none looks so.
 */
function renamedNames(columns: readonly FileColumn[]): string | undefined {
  const names = columns.map((c) => c.name);
  const renamed = names.flatMap((name, i) => {
    const suffix = String(i);
    if (!name.endsWith(suffix) || name.length === suffix.length) return [];
    const base = name.slice(0, -suffix.length);
    // another column of the same base, also suffixed with its own position
    return names.some((other, j) => j !== i && other === `${base}${j}`) ? [i] : [];
  });
  if (renamed.length === 0) return undefined;
  const which = renamed.map((i) => `"${names[i]}" (column ${i + 1})`).join(", ");
  return renamed.every((i) => names[i] === `_c${i}`)
    ? `${renamed.length} blank names, which Spark names ${which}`
    : `repeated names, which Spark renames ${which}`;
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
 * another header, names Spark renamed apart (repeated or blank ones), or none (the error as Spark gave it).
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
  const renamed = renamedNames(own);
  if (renamed === undefined) return error;
  return explain(
    `the CSV header of ${file} seems to hold ${renamed}: Spark checks each file's header by its names, which must differ, so it cannot read such a file, where readTable reads it: give the columns distinct names to read it on Spark`,
  );
}
