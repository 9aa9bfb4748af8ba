import type { BuiltInRendering } from "../step-rendering";

/**
 * `rename`: each renamed column keeps its place, under its new name (swaps too). Two columns renamed to one
 * name, or a new name that another column keeps, is left to the in-process step, which names the error.
 */
export const renderRename: BuiltInRendering = (params, c, known) => {
  const renames = params.columns as Readonly<Record<string, string>>;
  const targets = Object.values(renames);
  if (new Set(targets).size !== targets.length) return undefined;
  if (c.columns.some((name) => targets.includes(name) && !Object.hasOwn(renames, name))) return undefined;
  const newName = (name: string): string => (Object.hasOwn(renames, name) ? (renames[name] as string) : name);
  const columns = c.columns.map(newName);
  const list = c.columns.map((name) =>
    newName(name) === name ? c.quote(name) : `${c.quote(name)} AS ${c.quote(newName(name))}`,
  );
  const types = Object.fromEntries(
    c.columns.flatMap((name) =>
      known.types[name] === undefined ? [] : [[newName(name), known.types[name]]],
    ),
  );
  return { sql: `SELECT ${[...list, c.rowOrder].join(", ")} FROM ${c.input}`, columns, types };
};
