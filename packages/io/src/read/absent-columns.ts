import type { ReadContext } from "./read-context";

/**
 * Record the schema columns the file being read lacks (`found[c] < 0`: optional ones, which mapColumns lets
 * through), for the read report's `absentColumns`; a file recorded twice (its header checked again) counts once.
 * @example noteAbsentColumns(ctx, mapColumns(ctx.file, header, ctx.specs, ctx.aliases))
 */
export function noteAbsentColumns(ctx: ReadContext, found: readonly (number | string | undefined)[]): void {
  ctx.specs.forEach((spec, c) => {
    const at = found[c];
    if (at !== undefined && at !== -1) return;
    ctx.absentColumns ??= new Map();
    const files = ctx.absentColumns.get(spec.name) ?? [];
    if (!files.includes(ctx.file)) files.push(ctx.file);
    ctx.absentColumns.set(spec.name, files);
  });
}
