/**
 * One audit ingestion at a time across every portal instance: a session-level advisory lock held
 * on the ingestion's own connection for as long as it runs (it tails continuously). The same
 * connection writes the batches. If the process dies, Postgres drops the connection and the lock,
 * and another instance takes over from the committed checkpoints.
 */
import pg from "pg";

/** "radius:audit" as a 63-bit key; distinct from the sync's and the migration applier's. */
export const AUDIT_INGEST_LOCK_KEY = "7264830101172533";

export async function tryAcquireIngestLock(databaseUrl: string): Promise<pg.Client | null> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "radius-audit-ingest" });
  client.on("error", () => undefined); // a dropped connection must not kill the server; queries reject anyway
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS locked", [AUDIT_INGEST_LOCK_KEY]);
    if (rows[0]?.locked) {
      // Safe here, and faster: events and checkpoint commit together, so a Postgres crash that
      // loses the last commits also loses their checkpoint, and the file is read again from there.
      await client.query("SET synchronous_commit = off");
      return client;
    }
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  await client.end();
  return null;
}

export async function releaseIngestLock(client: pg.Client): Promise<void> {
  try {
    await client.query("SELECT pg_advisory_unlock($1::bigint)", [AUDIT_INGEST_LOCK_KEY]);
  } catch {
    // the connection is gone, and the lock with it
  } finally {
    await client.end().catch(() => undefined);
  }
}
