import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDb } from "./duckdb-database";
import { KEEP_JOIN_SIDES, withDisabled, withOptimizersOff } from "./optimizers";
import { readQuery } from "./read-result";

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open();
});
afterAll(() => db.close());

const disabled = async (): Promise<string> =>
  String((await readQuery(db.connection, "SELECT current_setting('disabled_optimizers') AS d")).get("d", 0));

describe("withDisabled", () => {
  it("adds optimizers to the setting once each, blanks dropped", () => {
    expect(withDisabled("", ["build_side_probe_side"])).toBe("build_side_probe_side");
    expect(withDisabled("filter_pushdown, join_order", ["join_order", "build_side_probe_side"])).toBe(
      "filter_pushdown,join_order,build_side_probe_side",
    );
    expect(withDisabled(" , ", [])).toBe("");
  });
});

describe("withOptimizersOff", () => {
  it("turns the optimizers off while `run` runs, beside those already off, then sets them back, also on an error", async () => {
    await db.connection.run("SET disabled_optimizers = 'join_order'");
    const inside = await withOptimizersOff(db, KEEP_JOIN_SIDES, disabled);
    expect(inside.split(",").sort()).toEqual(["build_side_probe_side", "join_order"]);
    expect(await disabled()).toBe("join_order");
    const failing = withOptimizersOff(db, KEEP_JOIN_SIDES, async () => {
      throw new Error("the run failed");
    });
    await expect(failing).rejects.toThrow("the run failed");
    expect(await disabled()).toBe("join_order");
    expect(await withOptimizersOff(db, [], disabled)).toBe("join_order");
    await db.connection.run("SET disabled_optimizers = ''");
  });
});
