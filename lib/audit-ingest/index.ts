export { startAuditIngestion, type AuditSchedulerOptions } from "./scheduler";
export { AuditIngestJob, type AuditIngestDeps, type TickResult, type TickStatus } from "./ingest-job";
export { auditIngestConfigFromEnv, type AuditIngestConfig } from "./ingest-config";
export { AUDIT_INGEST_LOCK_KEY, tryAcquireIngestLock, releaseIngestLock } from "./ingest-lock";
