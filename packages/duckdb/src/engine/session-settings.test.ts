import { pipe } from "@tablepipe/core";
import { dropDuplicates } from "@tablepipe/transforms";
import * as aq from "arquero";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DuckDbLoadError } from "../errors";
import { DuckDb } from "./duckdb-database";
import { duckdb } from "./duckdb-engine";
import { readQuery } from "./read-result";
import { checkSessionSettings } from "./session-settings";

describe("a database of the user's with settings that change results", () => {
  let db: DuckDb;
  beforeEach(async () => {
    db = await DuckDb.open();
  });
  afterEach(() => db.close());

  const names = aq.table({ name: ["a", "A", "b", "a"] });

  it("passes a database as DuckDb.open leaves it, every checked setting being one DuckDB knows", async () => {
    await expect(checkSessionSettings(db)).resolves.toBeUndefined();
    const known = await readQuery(
      db.connection,
      "SELECT count(*)::INT AS n FROM duckdb_settings() WHERE name IN ('default_collation', 'default_order', " +
        "'default_null_order', 'integer_division', 'preserve_insertion_order', 'ieee_floating_point_ops', " +
        "'errors_as_json', 'TimeZone', 'Calendar')",
    );
    expect(known.get("n", 0)).toBe(9);
    const deduped = await pipe(names)
      .transform(dropDuplicates)
      .run({ engine: duckdb({ database: db }) });
    expect(deduped.table.array("name")).toEqual(["a", "A", "b"]);
  });

  it.each([
    ["SET default_collation = 'nocase'", /setting default_collation is 'nocase'.*RESET default_collation/],
    ["SET default_order = 'desc'", /setting default_order is 'DESC'.*needs 'ASCENDING' or 'ASC'/],
    ["SET integer_division = true", /setting integer_division is 'true'/],
    ["SET default_null_order = 'nulls_first'", /setting default_null_order is 'NULLS_FIRST'/],
    ["SET TimeZone = 'America/New_York'", /TimeZone is 'America\/New_York'.*SET TimeZone = 'UTC'/],
  ])("refuses a run after %s, naming the setting, and runs once it is set back", async (set, message) => {
    await db.connection.run(set);
    const p = pipe(names).transform(dropDuplicates);
    const refused = p.run({ engine: duckdb({ database: db }) });
    await expect(refused).rejects.toThrow(DuckDbLoadError);
    await expect(refused).rejects.toThrow(message);
    const name = /SET (\w+)/.exec(set)?.[1] ?? "";
    await db.connection.run(name === "TimeZone" ? "SET TimeZone = 'UTC'" : `RESET ${name}`);
    const deduped = await p.run({ engine: duckdb({ database: db }) });
    expect(deduped.table.array("name")).toEqual(["a", "A", "b"]);
  });
});
