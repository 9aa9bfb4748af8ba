/** The rows a join keeps: backing rows of the left, and of the right (-1: no right row). */
export interface JoinMatches {
  readonly left: Uint32Array;
  readonly right: Int32Array;
}

/** Options of `matchRows` (join-matches.ts). */
export interface MatchOptions {
  readonly how: "inner" | "left" | "semi" | "anti";
  readonly validate: "many-to-one" | "one-to-one" | undefined;
  /** The key column names, for errors. */
  readonly keys: readonly string[];
}
