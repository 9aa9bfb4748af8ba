import {
  type CastType,
  columnsAfter,
  SQL_DIALECTS,
  type SqlDialectName,
  type SqlRendering,
  StepFailedError,
} from "@tablepipe/core";
import type { PlannedStep } from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";
import { builtInRendering } from "./built-in-renderings";
import { columnNameClash, describeClash } from "./column-names";
import type { FailureProbe } from "./failure-probe";
import { LookupRelations } from "./lookup-relations";
import { ROW_ORDER_COLUMN } from "./row-order";
import { type RowOrderUse, resultIgnoresRowOrder, rowOrderUseOf } from "./row-order-use";
import { stepContext } from "./step-context";
import { type KnownTypes, type LastStepForm, type RenderedStep, typesOf } from "./step-rendering";

/** One CTE of a compiled pipe: a name, its query, and the step it renders (none for the source). */
export interface CompiledCte {
  readonly name: string;
  readonly sql: string;
  readonly step: PlannedStep | undefined;
  /** The columns it gives the next CTE (the row-order column aside), for a step's. */
  readonly columns?: readonly string[];
  /** True when the step's query reads a lookup table (a join or subquery: DuckDB may then reorder its rows). */
  readonly readsLookup?: boolean;
  /** How the step's rows depend on its input's row order, when known (see `RowOrderUse`). */
  readonly rowOrder?: RowOrderUse;
  /** How to find the row the step's query failed on, as in process (see `FailureProbe`), when it can fail on one. */
  readonly failureProbe?: FailureProbe;
  /** True when a user's rendering gives the step's query (see `checkOwnRenderings`). */
  readonly ownRendering?: boolean;
}

/** A pipe's longest renderable prefix as one query, a CTE per step. */
export interface CompiledPipe {
  /** The CTEs in order: the lookups', the source's, then one per rendered step. */
  readonly ctes: readonly CompiledCte[];
  /** The number of leading steps rendered (the others run in process). */
  readonly renderedSteps: number;
  /**
   * Why the prefix ended at a step that has a rendering, when it did: the step's columns (or a lookup table's)
   * hold two names the dialect cannot tell apart, or a reserved name (`columnNameClash`); the step runs in process.
   */
  readonly nameClash?: string;
  /**
   * True when the query's rows, in their order, do not depend on the source rows' order (`resultIgnoresRowOrder`):
   * an engine may then leave the source rows unnumbered (any per-row value stands in for the row order).
   */
  readonly ignoresRowOrder: boolean;
  /** The columns after the last rendered step, in order. */
  readonly columns: readonly string[];
  /** The lookup tables (table params) the query reads, with the relation each must be loaded as. */
  readonly lookups: readonly {
    readonly table: ColumnTable;
    readonly relation: string;
    /** Column types the renderings need the table loaded with (over the engine's own). */
    readonly types: Readonly<Record<string, CastType>>;
  }[];
  /** The whole query: the CTEs, then the last one's columns in row order. */
  readonly sql: string;
  /**
   * The ORDER BY terms that give the last CTE's rows in row order, when its step ordered them (see
   * `LastStepForm`); undefined: its row-order column. For an engine that writes its own final query over the CTEs.
   */
  readonly finalOrder?: string;
  /** One query counting the rows of the source and of each rendered step. */
  readonly countSql: string;
  /**
   * The whole query with a marker filter over each CTE (`countMarker(i)`: the source's, then each step's),
   * for an engine that reports how many rows leave each filter (DuckDB's profile): the counts of one run,
   * without holding any step's rows. The markers keep every row; undefined for other dialects.
   */
  readonly markedSql?: string;
  /** The CTEs of `markedSql`, in order (the lookups', the source's, then one per rendered step). */
  readonly markedCtes?: readonly CompiledCte[];
}

/**
 * The constant of the marker filter of the i-th counted CTE (0: the source) of `markedSql`,
 * `row-order column IS DISTINCT FROM <constant>`: true on every row (no row order is this negative), and
 * found by its constant in an engine's profile.
 */
export function countMarker(i: number): string {
  return String(-(COUNT_MARKER_BASE + i));
}

/** The base of the markers' constants: a number no row order reaches, unlikely in a user's own filter. */
const COUNT_MARKER_BASE = 7_346_100_000;

