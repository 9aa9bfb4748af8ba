/** The CSV delimiter readTable takes for a file when none is given: a tab for a `.tsv` file, else a comma. */
export function csvDelimiterOf(file: string): string {
  return file.toLowerCase().endsWith(".tsv") ? "\t" : ",";
}

/** The delimiter's byte: `delimiter`, else the file's default ({@link csvDelimiterOf}); one ASCII character. */
export function delimiterByte(file: string, delimiter: string | undefined): number {
  const d = delimiter ?? csvDelimiterOf(file);
  const code = d.charCodeAt(0);
  if (d.length !== 1 || code > 127 || d === '"' || d === "\n" || d === "\r") {
    throw new TypeError(
      `readTable: delimiter must be one ASCII character other than a quote or a line end, got ${JSON.stringify(d)}`,
    );
  }
  return code;
}
