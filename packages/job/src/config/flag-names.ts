/**
 * The kebab-case flag word for a schema key, snake_case or camelCase.
 * @example toFlagName("history_start_month") === "history-start-month"; toFlagName("numTrees") === "num-trees"
 */
export function toFlagName(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .replace(/[_\s]+/g, "-")
    .toLowerCase();
}

/**
 * The flag for a field path: one key, or a group key and a key joined by a dot.
 * @example flagForPath(["random_forest", "num_trees"]) === "--random-forest.num-trees"
 */
export function flagForPath(path: readonly string[]): string {
  return `--${path.map(toFlagName).join(".")}`;
}
