import { TableReadError } from "@tablepipe/io";
import type { FileColumn } from "./checked-columns";
import { fileName } from "./file-order";
import type { SchemaFiles } from "./sources";

// A CSV record's text (as Spark keeps a malformed one) read as readTable reads it: its fields, an open quote.

/** readTable's reason for a CSV record (its text) of another number of fields than the header's `columns`. */
export function malformedReason(files: SchemaFiles, columns: readonly FileColumn[], record: string): string {
  return `expected ${columns.length} fields as in the header, found ${fieldCount(record, separatorOf(files))}`;
}

/** The fields of one CSV record's text (quotes around a field, `""` inside). */
function fieldCount(record: string, separator: string): number {
  let fields = 1;
  let quoted = false;
  for (const char of record.replace(/\r?\n$/, "")) {
    if (char === '"') quoted = !quoted;
    else if (char === separator && !quoted) fields++;
  }
  return fields;
}

/** readTable's reason for a quoted cell left open to the end of its file. */
const OPEN_QUOTE = "a quoted field is not closed before the end of the file";

/**
 * The line breaks before the quote that opens a cell never closed in a CSV record's text, as readTable reads
 * it (a quote opens a cell only as its first character; `""` inside is a quote); undefined when every quoted
 * cell is closed.
 */
export function openQuoteBreaks(record: string, separator: string): number | undefined {
  let start = true;
  for (let i = 0; i < record.length; i++) {
    const char = record[i];
    if (start && char === '"') {
      const close = closingQuote(record, i + 1);
      if (close === undefined) return record.slice(0, i).split("\n").length - 1;
      i = close;
      start = false;
    } else start = char === separator || char === "\n";
  }
  return undefined;
}

/** The index of the quote closing a quoted cell whose text starts at `from` (`""` is a quote inside). */
function closingQuote(record: string, from: number): number | undefined {
  for (let i = record.indexOf('"', from); i >= 0; i = record.indexOf('"', i + 2)) {
    if (record[i + 1] !== '"') return i;
  }
  return undefined;
}

/** The separator of a CSV read. */
export function separatorOf(files: SchemaFiles): string {
  return files.options.sep ?? files.options.delimiter ?? ",";
}

/**
 * readTable's error for a quoted cell left open to the end of a CSV file, naming the file and the line the
 * quote opens on, from the malformed record holding it (its file's URI, text and place): Spark reads the rest
 * of the file into the cell, and when it is not its record's last the record is one of another number of
 * fields, whose text Spark keeps. Undefined when the record's quoted cells are closed.
 */
export function openQuoteError(
  files: SchemaFiles,
  uri: string,
  text: string,
  place: { line?: number },
): TableReadError | undefined {
  const breaks = openQuoteBreaks(text, separatorOf(files));
  if (breaks === undefined || place.line === undefined) return undefined;
  return new TableReadError({ file: fileName(uri), line: place.line + breaks, reason: OPEN_QUOTE });
}
