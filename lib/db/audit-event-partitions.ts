import type { DbClient } from "./create-client";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Makes sure the daily partitions of audit_events exist for `days` days starting at `from` (UTC).
 * Ingestion calls this before inserting a batch (and a daily job for the days ahead), so rows land
 * in their day's partition rather than the default one. Idempotent.
 */
export async function ensureAuditEventPartitions(db: DbClient, from: Date, days = 1): Promise<string[]> {
  const names: string[] = [];
  const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  for (let i = 0; i < days; i++) {
    const day = new Date(start + i * DAY_MS).toISOString().slice(0, 10);
    const rows = await db.$queryRaw<{ name: string }[]>`
      SELECT radius_ensure_audit_event_partition(${day}::date) AS name`;
    if (rows[0]) names.push(rows[0].name);
  }
  return names;
}

/** Retention: drops whole daily partitions older than `before` (cheap, unlike DELETE). */
export async function dropAuditEventPartitionsBefore(db: DbClient, before: Date): Promise<string[]> {
  const cutoff = before.toISOString().slice(0, 10).replaceAll("-", "");
  const partitions = await db.$queryRaw<{ name: string }[]>`
    SELECT c.relname AS name
    FROM pg_inherits i
    JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'audit_events'::regclass AND c.relname ~ '^audit_events_p[0-9]{8}$'`;
  const old = partitions.map((p) => p.name).filter((name) => name.slice("audit_events_p".length) < cutoff);
  for (const name of old) await db.$executeRawUnsafe(`DROP TABLE "${name}"`);
  return old;
}
