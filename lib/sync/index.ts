// The sync (DESIGN.md "Data model": complete snapshot, one-transaction switch, stale banner).
// Server-side surface; client components import only ./schemas (views) or ./actions.
export { runSync } from "./run-sync";
export { getSyncStatus, listRecentSyncRuns, listSyncProblems } from "./status";
export { syncConfigFromEnv, DEFAULT_CI_OWNER, type SyncConfig } from "./sync-config";
export { MAX_STORED_PROBLEMS } from "./problems";
export { WriteCapableTokenError } from "./collect-vault";
export type { RunSyncOptions, RunSyncResult, SyncCounts, SyncDeps, SyncPhase, SyncProgress, SyncTrigger, SyncRunStatus } from "./types";
export type { SyncRunView, SyncStatusView, SyncProblemView } from "./schemas";
export type * from "./snapshot-data";
