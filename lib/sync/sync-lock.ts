/**
 * One sync at a time across every portal instance: a session-level Postgres advisory lock, held
 * on a dedicated connection for the whole run (pg_try_advisory_lock: a second caller gets "busy"
 * at once instead of queueing). If the process dies, Postgres drops the connection and the lock.
 * The same connection does the bulk inserts.
 */
import pg from "pg";

/** "radius:sync" as a 63-bit key; distinct from the migration applier's lock key. */
export const SYNC_LOCK_KEY = "7264830101172531";

export interface SyncLock {
  client: pg.Client;
  release(): Promise<void>;
}

export async function tryAcquireSyncLock(databaseUrl: string): Promise<SyncLock | null> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "radius-sync" });
  // Without a listener, a connection dropped by Postgres (restart, failover) is an unhandled
  // 'error' event that kills the whole server process; the failing query rejects anyway.
  client.on("error", () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS locked", [SYNC_LOCK_KEY]);
    if (!rows[0]?.locked) {
      await client.end();
      return null;
    }
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return {
    client,
    release: async () => {
      try {
        await client.query("SELECT pg_advisory_unlock($1::bigint)", [SYNC_LOCK_KEY]);
      } finally {
        await client.end();
      }
    },
  };
}
