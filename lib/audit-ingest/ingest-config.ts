import type { Env } from "@/lib/config-schema";

export interface AuditIngestConfig {
  /** Vault file audit device output (AUDIT_LOG_PATH). */
  filePath: string | null;
  /** TCP port for Vault's socket audit device (AUDIT_SOCKET_PORT). */
  socketPort: number | null;
  socketHost: string;
  /** Vault cluster of the audit devices; null = the inventory's only cluster. */
  cluster: string | null;
  retentionDays: number;
  intervalMs: number;
  batchLines: number;
}

export function auditIngestConfigFromEnv(env: Env): AuditIngestConfig {
  return {
    filePath: env.AUDIT_LOG_PATH ?? null,
    socketPort: env.AUDIT_SOCKET_PORT ?? null,
    socketHost: env.AUDIT_SOCKET_HOST,
    cluster: env.AUDIT_CLUSTER ?? null,
    retentionDays: env.AUDIT_RETENTION_DAYS,
    intervalMs: Math.round(env.AUDIT_INGEST_INTERVAL_SECONDS * 1000),
    batchLines: 20_000,
  };
}
