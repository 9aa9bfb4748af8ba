import { basename, dirname, join } from "node:path";
import { pipe, type Table } from "@tablepipe/core";
import { checkOutputFolder, type OutputCheckOptions, readTable, writeOutputFolder } from "@tablepipe/io";
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
    await checkOutputFolder(dirname(this.config.out), this.outputOptions()); // before any work is done
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
        this.log.info(`no data_dir: generating a sample of ${rows} trips (seed ${seed})`); // the job's logger
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
    return this.stage("transform", async () => {
      const { after, through, min_miles: minMiles } = this.config;
      this.tables.prepared = await this.runPipe(
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

  /**
   * Write the answer as CSV, to a temporary name renamed into place; never over an input, nor over a file
   * tablepipe did not write (`shared`: the folder is the user's, only this file is checked and written).
   */
  load(): Promise<void> {
    const { out } = this.config;
    return this.stage("load", async () => {
      const answer = this.table("answer");
      await writeOutputFolder(
        dirname(out),
        (folder) => folder.writeTable(basename(out), answer),
        this.outputOptions(),
      );
    });
  }

  /**
   * `out` in a folder of the user's: only that file is checked and written, and it may not be an input; it is
   * a table file (`tables`), so a name writeTable cannot write (`--out sales.txt`) is refused before any work.
   * Errors name the CLI's flags (`--out`, `--overwrite`), not the options of this call.
   */
  private outputOptions(): OutputCheckOptions {
    const { out, data_dir, overwrite } = this.config;
    return {
      label: "--out",
      overwrite,
      overwriteLabel: "--overwrite",
      shared: true,
      files: [basename(out)],
      tables: [basename(out)],
      inputs: data_dir === undefined ? [] : [data_dir],
    };
  }
}
// #endregion FarePerMileJob
