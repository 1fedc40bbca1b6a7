import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db/create-client";
import type { ExportFilters } from "../schemas";

// The PDF's key tables: bounded samples (TABLE_ROWS) and small aggregates, never whole tables.
export const TABLE_ROWS = 25;
const DEFAULT_PERIOD_SECONDS = 90 * 86_400;

function secretScope(snapshotId: string, f: ExportFilters): Prisma.Sql {
  const c = [Prisma.sql`s.snapshot_id = ${snapshotId}::uuid`];
  if (f.environment) c.push(Prisma.sql`s.environment = ${f.environment}`);
  if (f.team) c.push(Prisma.sql`s.owner_team = ${f.team}`);
  return Prisma.join(c, " AND ");
}

export function findTopExposure(db: DbClient, snapshotId: string, f: ExportFilters) {
  return db.$queryRaw<{ key: string; environment: string | null; owner_team: string | null; exposure_score: number; readers: number; consumers: number }[]>`
    SELECT s.key, s.environment, s.owner_team, s.exposure_score, s.reader_count AS readers, s.consumer_count AS consumers
    FROM secrets s WHERE ${secretScope(snapshotId, f)} ORDER BY s.exposure_score DESC, s.key LIMIT ${TABLE_ROWS}`;
}

export function findMostOverdue(db: DbClient, snapshotId: string, f: ExportFilters, now: Date) {
  return db.$queryRaw<{ key: string; owner_team: string | null; last_rotated_at: Date | null; days_overdue: number | null }[]>`
    SELECT s.key, s.owner_team, s.last_rotated_at,
      floor(extract(epoch FROM (${now}::timestamptz - s.last_rotated_at - make_interval(secs => coalesce(s.rotation_period_seconds, ${DEFAULT_PERIOD_SECONDS})))) / 86400)::int AS days_overdue
    FROM secrets s WHERE ${secretScope(snapshotId, f)} AND s.lifecycle = 'static' AND (s.last_rotated_at IS NULL
      OR s.last_rotated_at + make_interval(secs => coalesce(s.rotation_period_seconds, ${DEFAULT_PERIOD_SECONDS})) < ${now}::timestamptz)
    ORDER BY s.last_rotated_at NULLS FIRST, s.key LIMIT ${TABLE_ROWS}`;
}

export function findExpiringCertificates(db: DbClient, snapshotId: string, now: Date) {
  return db.$queryRaw<{ common_name: string | null; issuer_mount: string; serial: string; not_after: Date; pki_role: string | null }[]>`
    SELECT c.common_name, c.issuer_mount, c.serial, c.not_after, c.role AS pki_role FROM certificates c
    WHERE c.snapshot_id = ${snapshotId}::uuid AND NOT c.revoked AND c.not_after >= ${now} ORDER BY c.not_after LIMIT ${TABLE_ROWS}`;
}

export function summariseAlerts(db: DbClient) {
  return db.$queryRaw<{ rule: string; severity: string; open: number; total: number }[]>`
    SELECT rule, max(severity)::text AS severity, count(*) FILTER (WHERE status = 'open')::int AS open, count(*)::int AS total
    FROM alerts GROUP BY rule ORDER BY 3 DESC, 1 LIMIT ${TABLE_ROWS}`;
}

export function summariseReviews(db: DbClient) {
  return db.$queryRaw<{ review: string; status: string; keep: number; revoke: number; pending: number }[]>`
    SELECT r.name AS review, r.status::text AS status,
      count(*) FILTER (WHERE d.outcome = 'keep')::int AS keep, count(*) FILTER (WHERE d.outcome = 'revoke')::int AS revoke,
      count(*) FILTER (WHERE d.outcome = 'pending')::int AS pending
    FROM reviews r LEFT JOIN review_decisions d ON d.review_id = r.id GROUP BY r.id, r.name, r.status, r.created_at
    ORDER BY r.created_at DESC LIMIT ${TABLE_ROWS}`;
}
