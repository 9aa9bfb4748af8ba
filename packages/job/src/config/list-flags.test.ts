import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import type { ConfigError } from "./errors";
import { configFields } from "./fields";
import { formatHelp, parseConfig } from "./parse-config";
import { configReference } from "./reference";
import { configErrorOf, parsedConfig, tempFolder } from "./test-support";

/** A job config with list fields: choices, numbers and strings. */
const schema = z.object({
  statuses: z
    .array(z.enum(["paid", "refunded", "pending"]))
    .default(["paid"])
    .describe("statuses kept"),
  weights: z.array(z.number().min(0)).default([]).describe("weights"),
  tags: z.array(z.string()).max(3).default([]),
});

const tmp = tempFolder();
afterAll(() => tmp.remove());

const config = (argv: string[]): z.output<typeof schema> => parsedConfig(schema, argv);
const failure = (argv: string[]): ConfigError =>
  configErrorOf(() => parseConfig(schema, argv), argv.join(" "));

describe("list flags: arrays of strings, numbers, booleans or choices", () => {
  it("are read as lists, their element as a field of its own", () => {
    const [statuses, weights] = configFields(schema);
    expect(statuses).toMatchObject({ kind: "list", typeName: "array", item: { kind: "enum" } });
    expect(statuses?.item?.choices).toEqual(["paid", "refunded", "pending"]);
    expect(weights?.item).toMatchObject({ kind: "number", minimum: 0 });
    const deep = z.object({ pairs: z.array(z.array(z.number())).default([]) });
    expect(configFields(deep)[0]).toMatchObject({ kind: "json", typeName: "array", item: undefined });
  });

  it("take values separated by commas, the flag repeated, or a JSON array", () => {
    expect(config(["--statuses", "paid,refunded"]).statuses).toEqual(["paid", "refunded"]);
    expect(config(["--statuses", "paid", "--statuses", "refunded"]).statuses).toEqual(["paid", "refunded"]);
    expect(config(["--statuses", '["paid","pending"]']).statuses).toEqual(["paid", "pending"]);
    expect(config(["--statuses", "paid, pending", "--statuses", '["refunded"]']).statuses).toEqual([
      "paid",
      "pending",
      "refunded",
    ]);
    expect(config(["--weights", "1,2.5"]).weights).toEqual([1, 2.5]);
    expect(config(["--tags", "a b,c"]).tags).toEqual(["a b", "c"]);
    expect(config(["--tags", ""]).tags).toEqual([]);
    expect(config([]).statuses).toEqual(["paid"]);
  });

  it("name the element that is wrong and what it expects, counted from 1", () => {
    const expected = 'expected one of "paid", "refunded", "pending", got "shipped"';
    expect(failure(["--statuses", "shipped"]).message).toBe(`--statuses: element 1: ${expected}`);
    expect(failure(["--statuses", "paid,shipped"]).message).toBe(`--statuses: element 2: ${expected}`);
    expect(failure(["--statuses", "paid", "--statuses", "shipped"]).message).toBe(
      `--statuses: element 2: ${expected}`,
    );
    expect(failure(["--statuses", '["shipped"]']).message).toBe(`--statuses: element 1: ${expected}`);
    expect(failure(["--statuses", '["paid", 3]']).message).toBe(
      '--statuses: element 2: expected one of "paid", "refunded", "pending", got 3',
    );
    expect(failure(["--weights", "1,x"]).message).toBe('--weights: element 2: expected a number, got "x"');
    expect(failure(["--weights", "1,-2"]).message).toBe(
      "--weights: element 2: expected a number >= 0, got -2",
    );
    expect(failure(["--statuses", "shipped"])).toMatchObject({ kind: "invalid-value", flag: "--statuses" });
    expect(failure(["--tags", "a,b,c,d"]).message).toBe(
      '--tags: expected an array of at most 3 items, got ["a","b","c","d"]',
    );
  });

  it("name the element in a config file too", () => {
    const path = tmp.file("statuses.json", JSON.stringify({ statuses: ["paid", "shipped"] }));
    const error = failure(["--config", path]);
    expect(error.message).toBe(
      `${path}: statuses: element 2: expected one of "paid", "refunded", "pending", got "shipped"`,
    );
    expect(error).toMatchObject({ kind: "config-file", file: path, key: "statuses" });
    const flat = tmp.file("flat.json", JSON.stringify({ statuses: "paid" }));
    expect(failure(["--config", flat]).message).toBe(`${flat}: statuses: expected an array, got "paid"`);
    const ok = tmp.file("ok.json", JSON.stringify({ statuses: ["refunded"] }));
    expect(config(["--config", ok]).statuses).toEqual(["refunded"]);
  });

  it("show their element type and format in help and in the reference", () => {
    const help = formatHelp(schema, { helpWidth: 200 });
    expect(help).toContain(
      '--statuses <choice,...>  statuses kept (list of: paid, refunded, pending; comma-separated or the flag repeated; default: ["paid"])',
    );
    expect(help).toContain("--weights <number,...>");
    expect(help).toContain("(list of number >= 0; comma-separated or the flag repeated; default: [])");
    expect(help).not.toContain("<array>");
    expect(configReference(schema)).toContain(
      '| `--statuses <choice,...>` | list of: paid, refunded, pending; comma-separated or the flag repeated | `["paid"]` | statuses kept |',
    );
  });
});
