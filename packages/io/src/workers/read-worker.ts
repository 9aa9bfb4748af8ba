/** The worker of the parallel reads: parses the CSV pieces and decodes the Parquet row groups it is sent. */
import { parentPort } from "node:worker_threads";
import { type CsvPieceRequest, parseCsvPiece } from "../csv/csv-piece";
import type { ParquetPieceRequest } from "../parquet/parquet-piece";
import { type PieceResult, transferables } from "./piece-result";

/** The Parquet decoder (and hyparquet), loaded by the first Parquet request only: a CSV read never pays for it. */
let parquetPiece: Promise<typeof import("../parquet/parquet-piece")> | undefined;

parentPort?.on("message", (message: { id: number; request: CsvPieceRequest | ParquetPieceRequest }) => {
  const { id, request } = message;
  const reply = (result: PieceResult): void => parentPort?.postMessage({ id, result }, transferables(result));
  if (request.kind === "csv") reply(parseCsvPiece(request));
  else {
    parquetPiece ??= import("../parquet/parquet-piece");
    void parquetPiece.then(({ readParquetPiece }) => readParquetPiece(request)).then(reply);
  }
});
