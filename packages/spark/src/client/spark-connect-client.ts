import { randomUUID } from "node:crypto";
import { create, type DescMessage, fromBinary, type MessageShape, toBinary } from "@bufbuild/protobuf";
import * as grpc from "@grpc/grpc-js";
import {
  type AnalyzePlanRequest,
  AnalyzePlanRequestSchema,
  AnalyzePlanResponseSchema,
  ConfigRequestSchema,
  ConfigResponseSchema,
  ExecutePlanRequestSchema,
  type ExecutePlanResponse,
  ExecutePlanResponseSchema,
  InterruptRequest_InterruptType,
  InterruptRequestSchema,
  InterruptResponseSchema,
  type Plan,
  PlanSchema,
  ReleaseExecuteRequestSchema,
  ReleaseExecuteResponseSchema,
  ReleaseSessionRequestSchema,
  ReleaseSessionResponseSchema,
} from "../generated/spark/connect/base_pb";
import type { Command } from "../generated/spark/connect/commands_pb";
import type { Relation } from "../generated/spark/connect/relations_pb";
import type { DataType } from "../generated/spark/connect/types_pb";
import { abortable } from "./abortable";
import { toSparkError } from "./errors";
import { parseRemote, type SparkRemote } from "./remote";

const SERVICE = "/spark.connect.SparkConnectService";
const CLIENT_TYPE = "tablepipe";
/** Results come in Arrow batches of up to a few MiB; allow large ones (Spark's own clients allow 128 MiB). */
const MAX_MESSAGE_BYTES = 128 * 1024 * 1024;

function codec<D extends DescMessage>(schema: D) {
  return {
    serialize: (message: MessageShape<D>): Buffer => Buffer.from(toBinary(schema, message)),
    deserialize: (bytes: Buffer): MessageShape<D> => fromBinary(schema, bytes),
  };
}

/** How long an Interrupt call may take before the interrupted call rejects anyway (the server may be gone). */
const INTERRUPT_DEADLINE_MS = 2000;

/** Options of one call. */
export interface SparkCallOptions {
  /**
   * Stops the call when aborted: an execution is interrupted on the server (Spark Connect's `Interrupt`, by its
   * operation id), the local stream cancelled, and the call rejects with a `SparkQueryError` of kind
   * `interrupted`; an already aborted signal rejects so without a call.
   */
  readonly signal?: AbortSignal | undefined;
}

/** The Arrow IPC streams of one execution's result, in order, and the operation's id. */
export interface ArrowResult {
  readonly operationId: string;
  /** Each batch's bytes: a whole Arrow IPC stream (schema, then its record batches). */
  readonly batches: readonly Uint8Array[];
}

/**
 * A Spark Connect session over gRPC: run plans (SQL, local relations, commands), set configuration, analyze
 * a plan's schema, interrupt and release executions. One session per client; `close()` releases it.
 */
export class SparkConnectClient {
  readonly remote: SparkRemote;
  readonly sessionId: string;
  readonly #client: grpc.Client;
  readonly #userId: string;

