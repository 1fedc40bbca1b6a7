import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db/create-client";
import { findConsumers } from "./consumers-repository";
import { LEASE_EXPIRING_SECONDS, type LeaseListParams, type LeaseSort, type LeaseStatus } from "./schemas";
import { LEASE_ROLE, cappedCountSql, iso, mountFilter, searchWords, toCapped, whereAll } from "./sql";
import type { LeaseRow, PageOf } from "./types";

// Raw SQL: status filters, derived role and null-aware sorts read better as SQL. `now` is a bound
// parameter so a page, its CSV and the tests agree on what "expired" means at that instant.

interface LeaseRecordRow {
  id: string; cluster: string; lease_id: string; mount: string; role: string | null; secret_id: string | null; secret_key: string | null;
  team: string | null; environment: string | null; issue_time: Date | null; expire_time: Date | null; last_renewal_at: Date | null;
  renewable: boolean; consumed: boolean;
}

const ORDER: Record<LeaseSort, Record<"asc" | "desc", Prisma.Sql>> = {
  expires: { asc: Prisma.sql`l.expire_time ASC NULLS LAST, l.lease_id`, desc: Prisma.sql`l.expire_time DESC NULLS FIRST, l.lease_id` },
  lease: { asc: Prisma.sql`l.lease_id ASC`, desc: Prisma.sql`l.lease_id DESC` },
  mount: { asc: Prisma.sql`l.mount ASC, l.lease_id`, desc: Prisma.sql`l.mount DESC, l.lease_id` },
  issued: { asc: Prisma.sql`l.issue_time ASC NULLS LAST, l.lease_id`, desc: Prisma.sql`l.issue_time DESC NULLS LAST, l.lease_id` },
  renewed: { asc: Prisma.sql`l.last_renewal_at ASC NULLS FIRST, l.lease_id`, desc: Prisma.sql`l.last_renewal_at DESC NULLS LAST, l.lease_id` },
};

/**
 * "A workload consumes the lease's secret", per row. A correlated EXISTS (index on
 * consumptions.secret_id) costs one probe per row actually examined: 50 for a page, instead of
 * hashing every consumption of the snapshot on each request.
 */
const CONSUMED = Prisma.sql`(l.secret_id IS NOT NULL AND EXISTS (SELECT 1 FROM consumptions c WHERE c.secret_id = l.secret_id))`;

function statusCondition(status: LeaseStatus, now: Date): Prisma.Sql {
  const soon = new Date(now.getTime() + LEASE_EXPIRING_SECONDS * 1000);
  switch (status) {
    case "renewal-failure": return Prisma.sql`l.expire_time < ${now} AND ${CONSUMED}`;
    case "expired": return Prisma.sql`l.expire_time < ${now}`;
    case "expiring": return Prisma.sql`l.expire_time >= ${now} AND l.expire_time < ${soon}`;
    case "orphaned": return Prisma.sql`NOT ${CONSUMED}`;
    case "healthy": return Prisma.sql`(l.expire_time IS NULL OR l.expire_time >= ${soon}) AND ${CONSUMED}`;
  }
}

function fromWhere(snapshotId: string, p: LeaseListParams, now: Date): Prisma.Sql {
  const c: Prisma.Sql[] = [Prisma.sql`l.snapshot_id = ${snapshotId}::uuid`];
  c.push(...searchWords(Prisma.sql`l.lease_id`, p.q));
  c.push(...mountFilter(Prisma.sql`l.cluster`, Prisma.sql`l.mount`, p.mount));
  if (p.role) c.push(Prisma.sql`${LEASE_ROLE} = ${p.role}`);
  if (p.team) c.push(Prisma.sql`s.owner_team = ${p.team}`);
  if (p.environment) c.push(Prisma.sql`s.environment = ${p.environment}`);
  if (p.status) c.push(statusCondition(p.status, now));
  if (p.days !== undefined) c.push(Prisma.sql`l.expire_time < ${new Date(now.getTime() + p.days * 86_400_000)}`);
  return Prisma.sql`FROM leases l LEFT JOIN secrets s ON s.id = l.secret_id ${whereAll(c)}`;
}

const COLUMNS = Prisma.sql`l.id::text AS id, l.cluster, l.lease_id, l.mount, ${LEASE_ROLE} AS role, l.secret_id::text AS secret_id, s.key AS secret_key,
  s.owner_team AS team, s.environment, l.issue_time, l.expire_time, l.last_renewal_at, l.renewable, ${CONSUMED} AS consumed`;

export function leaseStatus(r: { expire_time: Date | null; consumed: boolean }, now: Date): LeaseStatus {
  const t = r.expire_time?.getTime();
  if (t !== undefined && t < now.getTime()) return r.consumed ? "renewal-failure" : "expired";
  if (!r.consumed) return "orphaned";
  if (t !== undefined && t < now.getTime() + LEASE_EXPIRING_SECONDS * 1000) return "expiring";
  return "healthy";
}

async function toRows(db: DbClient, records: LeaseRecordRow[], now: Date): Promise<LeaseRow[]> {
  const consumers = await findConsumers(db, records.flatMap((r) => (r.secret_id ? [r.secret_id] : [])));
  return records.map((r) => {
    const c = r.secret_id ? consumers.get(r.secret_id) : undefined;
    return {
      cluster: r.cluster, leaseId: r.lease_id, mount: r.mount, role: r.role, secretKey: r.secret_key, team: r.team, environment: r.environment,
      issueTime: iso(r.issue_time), expireTime: iso(r.expire_time), lastRenewalAt: iso(r.last_renewal_at), renewable: r.renewable,
      status: leaseStatus(r, now), consumers: c?.consumers ?? [], consumerCount: c?.count ?? 0,
    };
  });
}

export async function findLeasePage(db: DbClient, snapshotId: string, p: LeaseListParams, now: Date): Promise<PageOf<LeaseRow>> {
  const fw = fromWhere(snapshotId, p, now);
  const order = ORDER[p.sort][p.dir ?? "asc"];
  const [records, counted] = await Promise.all([
    db.$queryRaw<LeaseRecordRow[]>`SELECT ${COLUMNS} ${fw} ORDER BY ${order} LIMIT ${p.pageSize} OFFSET ${(p.page - 1) * p.pageSize}`,
    db.$queryRaw<{ n: number }[]>(cappedCountSql(fw)),
  ]);
  return { rows: await toRows(db, records, now), ...toCapped(counted[0]?.n), page: p.page, pageSize: p.pageSize };
}

/** Every match in display order, 2,000 rows at a time (keyset on the row id would need the sort key; offset is fine at 100k). */
export async function* iterateLeases(db: DbClient, snapshotId: string, p: LeaseListParams, now: Date): AsyncGenerator<LeaseRow[]> {
  const fw = fromWhere(snapshotId, p, now);
  const order = ORDER[p.sort][p.dir ?? "asc"];
  for (let offset = 0; ; offset += 2_000) {
    const records = await db.$queryRaw<LeaseRecordRow[]>`SELECT ${COLUMNS} ${fw} ORDER BY ${order}, l.id LIMIT 2000 OFFSET ${offset}`;
    if (records.length > 0) yield await toRows(db, records, now);
    if (records.length < 2_000) return;
  }
}
