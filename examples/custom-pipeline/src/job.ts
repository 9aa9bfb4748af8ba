import { join } from "node:path";
import { pipe, type Table } from "@tablepipe/core";
import { readTable, writeTable } from "@tablepipe/io";
import { Job } from "@tablepipe/job";
import {
  generateTrips,
  generateZones,
  taxiTripAliases,
  taxiTripSchema,
  taxiZoneGeoAliases,
  taxiZoneGeoSchema,
} from "@tablepipe/tip-model";
import type * as z from "zod";
import { FarePerMileConfig } from "./config";
import { prepareTrips } from "./prepare-trips";
import { farePerMileByBoroughAndHour } from "./summarize";

/** The named tables the job keeps for inspection. */
export type FarePerMileTables = {
  trips: Table;
  zones: Table;
  prepared: Table;
  answer: Table;
};

// #region FarePerMileJob
/**
 * Fare per mile by pickup borough and hour, as a job: `run()` is the table of contents and each stage can be
 * rerun alone from a REPL after changing `job.config`.
 */
export class FarePerMileJob extends Job<FarePerMileConfig, FarePerMileTables> {
  constructor(config: z.input<typeof FarePerMileConfig> = {}) {
    super(FarePerMileConfig.parse(config), { loggerName: "fare-per-mile" });
  }

  async run(): Promise<void> {
    await this.extract();
    await this.transform();
    await this.summarize();
    await this.load();
  }

  /** Read the trips and zones from `data_dir`, or generate the sample the tip model uses. */
  extract(): Promise<void> {
    return this.stage("extract", async () => {
      const { data_dir: dir, sample_rows: rows, seed } = this.config;
      if (dir === undefined) {
        this.tables.trips = generateTrips({ rows, seed });
        this.tables.zones = generateZones();
        return;
      }
      this.tables.trips = await readTable(join(dir, "taxi_trip_data.csv"), taxiTripSchema, {
        aliases: taxiTripAliases,
      });
      this.tables.zones = await readTable(join(dir, "taxi_zone_geo.csv"), taxiZoneGeoSchema, {
        aliases: taxiZoneGeoAliases,
      });
    });
  }

  transform(): Promise<void> {
    return this.stage("transform", () => {
      const { after, through, min_miles: minMiles } = this.config;
      this.tables.prepared = this.runPipe(
        "transform",
        pipe(this.table("trips")).transform(prepareTrips, {
          zones: this.table("zones"),
          after,
          through,
          minMiles,
        }),
      );
    });
  }

  summarize(): Promise<void> {
    return this.stage("summarize", () => {
      this.tables.answer = farePerMileByBoroughAndHour(this.table("prepared"));
    });
  }

  /** Write the answer as CSV (to a temporary name, renamed into place). */
  load(): Promise<void> {
    return this.stage("load", () => writeTable(this.table("answer"), this.config.out));
  }
}
// #endregion FarePerMileJob
