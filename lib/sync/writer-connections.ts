import pg from "pg";

/** Connections the snapshot write uses besides the lock's own (see bulk-insert.ts). */
export const EXTRA_WRITERS = 2;

/** Runs `work` with `count` extra connections, always closing them. */
export async function withWriterConnections<T>(databaseUrl: string, count: number, work: (clients: pg.Client[]) => Promise<T>): Promise<T> {
  const clients: pg.Client[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const client = new pg.Client({ connectionString: databaseUrl, application_name: "radius-sync-writer" });
      client.on("error", () => undefined); // see sync-lock.ts: the pending query rejects instead
      await client.connect();
      clients.push(client);
    }
    return await work(clients);
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  }
}
