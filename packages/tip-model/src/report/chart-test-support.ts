/** Reading back what the report's charts drew, for their tests. */

/** The numeric attributes of each `<tag …>` element in `svg`, in order. */
export function elements(svg: string, tag: string): Record<string, number>[] {
  return [...svg.matchAll(new RegExp(`<${tag} ([^>]*?)/?>`, "g"))].map((match) => {
    const attributes: Record<string, number> = {};
    for (const [, name, value] of (match[1] ?? "").matchAll(/([a-z-]+)="([^"]*)"/g)) {
      attributes[name as string] = Number(value);
    }
    return attributes;
  });
}

/** The markup inside each `<g class="…">` whose classes include `name` (groups without nested groups). */
export function groups(svg: string, name: string): string[] {
  const pattern = new RegExp(`<g class="[^"]*\\b${name}\\b[^"]*"[^>]*>(.*?)</g>`, "g");
  return [...svg.matchAll(pattern)].map((match) => match[1] ?? "");
}

/** The markup inside the first `<g class="…">` whose classes include `name`. */
export function group(svg: string, name: string): string {
  return groups(svg, name)[0] ?? "";
}

/** The texts of `<text>` elements in `svg`, in order. */
export function texts(svg: string): string[] {
  return [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((match) => match[1] ?? "");
}
