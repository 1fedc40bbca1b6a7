import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db/create-client";
import { dayRange } from "./rows";
import type { ExportFilters } from "./schemas";

// Keyset pagination over certificates, alerts, review decisions and the portal audit trail: each
// batch continues strictly after the last row of the previous one (no OFFSET).

const and = (c: Prisma.Sql[]) => (c.length ? Prisma.join(c, " AND ") : Prisma.sql`TRUE`);

function range(column: Prisma.Sql, f: ExportFilters): Prisma.Sql[] {
  const { from, until } = dayRange(f);
  return [from ? Prisma.sql`${column} >= ${from}` : null, until ? Prisma.sql`${column} < ${until}` : null].filter((x): x is Prisma.Sql => x !== null);
}

// ---- certificates, ordered by (not_after, id)
function certWhere(snapshotId: string, f: ExportFilters): Prisma.Sql[] {
  const c = [Prisma.sql`c.snapshot_id = ${snapshotId}::uuid`, ...range(Prisma.sql`c.not_after`, f)];
  if (f.environment) c.push(Prisma.sql`s.environment = ${f.environment}`);
  if (f.team) c.push(Prisma.sql`s.owner_team = ${f.team}`);
  return c;
}
export type CertCursor = { notAfter: Date; id: string } | null;
export function findCertificateBatch(db: DbClient, snapshotId: string, f: ExportFilters, after: CertCursor, limit: number, now: Date) {
  const c = certWhere(snapshotId, f);
  if (after) c.push(Prisma.sql`(c.not_after, c.id) > (${after.notAfter}, ${after.id}::uuid)`);
  return db.$queryRaw<Record<string, unknown>[]>`
    SELECT c.id::text AS _id, c.cluster, c.issuer_mount, c.serial, c.common_name, c.sans, c.not_before, c.not_after,
      c.revoked, c.revoked_at, c.role AS pki_role, c.key_type, c.key_bits, s.key AS secret_key, s.environment, s.owner_team,
      CASE WHEN c.revoked THEN 'revoked' WHEN c.not_after < ${now}::timestamptz THEN 'expired'
        WHEN c.not_after < ${now}::timestamptz + interval '7 days' THEN 'expiring-7d' ELSE 'valid' END AS status,
      floor(extract(epoch FROM (c.not_after - ${now}::timestamptz)) / 86400)::int AS days_left
    FROM certificates c LEFT JOIN secrets s ON s.id = c.secret_id
    WHERE ${and(c)} ORDER BY c.not_after, c.id LIMIT ${limit}`;
}
export async function countCertificates(db: DbClient, snapshotId: string, f: ExportFilters) {
  const r = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM certificates c LEFT JOIN secrets s ON s.id = c.secret_id WHERE ${and(certWhere(snapshotId, f))}`;
  return r[0]?.n ?? 0;
}

// ---- alerts, newest first by (last_seen, id)
export type AlertCursor = { lastSeen: Date; id: string } | null;
export function findAlertBatch(db: DbClient, f: ExportFilters, after: AlertCursor, limit: number) {
  const c = range(Prisma.sql`a.last_seen`, f);
  if (after) c.push(Prisma.sql`(a.last_seen, a.id) < (${after.lastSeen}, ${after.id}::uuid)`);
  return db.$queryRaw<Record<string, unknown>[]>`
    SELECT a.id::text AS alert_id, a.rule, a.severity::text AS severity, a.status::text AS status, a.subject, a.first_seen, a.last_seen,
      a.count, a.assignee, a.resolved_at, a.note, a.evidence
    FROM alerts a WHERE ${and(c)} ORDER BY a.last_seen DESC, a.id DESC LIMIT ${limit}`;
}
export async function countAlerts(db: DbClient, f: ExportFilters) {
  const r = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM alerts a WHERE ${and(range(Prisma.sql`a.last_seen`, f))}`;
  return r[0]?.n ?? 0;
}

// ---- review decisions by id; environment/team through the active snapshot's secret of that key
function decisionWhere(snapshotId: string | null, f: ExportFilters): Prisma.Sql[] {
  const c = range(Prisma.sql`coalesce(d.decided_at, r.created_at)`, f);
  if ((f.environment || f.team) && snapshotId) {
    const s = [Prisma.sql`s.snapshot_id = ${snapshotId}::uuid`, Prisma.sql`s.key = d.secret_key`];
    if (f.environment) s.push(Prisma.sql`s.environment = ${f.environment}`);
    if (f.team) s.push(Prisma.sql`s.owner_team = ${f.team}`);
    c.push(Prisma.sql`EXISTS (SELECT 1 FROM secrets s WHERE ${and(s)})`);
  }
  return c;
}
export function findDecisionBatch(db: DbClient, snapshotId: string | null, f: ExportFilters, afterId: string | null, limit: number) {
  const c = decisionWhere(snapshotId, f);
  if (afterId) c.push(Prisma.sql`d.id > ${afterId}::uuid`);
  return db.$queryRaw<Record<string, unknown>[]>`
    SELECT d.id::text AS decision_id, r.name AS review, r.status::text AS review_status, r.created_by AS review_created_by, r.due_at AS review_due_at,
      d.secret_key, d.identity_key, d.capabilities, d.policy_name, d.outcome::text AS outcome, d.reviewer, d.decided_at, d.note
    FROM review_decisions d JOIN reviews r ON r.id = d.review_id WHERE ${and(c)} ORDER BY d.id LIMIT ${limit}`;
}
export async function countDecisions(db: DbClient, snapshotId: string | null, f: ExportFilters) {
  const r = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM review_decisions d JOIN reviews r ON r.id = d.review_id WHERE ${and(decisionWhere(snapshotId, f))}`;
  return r[0]?.n ?? 0;
}

// ---- portal audit trail in chain order (id), with its hashes so it can be verified offline
export function findAuditBatch(db: DbClient, f: ExportFilters, afterId: bigint | null, limit: number) {
  const c = range(Prisma.sql`l.time`, f);
  if (afterId !== null) c.push(Prisma.sql`l.id > ${afterId}`);
  return db.$queryRaw<Record<string, unknown>[]>`
    SELECT l.id, l.time, l.actor_email, l.actor_roles, l.action, l.target, l.ip, l.user_agent, l.details, l.prev_hash, l.hash
    FROM portal_audit_log l WHERE ${and(c)} ORDER BY l.id LIMIT ${limit}`;
}
export async function countAudit(db: DbClient, f: ExportFilters) {
  const r = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM portal_audit_log l WHERE ${and(range(Prisma.sql`l.time`, f))}`;
  return r[0]?.n ?? 0;
}