  private constructor(remote: SparkRemote) {
    this.remote = remote;
    this.sessionId = remote.sessionId ?? randomUUID();
    this.#userId = remote.userId ?? process.env.USER ?? "tablepipe";
    const channel = remote.useSsl ? grpc.credentials.createSsl() : grpc.credentials.createInsecure();
    this.#client = new grpc.Client(`${remote.host}:${remote.port}`, channel, {
      "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
      "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
      "grpc.primary_user_agent": remote.userAgent ?? CLIENT_TYPE,
    });
  }

  /** A client for a connection string (`sc://host:port/;...`); no call is made until the first request. */
  static connect(remote: string | SparkRemote): SparkConnectClient {
    return new SparkConnectClient(typeof remote === "string" ? parseRemote(remote) : remote);
  }

  #metadata(): grpc.Metadata {
    const metadata = new grpc.Metadata();
    if (this.remote.token !== undefined) metadata.set("authorization", `Bearer ${this.remote.token}`);
    for (const [key, value] of Object.entries(this.remote.headers)) metadata.set(key, value);
    return metadata;
  }

  #context() {
    return { sessionId: this.sessionId, userContext: { userId: this.#userId }, clientType: CLIENT_TYPE };
  }

  #unary<Req extends DescMessage, Res extends DescMessage>(
    method: string,
    req: Req,
    res: Res,
    message: MessageShape<Req>,
    what: string,
    options: SparkCallOptions & { readonly deadlineMs?: number } = {},
  ): Promise<MessageShape<Res>> {
    const reqCodec = codec(req);
    const resCodec = codec(res);
    const deadline = options.deadlineMs === undefined ? {} : { deadline: Date.now() + options.deadlineMs };
    return abortable(what, options.signal, ({ resolve, reject }) =>
      this.#client.makeUnaryRequest(
        `${SERVICE}/${method}`,
        reqCodec.serialize,
        resCodec.deserialize,
        message,
        this.#metadata(),
        deadline,
        (error, value) => {
          if (error !== null || value === undefined) reject(toSparkError(what, error));
          else resolve(value);
        },
      ),
    );
  }

  /**
   * Run a plan and collect every Arrow batch of its result, in order. `what` names it in errors; an aborted
   * `options.signal` interrupts it (see {@link SparkCallOptions}).
   */
  async execute(plan: Plan, what: string, options: SparkCallOptions = {}): Promise<ArrowResult> {
    const operationId = randomUUID();
    const request = create(ExecutePlanRequestSchema, { ...this.#context(), plan, operationId });
    const { serialize } = codec(ExecutePlanRequestSchema);
    const { deserialize } = codec(ExecutePlanResponseSchema);
    const batches: Uint8Array[] = [];
    await abortable<void>(
      what,
      options.signal,
      ({ resolve, reject }) => {
        const call = this.#client.makeServerStreamRequest(
          `${SERVICE}/ExecutePlan`,
          serialize,
          deserialize,
          request,
          this.#metadata(),
        );
        call.on("data", (response: ExecutePlanResponse) => {
          if (response.responseType.case === "arrowBatch") batches.push(response.responseType.value.data);
        });
        call.on("error", (error) => reject(toSparkError(what, error)));
        call.on("end", () => resolve());
        return call;
      },
      () => this.interruptOperation(operationId),
    );
    return { operationId, batches };
  }

  /** Run SQL that returns rows. */
  sql(query: string, what: string, options: SparkCallOptions = {}): Promise<ArrowResult> {
    return this.execute(
      create(PlanSchema, { opType: { case: "root", value: { relType: { case: "sql", value: { query } } } } }),
      what,
      options,
    );
  }

  /** Run a relation (a query, local rows, a read) and collect its rows. */
  relation(relation: Relation, what: string, options: SparkCallOptions = {}): Promise<ArrowResult> {
    return this.execute(create(PlanSchema, { opType: { case: "root", value: relation } }), what, options);
  }

  /** Run a command (a temporary view, a SQL statement). */
  async command(command: Command, what: string, options: SparkCallOptions = {}): Promise<void> {
    await this.execute(create(PlanSchema, { opType: { case: "command", value: command } }), what, options);
  }

  /** Run a SQL statement for its effect (`DROP VIEW ...`). */
  statement(sql: string, what: string, options: SparkCallOptions = {}): Promise<void> {
    return this.command({ commandType: { case: "sqlCommand", value: { sql } } } as Command, what, options);
  }

  /** Make `relation` the session's temporary view `name` (replacing one of that name). */
  createView(name: string, relation: Relation, what: string, options: SparkCallOptions = {}): Promise<void> {
    return this.command(
      {
        commandType: {
          case: "createDataframeView",
          value: { input: relation, name, isGlobal: false, replace: true },
        },
      } as Command,
      what,
      options,
    );
  }

  /** Set session configuration (`spark.sql.session.timeZone` ...). */
  async setConfig(pairs: Readonly<Record<string, string>>, options: SparkCallOptions = {}): Promise<void> {
    const request = create(ConfigRequestSchema, {
      ...this.#context(),
      operation: {
        opType: {
          case: "set",
          value: { pairs: Object.entries(pairs).map(([key, value]) => ({ key, value })) },
        },
      },
    });
    await this.#unary(
      "Config",
      ConfigRequestSchema,
      ConfigResponseSchema,
      request,
      "setting the session configuration",
      options,
    );
  }

  /** Read session configuration values (a key Spark does not know has no value). */
  async getConfig(keys: readonly string[]): Promise<Record<string, string | undefined>> {
    const request = create(ConfigRequestSchema, {
      ...this.#context(),
      operation: { opType: { case: "get", value: { keys: [...keys] } } },
    });
    const response = await this.#unary(
      "Config",
      ConfigRequestSchema,
      ConfigResponseSchema,
      request,
      "reading the session configuration",
    );
    return Object.fromEntries(response.pairs.map((pair) => [pair.key, pair.value]));
  }

  /** The schema Spark gives a relation, without running it. */
  async schema(
    relation: Relation,
    what: string,
    options: SparkCallOptions = {},
  ): Promise<DataType | undefined> {
    const request: AnalyzePlanRequest = create(AnalyzePlanRequestSchema, {
      ...this.#context(),
      analyze: { case: "schema", value: { plan: { opType: { case: "root", value: relation } } } },
    });
    const response = await this.#unary(
      "AnalyzePlan",
      AnalyzePlanRequestSchema,
      AnalyzePlanResponseSchema,
      request,
      what,
      options,
    );
    return response.result.case === "schema" ? response.result.value.schema : undefined;
  }

  /** The server's Spark version. */
  async sparkVersion(): Promise<string> {
    const request = create(AnalyzePlanRequestSchema, {
      ...this.#context(),
      analyze: { case: "sparkVersion", value: {} },
    });
    const response = await this.#unary(
      "AnalyzePlan",
      AnalyzePlanRequestSchema,
      AnalyzePlanResponseSchema,
      request,
      "connecting",
    );
    return response.result.case === "sparkVersion" ? response.result.value.version : "";
  }

  /** Interrupt every running execution of this session; returns the interrupted operation ids. */
  interruptAll(): Promise<readonly string[]> {
    return this.#interrupt({ interruptType: InterruptRequest_InterruptType.ALL });
  }

  /** Interrupt one execution of this session by its operation id; returns the interrupted operation ids. */
  interruptOperation(operationId: string): Promise<readonly string[]> {
    return this.#interrupt(
      {
        interruptType: InterruptRequest_InterruptType.OPERATION_ID,
        interrupt: { case: "operationId", value: operationId },
      },
      { deadlineMs: INTERRUPT_DEADLINE_MS },
    );
  }

  /** Send an Interrupt of this session with `what` (its type, and which operation); the interrupted ids. */
  async #interrupt(
    what: Partial<Pick<MessageShape<typeof InterruptRequestSchema>, "interruptType" | "interrupt">>,
    options: { readonly deadlineMs?: number } = {},
  ): Promise<readonly string[]> {
    const request = create(InterruptRequestSchema, { ...this.#context(), ...what });
    const response = await this.#unary(
      "Interrupt",
      InterruptRequestSchema,
      InterruptResponseSchema,
      request,
      "interrupting",
      options,
    );
    return response.interruptedIds;
  }

  /** Release an execution's buffered results on the server (a no-op for one already released). */
  async releaseExecute(operationId: string): Promise<void> {
    const request = create(ReleaseExecuteRequestSchema, {
      ...this.#context(),
      operationId,
      release: { case: "releaseAll", value: {} },
    });
    await this.#unary(
      "ReleaseExecute",
      ReleaseExecuteRequestSchema,
      ReleaseExecuteResponseSchema,
      request,
      "releasing",
    );
  }

  /** Release the session on the server (its temporary views go with it) and close the channel. */
  async close(): Promise<void> {
    try {
      const request = create(ReleaseSessionRequestSchema, this.#context());
      await this.#unary(
        "ReleaseSession",
        ReleaseSessionRequestSchema,
        ReleaseSessionResponseSchema,
        request,
        "closing the session",
      );
    } finally {
      this.#client.close();
    }
  }
}
