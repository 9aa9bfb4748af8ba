import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { tempFolder } from "../test-support";
import { readTable } from "./read-table";
import { resolveSources } from "./sources";

const tmp = tempFolder();
afterAll(() => tmp.remove());
const a = tmp.file("rides-a.csv", "id\n1\n");
const b = tmp.file("rides-b.csv", "id\n2\n");

describe("resolveSources: a file two entries name", () => {
  it("refuses the same path listed twice, naming it", async () => {
    await expect(readTable([a, a], z.object({ id: z.int() }))).rejects.toThrow(
      `${a}: is listed twice in the list of files; reading it twice would double its rows: name each file once`,
    );
  });

  it("refuses a glob or folder and a path that overlap, naming both entries", async () => {
    const glob = `${tmp.dir}/rides-*.csv`;
    await expect(resolveSources([glob, b])).rejects.toThrow(
      `${b}: is named twice in the list of files, by "${glob}" and by "${b}"`,
    );
    await expect(resolveSources([a, tmp.dir])).rejects.toThrow(
      `${a}: is named twice in the list of files, by "${a}" and by "${tmp.dir}"`,
    );
    await expect(resolveSources([a, `${tmp.dir}/./rides-a.csv`])).rejects.toThrow("is named twice");
  });

  it("reads distinct files in the order given", async () => {
    expect(await resolveSources([b, a])).toEqual([b, a]);
  });
});
