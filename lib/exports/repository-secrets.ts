import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db/create-client";
import type { ExportFilters } from "./schemas";

// Keyset pagination over the active snapshot's secrets, by their unique key (index
// secrets(snapshot_id, key)): each batch is one index range scan, however deep the export is.

const DEFAULT_PERIOD_SECONDS = 90 * 86_400;

function secretWhere(snapshotId: string, f: ExportFilters, afterKey: string | null): Prisma.Sql {
  const c: Prisma.Sql[] = [Prisma.sql`s.snapshot_id = ${snapshotId}::uuid`];
  if (afterKey !== null) c.push(Prisma.sql`s.key > ${afterKey}`);
  if (f.environment) c.push(Prisma.sql`s.environment = ${f.environment}`);
  if (f.team) c.push(Prisma.sql`s.owner_team = ${f.team}`);
  return Prisma.join(c, " AND ");
}

export async function countSecrets(db: DbClient, snapshotId: string, f: ExportFilters): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM secrets s WHERE ${secretWhere(snapshotId, f, null)}`;
  return rows[0]?.n ?? 0;
}

export function findSecretBatch(db: DbClient, snapshotId: string, f: ExportFilters, afterKey: string | null, limit: number) {
  return db.$queryRaw<Record<string, unknown>[]>`
    SELECT s.key, s.cluster, s.mount, s.path, s.engine_kind AS engine, s.lifecycle::text AS lifecycle, s.environment, s.owner_team,
      s.classification, s.rotation_period_seconds, s.last_rotated_at, s.current_version, s.created_time, s.reader_count AS readers,
      s.list_only_count AS list_only, s.consumer_count AS consumers, s.dependent_count AS dependents, s.propagation_seconds,
      s.restart_bound, s.exposure_score
    FROM secrets s WHERE ${secretWhere(snapshotId, f, afterKey)} ORDER BY s.key LIMIT ${limit}`;
}

export function findRotationBatch(db: DbClient, snapshotId: string, f: ExportFilters, afterKey: string | null, limit: number, now: Date) {
  return db.$queryRaw<Record<string, unknown>[]>`
    SELECT s.key, s.engine_kind AS engine, s.lifecycle::text AS lifecycle, s.environment, s.owner_team, s.rotation_period_seconds,
      coalesce(s.rotation_period_seconds, ${DEFAULT_PERIOD_SECONDS})::int AS effective_period_seconds, s.last_rotated_at,
      CASE WHEN s.lifecycle = 'dynamic' THEN NULL
        ELSE s.last_rotated_at + make_interval(secs => coalesce(s.rotation_period_seconds, ${DEFAULT_PERIOD_SECONDS})) END AS due_at,
      CASE WHEN s.lifecycle = 'dynamic' THEN 'dynamic'
        WHEN s.last_rotated_at IS NULL THEN 'never-rotated'
        WHEN s.last_rotated_at + make_interval(secs => coalesce(s.rotation_period_seconds, ${DEFAULT_PERIOD_SECONDS})) < ${now}::timestamptz THEN 'overdue'
        ELSE 'compliant' END AS status,
      CASE WHEN s.lifecycle = 'static' AND s.last_rotated_at IS NOT NULL
        THEN greatest(0, floor(extract(epoch FROM (${now}::timestamptz - s.last_rotated_at - make_interval(secs => coalesce(s.rotation_period_seconds, ${DEFAULT_PERIOD_SECONDS})))) / 86400))::int
        ELSE NULL END AS days_overdue
    FROM secrets s WHERE ${secretWhere(snapshotId, f, afterKey)} ORDER BY s.key LIMIT ${limit}`;
}

/** The secrets of one keyset page (ids and keys), then every grant on them. */
export function findSecretKeyPage(db: DbClient, snapshotId: string, f: ExportFilters, afterKey: string | null, limit: number) {
  return db.$queryRaw<{ id: string; key: string }[]>`
    SELECT s.id::text AS id, s.key FROM secrets s WHERE ${secretWhere(snapshotId, f, afterKey)} ORDER BY s.key LIMIT ${limit}`;
}

export function findGrantsOf(db: DbClient, secretIds: string[]) {
  return db.$queryRaw<Record<string, unknown>[]>`
    SELECT s.key AS secret_key, s.environment, s.owner_team, i.key AS identity_key, i.kind::text AS identity_kind,
      g.capabilities, g.policy_names AS policies, g.rule_path, vg.key AS via_group,
      a.last_read_at AS last_used_at, a.reads_30d, a.reads_90d
    FROM grants g JOIN secrets s ON s.id = g.secret_id JOIN identities i ON i.id = g.identity_id
    LEFT JOIN identities vg ON vg.id = g.via_group_id
    LEFT JOIN access_stats a ON a.identity_key = i.key AND a.secret_key = s.key
    WHERE g.secret_id = ANY(${secretIds}::uuid[]) ORDER BY s.key, i.key`;
}

export async function countGrants(db: DbClient, snapshotId: string, f: ExportFilters): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM grants g JOIN secrets s ON s.id = g.secret_id WHERE g.snapshot_id = ${snapshotId}::uuid AND ${secretWhere(snapshotId, f, null)}`;
  return rows[0]?.n ?? 0;
}

export async function snapshotExists(db: DbClient, snapshotId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ ok: boolean }[]>`SELECT EXISTS (SELECT 1 FROM snapshots WHERE id = ${snapshotId}::uuid) AS ok`;
  return rows[0]?.ok ?? false;
}
