import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db/create-client";
import { CERTIFICATE_EXPIRING_DAYS, LEASE_EXPIRING_SECONDS } from "./schemas";
import { CERT_WEAK, iso } from "./sql";
import type { InlineHealth } from "./inline-types";

/** Lease and certificate status of a set of secrets (one secret, or every secret a workload consumes). */
export async function findInlineHealth(db: DbClient, snapshotId: string, secretScope: Prisma.Sql, now: Date): Promise<InlineHealth> {
  const t = now.getTime();
  const [leases, certs] = await Promise.all([
    db.$queryRaw<{ n: number; soonest: Date | null; expired: number; failures: number; expiring: number }[]>`
      WITH scope AS (${secretScope})
      SELECT count(*)::int AS n, min(l.expire_time) FILTER (WHERE l.expire_time >= ${now}) AS soonest,
        count(*) FILTER (WHERE l.expire_time < ${now})::int AS expired,
        count(*) FILTER (WHERE l.expire_time < ${now} AND EXISTS (SELECT 1 FROM consumptions c WHERE c.secret_id = l.secret_id))::int AS failures,
        count(*) FILTER (WHERE l.expire_time >= ${now} AND l.expire_time < ${new Date(t + LEASE_EXPIRING_SECONDS * 1000)})::int AS expiring
      FROM leases l WHERE l.snapshot_id = ${snapshotId}::uuid AND l.secret_id IN (SELECT id FROM scope)`,
    db.$queryRaw<{ n: number; soonest: Date | null; expiring: number; expired: number; revoked: number; weak: number }[]>`
      WITH scope AS (${secretScope})
      SELECT count(*)::int AS n, min(c.not_after) FILTER (WHERE NOT c.revoked AND c.not_after >= ${now}) AS soonest,
        count(*) FILTER (WHERE NOT c.revoked AND c.not_after >= ${now} AND c.not_after < ${new Date(t + CERTIFICATE_EXPIRING_DAYS * 86_400_000)})::int AS expiring,
        count(*) FILTER (WHERE NOT c.revoked AND c.not_after < ${now})::int AS expired,
        count(*) FILTER (WHERE c.revoked)::int AS revoked,
        count(*) FILTER (WHERE ${CERT_WEAK})::int AS weak
      FROM certificates c WHERE c.snapshot_id = ${snapshotId}::uuid AND c.secret_id IN (SELECT id FROM scope)`,
  ]);
  const l = leases[0];
  const c = certs[0];
  return {
    leases: { count: l?.n ?? 0, soonestExpiry: iso(l?.soonest), expired: l?.expired ?? 0, renewalFailures: l?.failures ?? 0, expiringWithin1h: l?.expiring ?? 0 },
    certificates: { count: c?.n ?? 0, soonestNotAfter: iso(c?.soonest), expiringWithin7d: c?.expiring ?? 0, expired: c?.expired ?? 0, revoked: c?.revoked ?? 0, weak: c?.weak ?? 0 },
  };
}

export const secretScope = (snapshotId: string, secretKey: string) =>
  Prisma.sql`SELECT s.id FROM secrets s WHERE s.snapshot_id = ${snapshotId}::uuid AND s.key = ${secretKey}`;

export const workloadScope = (snapshotId: string, workloadKey: string) =>
  Prisma.sql`SELECT DISTINCT c.secret_id AS id FROM consumptions c JOIN workloads w ON w.id = c.workload_id
    WHERE w.snapshot_id = ${snapshotId}::uuid AND w.key = ${workloadKey} AND c.secret_id IS NOT NULL`;
