import { dirname, join as joinPath } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const root = joinPath(here, "../../..");

/**
 * The calls, each on its own line; `@tablepipe/*` resolve to the sources as in `pnpm typecheck`. The file is
 * given to the compiler in memory, next to this one (so that `arquero` resolves as from the package).
 */
const calls = [
  `pipe(left).transform(join, { right, on: ["id"], how: "lefft" });`,
  `step(join, { right, on: ["id"], how: "lefft" });`,
  `join(left, { right, on: ["id"], how: "lefft" });`,
  `step(sortRows, { by: ["v"], descending: true });`,
  `pipe(left).transform(sortRows, { by: ["v"], descending: true });`,
  `sortRows(left, { by: ["v"], descending: true });`,
  `pipe(left).transform(join, { right, on: ["id"], howw: "left" });`,
  `step(join, { right, on: ["id"], howw: "left" });`,
  `join(left, { right, on: ["id"], howw: "left" });`,
] as const;
type Call = (typeof calls)[number];

const header = [
  `import { pipe, step } from "@tablepipe/core";`,
  `import { join, sortRows } from "@tablepipe/transforms";`,
  `import * as aq from "arquero";`,
  `const left = aq.table({ id: [1, 2], v: [3, 4] });`,
  `const right = aq.table({ id: [1], w: [5] });`,
];
const snippet = [...header, ...calls].join("\n");

/** What the compiler says about a call: each diagnostic's text, and the code it marks. */
interface Said {
  readonly text: string;
  readonly marks: string;
}

function compile(): Map<Call, Said[]> {
  const configPath = joinPath(root, "tsconfig.json");
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (config === undefined) throw new Error(`cannot read ${configPath}`);
  const file = joinPath(here, "__param-diagnostics-snippet__.ts");
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.getSourceFile = (name, version, ...rest) =>
    name === file ? ts.createSourceFile(name, snippet, version, true) : getSourceFile(name, version, ...rest);
  host.fileExists = (name) => name === file || fileExists(name);
  const program = ts.createProgram({ rootNames: [file], options: config.options, host });
  const source = program.getSourceFile(file);
  if (source === undefined) throw new Error("the snippet was not compiled");
  const said = new Map<Call, Said[]>(calls.map((call) => [call, []]));
  for (const d of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
    const start = d.start ?? 0;
    const line = source.getLineAndCharacterOfPosition(start).line;
    const call = calls[line - header.length];
    if (call === undefined) throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    said.get(call)?.push({
      text: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
      marks: snippet.slice(start, start + (d.length ?? 0)),
    });
  }
  return said;
}

describe("the diagnostic of a wrong param value (what tsc prints)", () => {
  let said: Map<Call, Said[]>;
  beforeAll(() => {
    said = compile();
  }, 120_000);

  /** The one diagnostic of a call. */
  const only = (call: Call): Said => {
    const found = said.get(call) ?? [];
    expect(found, `${call}: ${JSON.stringify(found)}`).toHaveLength(1);
    return found[0] as Said;
  };

  it.each([calls[0], calls[1], calls[2]])("a misspelt member of an enum, at the param: %s", (call) => {
    const { text, marks } = only(call);
    expect(marks).toBe("how");
    expect(text).toMatch(/^Type '"lefft"' is not assignable to type '(.*)'/);
    const expected = /to type '(.*?)'/.exec(text)?.[1] ?? "";
    expect(expected.split(" | ").sort()).toEqual([
      '"anti"',
      '"full"',
      '"inner"',
      '"left"',
      '"right"',
      '"semi"',
      "undefined",
    ]);
    expect(text).toContain(`Did you mean '"left"'?`);
  });

  it.each([calls[3], calls[4], calls[5]])("a value of a wrong type, at the param: %s", (call) => {
    const { text, marks } = only(call);
    expect(marks).toBe("descending");
    expect(text).toBe("Type 'boolean' is not assignable to type 'readonly string[]'.");
  });

  it.each([calls[6], calls[7], calls[8]])("a key that is not a param, at the key: %s", (call) => {
    const { text, marks } = only(call);
    expect(marks).toBe("howw");
    expect(text).toMatch(
      /^Object literal may only specify known properties, but 'howw' does not exist in type /,
    );
    expect(text).toMatch(/Did you mean to write 'how'\?$/);
  });
});
