/**
 * Internals of @tablepipe/io for the other tablepipe packages (the Spark engine's result reader). Not a stable
 * API.
 * @packageDocumentation
 */

export { arrowColumnValues } from "./arrow/arrow-column-values";
