import { SparkLoadError } from "../client/errors";

/** A file as readTable names it: a local path for a `file:` URI, else the URI. */
export function fileName(uri: string): string {
  return uri.startsWith("file:") ? decodeURIComponent(new URL(uri).pathname) : uri;
}

/** Code-point order (readTable's order of the files a folder or a glob names). */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A glob (`*`, `**`, `?`, `[...]`, `{a,b}`) as a regular expression over whole paths. */
function globRegex(glob: string): RegExp {
  let source = "";
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i] as string;
    if (char === "*" && glob[i + 1] === "*") {
      source += ".*";
      i++;
      if (glob[i + 1] === "/") i++;
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else if (char === "{") {
      source += "(?:";
      braces++;
    } else if (char === "}" && braces > 0) {
      source += ")";
      braces--;
    } else if (char === "," && braces > 0) source += "|";
    else if (char === "[" || char === "]") source += char;
    else source += char.replace(/[.+^$()|\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

/** Whether the file `path` is one the source `entry` (a file, a folder or a glob) names. */
function names(entry: string, path: string): boolean {
  const plain = fileName(entry);
  if (path === plain || path.startsWith(`${plain.replace(/\/$/, "")}/`)) return true;
  return /[*?[{]/.test(plain) && globRegex(plain).test(path);
}

/** Rows a file may hold in the row order (2^44), and the files one read may hold (2^18): within 2^62. */
const FILE_ROWS = 2 ** 44;
const MAX_FILES = 2 ** 18;

/**
 * The files Spark read (`files`: each file's URI and the least and greatest row number Spark gave its rows), in
 * readTable's order: by the first source entry naming each (`entries` as given), then in code-point order. Each
 * with the first row number of its rows in the row order (its position times 2^44): a row's place is then its
 * file's start plus its number less the file's least. Throws a `SparkLoadError` when a file's numbers span
 * 2^44 or more (Spark split it into more than 2,048 parts) or there are more than 2^18 files.
 */
export function fileOrder(
  entries: readonly string[],
  files: readonly { file: string; low: bigint; high: bigint }[],
  label: string,
): { file: string; start: bigint; low: bigint }[] {
  if (files.length > MAX_FILES) {
    throw new SparkLoadError(`${label}: ${files.length} files; read at most ${MAX_FILES} at once`);
  }
  const spread = files.find((f) => f.high - f.low >= BigInt(FILE_ROWS));
  if (spread !== undefined) {
    throw new SparkLoadError(
      `${label}: ${fileName(spread.file)} is read in too many parts to number its rows in order; split it into smaller files`,
    );
  }
  const entry = (file: string): number => {
    const index = entries.findIndex((e) => names(e, fileName(file)));
    return index < 0 ? entries.length : index;
  };
  const sorted = [...files].sort(
    (a, b) => entry(a.file) - entry(b.file) || byCodePoint(fileName(a.file), fileName(b.file)),
  );
  return sorted.map((f, i) => ({ file: f.file, start: BigInt(i) * BigInt(FILE_ROWS), low: f.low }));
}
