/**
 * Code snippets in Markdown, taken from files that compile and run in CI. A marker line
 *
 *     <!-- snippet: examples/custom-pipeline/src/add-fare-per-mile.ts#addFarePerMile -->
 *
 * is followed by a fenced code block that `pnpm docs` fills with the named part of the file:
 * - the lines between `// #region name` and `// #endregion name`, if the file has that region;
 * - otherwise the TypeScript declaration `name` (a top-level function, class, const, interface or type), or the
 *   member `Class.member` of a class, without its doc comment (add ` +doc` after the name to keep it).
 * `pnpm docs --check` fails when a block differs from its source, or when the source no longer has the part.
 */
import { readFileSync } from "node:fs";
import { extname, join } from "node:path";
import ts from "typescript";

const MARKER = /^<!-- snippet: (\S+?)#(\S+?)( \+doc)? -->$/;

/** One snippet marker and the code it stands for. */
export interface Snippet {
  readonly line: number;
  readonly source: string;
  readonly name: string;
  readonly code: string;
  readonly language: string;
}

/** A snippet marker names a file or a part of it that does not exist. */
export class SnippetError extends Error {
  override readonly name = "SnippetError";
}

function dedent(lines: readonly string[]): string {
  const indents = lines.filter((l) => l.trim() !== "").map((l) => l.length - l.trimStart().length);
  const cut = Math.min(...indents, Number.POSITIVE_INFINITY);
  return lines
    .map((l) => l.slice(Number.isFinite(cut) ? cut : 0))
    .join("\n")
    .trim();
}

function regionOf(text: string, name: string): string | undefined {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.trim() === `// #region ${name}`);
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && l.trim() === `// #endregion ${name}`);
  if (end < 0) throw new SnippetError(`region ${name} is not closed with // #endregion ${name}`);
  return dedent(lines.slice(start + 1, end).filter((l) => !/\/\/ #(end)?region\b/.test(l)));
}

function declarationName(node: ts.Node): string | undefined {
  if (
    (ts.isFunctionDeclaration(node) ||
      ts.isClassDeclaration(node) ||
      ts.isInterfaceDeclaration(node) ||
      ts.isTypeAliasDeclaration(node)) &&
    node.name !== undefined
  ) {
    return node.name.text;
  }
  if (ts.isVariableStatement(node)) {
    const first = node.declarationList.declarations[0];
    return first !== undefined && ts.isIdentifier(first.name) ? first.name.text : undefined;
  }
  return undefined;
}

function memberName(member: ts.ClassElement): string | undefined {
  const name = member.name;
  return name !== undefined && (ts.isIdentifier(name) || ts.isPrivateIdentifier(name))
    ? name.text
    : undefined;
}

function declarationOf(path: string, text: string, name: string, withDoc: boolean): string | undefined {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const [outer, inner] = name.split(".");
  const top = file.statements.find((s) => declarationName(s) === outer);
  if (top === undefined) return undefined;
  let node: ts.Node = top;
  if (inner !== undefined) {
    if (!ts.isClassDeclaration(top)) return undefined;
    const member = top.members.find((m) => memberName(m) === inner);
    if (member === undefined) return undefined;
    node = member;
  }
  const start = withDoc ? docStart(text, node) : node.getStart(file);
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  return dedent(text.slice(lineStart, node.getEnd()).split("\n"));
}

/** Where the doc comment (`/** ... *\/`) right above a declaration starts, or the declaration if none. */
function docStart(text: string, node: ts.Node): number {
  const comments = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  const doc = comments.filter((c) => text.startsWith("/**", c.pos)).at(-1);
  return doc?.pos ?? node.getStart();
}

const LANGUAGES: Record<string, string> = {
  ".ts": "ts",
  ".mjs": "js",
  ".cjs": "js",
  ".js": "js",
  ".sh": "sh",
};

/** The code a marker stands for, read from the repository at `root`. */
export function resolveSnippet(root: string, source: string, name: string, withDoc: boolean): string {
  let text: string;
  try {
    text = readFileSync(join(root, source), "utf8");
  } catch {
    throw new SnippetError(`no file ${source}`);
  }
  const code = regionOf(text, name) ?? declarationOf(source, text, name, withDoc);
  if (code === undefined) {
    throw new SnippetError(`${source} has no region or declaration named ${name}`);
  }
  return code;
}

/** The markdown with every snippet block filled from its source. Throws a SnippetError naming the line. */
export function fillSnippets(root: string, file: string, markdown: string): { text: string; count: number } {
  const lines = markdown.split("\n");
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    const match = MARKER.exec(lines[i] ?? "");
    if (match === null) continue;
    const [, source = "", name = "", doc] = match;
    const open = i + 1;
    if (!/^```/.test(lines[open] ?? "")) {
      throw new SnippetError(`${file}:${open + 1}: expected a code fence after the snippet marker`);
    }
    const close = lines.findIndex((l, j) => j > open && l === "```");
    if (close < 0) throw new SnippetError(`${file}:${open + 1}: the snippet's code block is not closed`);
    let code: string;
    try {
      code = resolveSnippet(root, source, name, doc !== undefined);
    } catch (error) {
      throw new SnippetError(`${file}:${i + 1}: ${(error as Error).message}`);
    }
    const language = LANGUAGES[extname(source)] ?? "";
    lines.splice(open, close - open + 1, `\`\`\`${language}`, ...code.split("\n"), "```");
    count += 1;
    i = open + code.split("\n").length + 1;
  }
  return { text: lines.join("\n"), count };
}
