import type { SparkRemote } from "../client/remote";
import { type SparkCallOptions, SparkConnectClient } from "../client/spark-connect-client";

/**
 * The session settings every run needs: wall clocks in UTC and zone-less time stamps (so no value shifts
 * with a machine's or cluster's zone), and column names that differ only in case kept apart, as in process.
 */
export const SESSION_CONFIG: Readonly<Record<string, string>> = {
  "spark.sql.session.timeZone": "UTC",
  "spark.sql.timestampType": "TIMESTAMP_NTZ",
  "spark.sql.caseSensitive": "true",
};

/**
 * A Spark Connect session made ready for tablepipe (see {@link SESSION_CONFIG}); reuse one for several
 * runs, and `close()` it when done (its temporary views go with it).
 * @example const session = await SparkSession.connect("sc://localhost:15002"); ...; await session.close();
 */
export class SparkSession {
  readonly client: SparkConnectClient;
  #runs = 0;

  private constructor(client: SparkConnectClient) {
    this.client = client;
  }

  /** Connect to `remote` (`sc://host:port/;...`) and set the session's configuration; an aborted `options.signal` stops it. */
  static async connect(remote: string | SparkRemote, options: SparkCallOptions = {}): Promise<SparkSession> {
    const client = SparkConnectClient.connect(remote);
    try {
      await client.setConfig(SESSION_CONFIG, options);
    } catch (error) {
      client.close().catch(() => undefined);
      throw error;
    }
    return new SparkSession(client);
  }

  /** A number for the next run's temporary view names, unique in this session. */
  nextRun(): number {
    return ++this.#runs;
  }

  /** Release the session on the server and close the connection. */
  close(): Promise<void> {
    return this.client.close();
  }
}
