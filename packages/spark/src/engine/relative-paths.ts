/** A URI's scheme (`s3:`, `file:`, `hdfs:`, `abfss:`) or a Windows drive (`C:`): not relative to a folder. */
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** Whether Spark would resolve `path` against a working directory: no scheme, and not from the root. */
export function isRelativePath(path: string): boolean {
  return !path.startsWith("/") && !path.startsWith("\\") && !SCHEME.test(path);
}

/**
 * Refuse a relative path (`data/trips.csv`, `./x.parquet`): Spark resolves it where the Spark server runs (its
 * working directory, or its default file system's home), not in the caller's folder, so it could read another
 * file of that name without a word. `sparkFiles` is built before, and without, the session it runs on, so it
 * cannot tell whether that server shares this machine's files.
 * @example refuseRelativePaths(["s3://bucket/trips/*.csv", "/data/zones.csv"]) // passes
 */
export function refuseRelativePaths(paths: readonly string[]): void {
  const relative = paths.find(isRelativePath);
  if (relative === undefined) return;
  const shown = JSON.stringify(relative);
  throw new TypeError(
    `sparkFiles: ${shown} is a relative path, which Spark resolves where its server runs (its working directory ` +
      `or default file system), not in this process's folder: give a path on the machines Spark runs on from ` +
      `the root ("/data/trips.csv"; for a server on this machine, path.resolve(${shown})) or a URI ` +
      `("file:///...", "s3://bucket/...", "hdfs://...")`,
  );
}