/** How to compile: the dialect, how a loaded relation gets its row numbers, renderings given by name. */
export interface CompileOptions {
  readonly dialect: SqlDialectName;
  /** The relation holding the source rows, in order. */
  readonly sourceRelation: string;
  /** A loaded relation (holding `columns`) with the row-order column added (DuckDB: its `rowid`). */
  readonly numberRows: (relation: string, columns: readonly string[]) => string;
  /** The loaded relation name of the n-th lookup table. */
  readonly lookupRelation: (index: number) => string;
  /** Renderings for transforms that have none of their own, by transform name. */
  readonly renderings?: Readonly<Record<string, SqlRendering>>;
  /** The source columns' types where the engine knows them (type-dependent renderings decline without). */
  readonly sourceTypes?: Readonly<Record<string, CastType>>;
  /**
   * The engine's `columnTypes` (by column name: a lookup table's column it declares no type for is loaded with
   * it, see `lookupTypesOver`): the renderings type a right table's columns as the engine will load them.
   */
  readonly columnTypes?: Readonly<Record<string, CastType>>;
}

/**
 * A step rendered, or undefined when it has no rendering for these params or leaves no column (a `select` of
 * none, an `aggregate` of no key and no measure: SQL has no relation without columns, so it runs in process).
 * A rendering that throws (a step refused before any query runs, as in process: a join on keys that can never
 * match) throws a `StepFailedError` naming the step, as the in-process run does.
 */
function renderStep(
  step: PlannedStep,
  context: ReturnType<typeof stepContext>,
  types: KnownTypes,
  lookups: LookupRelations,
  options: CompileOptions,
): RenderedStep | undefined {
  try {
    const rendered = renderOneStep(step, context, types, lookups, options);
    return rendered?.columns.length === 0 ? undefined : rendered;
  } catch (error) {
    throw new StepFailedError(step.path, error);
  }
}

function renderOneStep(
  step: PlannedStep,
  context: ReturnType<typeof stepContext>,
  types: KnownTypes,
  lookups: LookupRelations,
  options: CompileOptions,
): RenderedStep | undefined {
  const own = step.transform.sql ?? options.renderings?.[step.transform.transformName];
  if (own !== undefined) {
    const sql = own(step.resolved, context);
    if (sql === undefined) return undefined;
    const columns = columnsAfter(context.columns, step.contract);
    // the step's contract is its word: the columns it does not add keep their types
    const added = Object.fromEntries(step.contract.adds.map((name) => [name, undefined]));
    return { sql, columns, types: typesOf(types, columns, added), own: true };
  }
  const known = {
    types,
    lookup: (table: ColumnTable, t: KnownTypes) => lookups.nameOf(table, t),
    columnTypes: options.columnTypes ?? {},
  };
  return builtInRendering(step.transform)?.(step.resolved, context, known);
}

/** The WITH clause of `ctes`, each named by its quoted name. */
export function withClause(ctes: readonly CompiledCte[], dialect: SqlDialectName): string {
  const quote = SQL_DIALECTS[dialect].quoteIdentifier;
  return `WITH\n${ctes.map((cte) => `${quote(cte.name)} AS (\n  ${cte.sql}\n)`).join(",\n")}`;
}

/**
 * The query over `ctes` that selects `columns` of the last CTE, its rows in row order: by its row-order column, or
 * by `order` (a compiled pipe's `finalOrder`).
 */
export function rowOrderedQuery(
  ctes: readonly CompiledCte[],
  columns: readonly string[],
  dialect: SqlDialectName,
  order?: string,
): string {
  const quote = SQL_DIALECTS[dialect].quoteIdentifier;
  const last = quote((ctes.at(-1) as CompiledCte).name);
  const selected = columns.map(quote).join(", ");
  const by = order ?? `${quote(ROW_ORDER_COLUMN)} ASC NULLS FIRST`;
  return `${withClause(ctes, dialect)}\nSELECT ${selected} FROM ${last}\nORDER BY ${by}`;
}

/** Why a rendered step cannot run in the dialect: a clash among its columns or a lookup table's it reads first. */
function clashOf(
  step: PlannedStep,
  columns: readonly string[],
  lookupTables: readonly ColumnTable[],
  dialect: SqlDialectName,
): string | undefined {
  const own = columnNameClash(columns, dialect);
  if (own !== undefined) return describeClash(own, dialect, `step "${step.path}"`);
  for (const table of lookupTables) {
    const clash = columnNameClash(table.columnNames(), dialect);
    if (clash !== undefined) return describeClash(clash, dialect, `step "${step.path}", its lookup table`);
  }
  return undefined;
}

function uniqueName(label: string, taken: Set<string>): string {
  let name = label;
  for (let n = 2; taken.has(name); n++) name = `${label} #${n}`;
  taken.add(name);
  return name;
}

