/**
 * Vault audit log ingestion: file device (tailed across rotation and truncation, checkpointed in the
 * batch's transaction) and socket device (TCP), into audit_events, access_daily_reads and access_stats.
 * No "server-only" here: the job runs from instrumentation.ts and from tsx scripts (see lib/sync).
 */
export { parseAuditLine, isValueRead, type AuditEntry, type ParseResult } from "./parse-entry";
export { KeyResolver, type KeyIndexInput } from "./resolve-keys";
export { loadKeyResolver, findActiveSnapshotId, type ActiveResolver } from "./load-key-resolver";
export { EventBatch, MAX_PROBLEMS_PER_BATCH, type AuditProblem, type DailyRead } from "./event-batch";
export { AuditBatchWriter, CheckpointMovedError, loadCheckpoint, type SourcePosition, type StoredCheckpoint } from "./write-batch";
export { AuditFileTail, fileSourceId, type TailBatch } from "./file-tail";
export { openFileTail, ingestAvailable, type BatchStored, type PassResult } from "./ingest-file";
export { AuditSocketSource } from "./socket-source";
export { addDailyReads, refreshAccessStats, STATS_WINDOW_DAYS } from "./access-rollups";
export { applyAuditRetention } from "./retention";
