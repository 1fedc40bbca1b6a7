/**
 * Continuous audit ingestion, started once per server process from instrumentation.ts next to the
 * sync scheduler. Every instance ticks; the advisory lock lets one of them ingest, and another takes
 * over within one interval if it dies. Off when neither AUDIT_LOG_PATH nor AUDIT_SOCKET_PORT is set.
 * No "server-only" import here, for the reason given in lib/sync/scheduler.ts.
 */
import { parseEnv } from "@/lib/config-schema";
import { createDetectionHook } from "./detection-hook";
import { auditIngestConfigFromEnv } from "./ingest-config";
import { AuditIngestJob } from "./ingest-job";

const STARTED = Symbol.for("radius.auditIngestion");
/** While another instance holds the lock, try to take over this often. */
const BUSY_RETRY_MS = 30_000;

export interface AuditSchedulerOptions {
  env?: Record<string, string | undefined>;
  log?: (message: string) => void;
}

export function startAuditIngestion(options: AuditSchedulerOptions = {}): void {
  const state = globalThis as { [STARTED]?: boolean };
  if (state[STARTED]) return;
  const env = parseEnv(options.env ?? process.env);
  const config = auditIngestConfigFromEnv(env);
  const log = options.log ?? ((m: string) => console.log(`[radius audit] ${m}`));
  if (!config.filePath && config.socketPort === null) {
    log("audit ingestion is off (set AUDIT_LOG_PATH and/or AUDIT_SOCKET_PORT)");
    return;
  }
  state[STARTED] = true;
  const job = new AuditIngestJob({ databaseUrl: env.DATABASE_URL, config, log, afterBatch: createDetectionHook(env.DATABASE_URL, log) });
  let announced = false;
  const tick = async () => {
    let delay = config.intervalMs;
    try {
      const r = await job.tick();
      if (r.status === "busy") delay = Math.max(delay, BUSY_RETRY_MS);
      if (r.events > 0 && !announced) {
        log(`ingesting the audit log${config.filePath ? ` (${config.filePath})` : ""}`);
        announced = true;
      }
    } finally {
      setTimeout(() => void tick(), delay).unref();
    }
  };
  setTimeout(() => void tick(), config.intervalMs).unref();
}
