import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readConfigFile } from "./config-file";
import type { ConfigError } from "./errors";
import { configFields } from "./fields";
import { configErrorOf, tempFolder, tipSchema } from "./test-support";

const tmp = tempFolder();
afterAll(() => tmp.remove());
const fields = configFields(tipSchema);

const failure = (path: string): ConfigError => configErrorOf(() => readConfigFile(path, fields), path);

describe("readConfigFile", () => {
  it("returns the file's values by schema key, nested groups as objects", () => {
    const path = tmp.file("ok.json", JSON.stringify({ test_fraction: 0.1, random_forest: { num_trees: 3 } }));
    expect(readConfigFile(path, fields)).toEqual({ test_fraction: 0.1, random_forest: { num_trees: 3 } });
  });

  it("names a missing file", () => {
    const path = join(tmp.dir, "missing.json");
    const error = failure(path);
    expect(error.message).toBe(`${path}: config file not found`);
    expect(error).toMatchObject({ kind: "config-file", flag: "--config", file: path });
  });

  it("names a folder given as the file", () => {
    const path = join(tmp.dir, "a-folder");
    mkdirSync(path);
    expect(failure(path).message).toBe(`${path}: cannot read config file: it is a directory`);
  });

  it("names the file and the place of invalid JSON", () => {
    const path = tmp.file("broken.json", '{\n  "test_fraction": 0.1,\n}\n');
    const error = failure(path);
    expect(error.message).toMatch(new RegExp(`^${escapeRegExp(path)}: invalid JSON: .*line 3`));
    expect(error.message).not.toContain("\n");
  });

  it("requires a JSON object", () => {
    const path = tmp.file("array.json", "[1, 2]");
    expect(failure(path).message).toBe(`${path}: expected a JSON object of config keys, got an array`);
  });

  it("names an unknown key, with the closest known key", () => {
    const path = tmp.file("typo.json", JSON.stringify({ tst_fraction: 0.1 }));
    const error = failure(path);
    expect(error.message).toBe(`${path}: unknown key "tst_fraction" (did you mean "test_fraction"?)`);
    expect(error).toMatchObject({ key: "tst_fraction", file: path, flag: "--config" });
    const far = tmp.file("far.json", JSON.stringify({ colour: "red" }));
    expect(failure(far).message).toBe(`${far}: unknown key "colour"`);
  });

  it("accepts only the schema's own spelling of keys", () => {
    const path = tmp.file("kebab.json", JSON.stringify({ "test-fraction": 0.1 }));
    expect(failure(path).message).toBe(
      `${path}: unknown key "test-fraction" (did you mean "test_fraction"?)`,
    );
  });

  it("names unknown keys inside a group by their dotted path", () => {
    const path = tmp.file("nested-typo.json", JSON.stringify({ random_forest: { num_tree: 3 } }));
    const error = failure(path);
    expect(error.message).toBe(
      `${path}: unknown key "random_forest.num_tree" (did you mean "random_forest.num_trees"?)`,
    );
    expect(error.key).toBe("random_forest.num_tree");
  });

  it("requires a group to be an object", () => {
    const path = tmp.file("flat-group.json", JSON.stringify({ random_forest: 10 }));
    expect(failure(path).message).toBe(`${path}: random_forest: expected an object, got 10`);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
