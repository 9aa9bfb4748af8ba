import type { TopLevelSpec } from "vega-lite";
import { compactCircleSymbols } from "./compact-svg";
import { escapeHtml } from "./html";

type Vega = typeof import("vega");
type VegaLite = typeof import("vega-lite");

/** vega and vega-lite, imported on first use: vega takes about 200 ms to import, so it stays off the main entry's path. */
async function loadVega(): Promise<{ vega: Vega; vegaLite: VegaLite }> {
  const [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")]);
  return { vega, vegaLite };
}

/** A chart rendered to SVG, with what vega and vega-lite warned about while rendering it. */
export interface RenderedChart {
  readonly svg: string;
  readonly warnings: readonly string[];
}

/** Text of a log call's arguments. */
function logText(args: readonly unknown[]): string {
  return args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(" ");
}

/**
 * Give every `id` in an SVG document a name made of `prefix` and its order of appearance, and rewrite the
 * references to it. Makes several inline SVGs safe on one page and the output independent of vega's global
 * id counters (clip paths, gradients), so the same chart renders to the same bytes.
 */
export function namespaceSvgIds(svg: string, prefix: string): string {
  const renamed = new Map<string, string>();
  for (const match of svg.matchAll(/\sid="([^"]+)"/g)) {
    const id = match[1]!;
    if (!renamed.has(id)) renamed.set(id, `${prefix}-${renamed.size + 1}`);
  }
  if (renamed.size === 0) return svg;
  const rename = (id: string): string => renamed.get(id) ?? id;
  return svg
    .replace(
      /(\sid=")([^"]+)(")/g,
      (_m, open: string, id: string, close: string) => `${open}${rename(id)}${close}`,
    )
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${rename(id)})`)
    .replace(/((?:xlink:)?href=")#([^"]+)(")/g, (_m, open: string, id: string, close: string) => {
      return `${open}#${rename(id)}${close}`;
    });
}

/**
 * Render a vega-lite spec to an inline `<svg>` with vega's headless renderer (no browser, no script). Errors
 * vega logs are thrown; warnings are returned instead of reaching the console.
 */
export async function renderChartSvg(
  spec: TopLevelSpec,
  options: { readonly id: string; readonly label: string },
): Promise<RenderedChart> {
  const { vega, vegaLite } = await loadVega();
  const warnings: string[] = [];
  const errors: string[] = [];
  const logger = vega.logger(vega.Warn, undefined, (method, _level, args) => {
    (method === "error" ? errors : warnings).push(logText(args));
  });
  const compiled: unknown = vegaLite.compile(spec, { logger }).spec;
  const runtime = vega.parse(compiled as Parameters<Vega["parse"]>[0]);
  const view = new vega.View(runtime, { renderer: "none", logger, logLevel: vega.Warn });
  try {
    const svg = await view.toSVG();
    if (errors.length > 0)
      throw new Error(`vega failed to render the ${options.id} chart: ${errors.join("; ")}`);
    const labelled = svg.replace(/^<svg /, `<svg role="img" aria-label="${escapeHtml(options.label)}" `);
    return { svg: namespaceSvgIds(compactCircleSymbols(labelled), options.id), warnings };
  } finally {
    view.finalize();
  }
}
