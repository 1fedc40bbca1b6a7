import { createHash } from "node:crypto";
import { csvLine } from "@/lib/inventory/csv";
import type { ExportRow } from "./rows";

export interface StreamSummary {
  rows: number;
  bytes: number;
  sha256: string;
}

export interface EncodeOptions {
  format: "csv" | "json";
  columns: readonly string[];
  /** JSON only: written before "rows" (what, when, filters). */
  meta: Record<string, unknown>;
  batches: AsyncIterable<ExportRow[]>;
  /** Runs after the last byte is enqueued and before the stream closes: the audit record exists when the client sees the end. */
  onComplete(summary: StreamSummary): Promise<void>;
  onError(error: unknown, summary: Omit<StreamSummary, "sha256">): Promise<void>;
}

/**
 * A pull-based byte stream: one batch is fetched per pull, so memory holds one batch whatever the
 * export's size, and a slow client slows the queries down (backpressure). The SHA-256 of exactly
 * the bytes sent is computed on the way through. JSON is one document:
 * {"export": {...}, "columns": [...], "rows": [{...}, ...]}.
 */
export function encodeExportStream(o: EncodeOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const hash = createHash("sha256");
  const iterator = o.batches[Symbol.asyncIterator]();
  let started = false;
  let rows = 0;
  let bytes = 0;
  let finished = false;

  const emit = (controller: ReadableStreamDefaultController<Uint8Array>, text: string) => {
    const chunk = encoder.encode(text);
    hash.update(chunk);
    bytes += chunk.byteLength;
    controller.enqueue(chunk);
  };
  const encodeBatch = (batch: ExportRow[]): string => {
    if (o.format === "csv") return batch.map((r) => csvLine(o.columns.map((c) => r[c]))).join("");
    return batch.map((r, i) => `${rows + i === 0 ? "\n" : ",\n"}${JSON.stringify(r)}`).join("");
  };

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          emit(controller, o.format === "csv" ? csvLine([...o.columns]) : `{"export":${JSON.stringify(o.meta)},"columns":${JSON.stringify(o.columns)},"rows":[`);
          return;
        }
        // Loop past empty batches: a pull that enqueues nothing is not called again.
        let next = await iterator.next();
        while (!next.done && next.value.length === 0) next = await iterator.next();
        if (!next.done) {
          const text = encodeBatch(next.value);
          rows += next.value.length;
          emit(controller, text);
          return;
        }
        if (o.format === "json") emit(controller, `${rows > 0 ? "\n" : ""}]}\n`);
        finished = true;
        await o.onComplete({ rows, bytes, sha256: hash.digest("hex") });
        controller.close();
      } catch (error) {
        finished = true;
        await o.onError(error, { rows, bytes }).catch(() => undefined);
        controller.error(error);
      }
    },
    async cancel(reason) {
      await iterator.return?.();
      if (!finished) {
        finished = true;
        await o.onError(reason ?? new Error("cancelled by the client"), { rows, bytes }).catch(() => undefined);
      }
    },
  });
}
