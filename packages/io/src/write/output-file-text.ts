import { join } from "node:path";

/**
 * How a refusal names file `name` of the output folder `dir`: by its folder's label for a folder of tablepipe's
 * own, whose label names the folder; by its own path for a `shared` folder, whose label names the file.
 * @example outputFileText("/home/ana/out", "summary.csv", "--output-dir", false) // "summary.csv in --output-dir /home/ana/out"
 * @example outputFileText("/home/ana", "sales.csv", "--out", true) // "--out /home/ana/sales.csv"
 */
export function outputFileText(dir: string, name: string, label: string, shared: boolean): string {
  return shared ? `${label} ${join(dir, name)}` : `${name} in ${label} ${dir}`;
}
