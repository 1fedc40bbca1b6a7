/**
 * Runs once when a Next.js server starts. Parses the configuration so that a bad variable stops
 * the start with a message naming it, instead of failing on the first request; then starts the
 * sync scheduler (first sync shortly after boot, then every SYNC_INTERVAL_MINUTES).
 */
export async function register(): Promise<void> {
  // The documented shape (a block guarded by NEXT_RUNTIME): the edge bundle drops it entirely,
  // so Node-only modules (pg, the sync) are never compiled for the edge runtime.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { parseEnv, ConfigError } = await import("./lib/config-schema");
    try {
      parseEnv(process.env);
    } catch (error) {
      if (error instanceof ConfigError) {
        console.error(`\n${error.message}\n\nSee README.md, "Configuration".\n`);
        process.exit(1);
      }
      throw error;
    }
    // `next build` also loads this file; only a serving process should sync.
    if (process.env.NEXT_PHASE !== "phase-production-build") {
      const { startSyncScheduler } = await import("./lib/sync/scheduler");
      startSyncScheduler();
      // Audit log ingestion (AUDIT_LOG_PATH / AUDIT_SOCKET_PORT): waits for the first snapshot, then tails.
      const { startAuditIngestion } = await import("./lib/audit-ingest/scheduler");
      startAuditIngestion();
      // Detection rules over the ingested audit events, and the alert webhook's outbox worker.
      const { startDetectionScheduler } = await import("./lib/detection/scheduler");
      startDetectionScheduler();
      // The dashboard's daily history (checklist scores and key figures), one row per UTC day.
      const { startChecklistHistoryScheduler } = await import("./lib/checklist/history-scheduler");
      startChecklistHistoryScheduler();
    }
  }
}