/**
 * Render the longest prefix of `steps` (primitive steps, in order) that has SQL renderings: a CTE named
 * after each step's label, reading the one before. A step without a rendering ends the prefix.
 */
export function compilePipe(
  sourceColumns: readonly string[],
  steps: readonly PlannedStep[],
  options: CompileOptions,
): CompiledPipe {
  const quote = SQL_DIALECTS[options.dialect].quoteIdentifier;
  const lookups = new LookupRelations();
  const taken = new Set<string>(["source"]);
  const stepCtes: CompiledCte[] = [];
  let input = "source";
  let columns = sourceColumns;
  let types: KnownTypes = typesOf(options.sourceTypes ?? {}, sourceColumns);
  let nameClash: string | undefined;
  // the last rendered step's form as the query's last, when it has one
  let lastForm: LastStepForm | undefined;
  for (const step of steps) {
    const context = stepContext(options.dialect, input, columns, lookups, types);
    const reads = lookups.reads;
    const registered = lookups.size;
    const rendered = renderStep(step, context, types, lookups, options);
    const added = lookups.tablesSince(registered);
    nameClash = rendered === undefined ? undefined : clashOf(step, rendered.columns, added, options.dialect);
    if (rendered === undefined || nameClash !== undefined) {
      // the step runs in process: the lookup tables only it read are not loaded
      lookups.truncate(registered);
      break;
    }
    const name = uniqueName(step.label, taken);
    // a step with a failure probe names the row it failed on, in its input's order: it depends on that order
    const rowOrder = rendered.failureProbe === undefined ? rowOrderUseOf(step, rendered.rowOrder) : undefined;
    stepCtes.push({
      name,
      sql: rendered.sql,
      step,
      columns: rendered.columns,
      readsLookup: lookups.reads > reads,
      ...(rowOrder === undefined ? {} : { rowOrder }),
      ...(rendered.failureProbe === undefined ? {} : { failureProbe: rendered.failureProbe }),
      ...(rendered.own === true ? { ownRendering: true } : {}),
    });
    input = name;
    columns = rendered.columns;
    types = typesOf(rendered.types ?? {}, columns);
    lastForm = rendered.asLast;
  }
  // set only by a rendered step: the last CTE is that step's
  if (lastForm !== undefined)
    stepCtes[stepCtes.length - 1] = { ...(stepCtes.at(-1) as CompiledCte), sql: lastForm.sql };
  const finalOrder = lastForm?.order;
  const lookupEntries = lookups.entries().map(([table, name, lookupTypes], i) => ({
    table,
    name,
    types: lookupTypes,
    relation: options.lookupRelation(i + 1),
  }));
  const ctes: CompiledCte[] = [
    ...lookupEntries.map(({ table, name, relation }) => ({
      name,
      sql: options.numberRows(relation, table.columnNames()),
      step: undefined,
    })),
    {
      name: "source",
      sql: options.numberRows(options.sourceRelation, sourceColumns),
      step: undefined,
    },
    ...stepCtes,
  ];
  const counted = ["source", ...stepCtes.map((cte) => cte.name)];
  const countOf = (name: string): string => `(SELECT count(*) FROM ${quote(name)})`;
  const countList = counted.map((name, i) => `${countOf(name)} AS ${quote(`n${i}`)}`).join(", ");
  // each counted CTE (the source's and the steps', after the lookups') behind its marker filter
  const marked = ctes.map((cte, at) => {
    const i = at - lookupEntries.length;
    if (i < 0) return cte;
    const marker = `${quote(ROW_ORDER_COLUMN)} IS DISTINCT FROM ${countMarker(i)}`;
    return { ...cte, sql: `SELECT * FROM (${cte.sql}) WHERE ${marker}` };
  });
  return {
    ctes,
    renderedSteps: stepCtes.length,
    ...(nameClash === undefined ? {} : { nameClash }),
    ignoresRowOrder: resultIgnoresRowOrder(stepCtes.map((cte) => cte.rowOrder)),
    columns,
    lookups: lookupEntries.map(({ table, relation, types: t }) => ({ table, relation, types: t })),
    sql: rowOrderedQuery(ctes, columns, options.dialect, finalOrder),
    ...(finalOrder === undefined ? {} : { finalOrder }),
    countSql: `${withClause(ctes, options.dialect)}\nSELECT ${countList}`,
    ...(options.dialect === "duckdb"
      ? { markedSql: rowOrderedQuery(marked, columns, options.dialect, finalOrder), markedCtes: marked }
      : {}),
  };
}
