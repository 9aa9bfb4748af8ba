import { createRequire } from "node:module";
import type * as NodeApi from "@duckdb/node-api";

/**
 * `@duckdb/node-api`, loaded as the CommonJS package it is. An ESM `import` of it first has Node scan its ~180
 * modules for their export names: ~100 ms of the DuckDB engine's start, against ~50 ms required. Types come
 * from `import type` as usual.
 * @example const { DuckDBInstance } = duckdbApi;
 */
export const duckdbApi: typeof NodeApi = createRequire(import.meta.url)("@duckdb/node-api");
