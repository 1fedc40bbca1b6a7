/**
 * One catch-up pass over a file source: the tail yields batches, the writer commits each with its
 * checkpoint. The next batch is parsed while the previous one is being written (Postgres works in
 * its own process, so parsing and storing overlap). Any failure drops the tail: the next pass
 * reopens from the committed checkpoint, so nothing is skipped and nothing is stored twice.
 */
import type pg from "pg";
import { EventBatch } from "./event-batch";
import { AuditFileTail, fileSourceId } from "./file-tail";
import type { KeyResolver } from "./resolve-keys";
import { loadCheckpoint, type AuditBatchWriter } from "./write-batch";

export interface BatchStored {
  source: string;
  events: number;
  malformed: number;
  reads: number;
  /** Event time range of the batch (null when it held no event). */
  from: Date | null;
  to: Date | null;
}

export interface PassResult {
  events: number;
  malformed: number;
  batches: number;
}

/** `resolver`: read at every batch, so a new snapshot's keys apply from the next batch on. */
export async function openFileTail(client: pg.ClientBase, file: string, cluster: () => string, resolver: () => KeyResolver | null, batchLines?: number): Promise<AuditFileTail> {
  const checkpoint = await loadCheckpoint(client, fileSourceId(file));
  return new AuditFileTail(file, checkpoint, () => new EventBatch(cluster(), resolver()), batchLines);
}

export async function ingestAvailable(tail: AuditFileTail, writer: AuditBatchWriter, afterBatch?: (b: BatchStored) => Promise<void>): Promise<PassResult> {
  const result: PassResult = { events: 0, malformed: 0, batches: 0 };
  const it = tail.read();
  let next = it.next();
  try {
    for (;;) {
      const r = await next;
      if (r.done) break;
      next = it.next();
      const { batch, position, expected } = r.value;
      await writer.write(batch, position, expected);
      result.events += batch.size;
      result.malformed += batch.malformed;
      result.batches++;
      await afterBatch?.({
        source: position.source, events: batch.size, malformed: batch.malformed, reads: batch.reads.size,
        from: batch.size > 0 ? new Date(batch.minMs) : null, to: batch.size > 0 ? new Date(batch.maxMs) : null,
      });
    }
  } catch (error) {
    await next.catch(() => undefined);
    await it.return(undefined).catch(() => undefined);
    await tail.close();
    throw error;
  }
  return result;
}
