import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db/create-client";
import type { ConsumerRef } from "./types";

const SHOWN = 3;

/** Consuming workloads of a page's secrets: the first few by key, plus the count, per secret id. */
export async function findConsumers(db: DbClient, secretIds: string[]): Promise<Map<string, { consumers: ConsumerRef[]; count: number }>> {
  const out = new Map<string, { consumers: ConsumerRef[]; count: number }>();
  const ids = [...new Set(secretIds)];
  if (ids.length === 0) return out;
  const rows = await db.$queryRaw<{ secret_id: string; key: string; name: string; n: number }[]>`
    SELECT secret_id, key, name, n::int FROM (
      SELECT c.secret_id::text AS secret_id, w.key, w.name,
             row_number() OVER (PARTITION BY c.secret_id ORDER BY w.key) AS rn,
             count(*) OVER (PARTITION BY c.secret_id) AS n
      FROM consumptions c JOIN workloads w ON w.id = c.workload_id
      WHERE c.secret_id IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})
    ) ranked WHERE rn <= ${SHOWN}`;
  for (const r of rows) {
    const entry = out.get(r.secret_id) ?? { consumers: [], count: r.n };
    entry.consumers.push({ key: r.key, name: r.name });
    out.set(r.secret_id, entry);
  }
  return out;
}
