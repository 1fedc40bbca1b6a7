/**
 * AUDIT_RETENTION_DAYS: whole daily partitions of audit_events older than the retention are dropped
 * (cheap, unlike DELETE), with the malformed-line reports of that age. access_stats does not depend
 * on old events (access-rollups.ts), so a short event retention keeps 90-day evidence intact.
 */
import type pg from "pg";

const DAY_MS = 86_400_000;

export async function applyAuditRetention(client: pg.ClientBase, now: Date, retentionDays: number): Promise<string[]> {
  const cutoff = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - retentionDays * DAY_MS);
  const bound = cutoff.toISOString().slice(0, 10).replaceAll("-", "");
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'audit_events'::regclass AND c.relname ~ '^audit_events_p[0-9]{8}$' ORDER BY 1`,
  );
  const old = rows.map((r) => r.name).filter((name) => name.slice("audit_events_p".length) < bound);
  for (const name of old) await client.query(`DROP TABLE IF EXISTS "${name}"`);
  // Rows that fell into the default partition (a day without one) age out by DELETE.
  await client.query(`DELETE FROM audit_events_default WHERE time < $1::timestamptz`, [cutoff.toISOString()]);
  await client.query(`DELETE FROM audit_ingest_problems WHERE created_at < $1::timestamptz`, [cutoff.toISOString()]);
  return old;
}
