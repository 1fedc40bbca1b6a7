import "server-only";
import type { DbClient } from "@/lib/db/create-client";

/** Reads of the active snapshot for rendering and the delta (queries only; shaping in load-facts.ts). */

export async function findIdentityRows(db: DbClient, snapshotId: string) {
  return db.identity.findMany({
    where: { snapshotId },
    select: { key: true, cluster: true, authMount: true, authType: true, roleName: true, kind: true, displayName: true, bindings: true, policies: true, ttlSeconds: true, maxTtlSeconds: true },
    orderBy: { key: "asc" },
  });
}

export async function findMembershipRows(db: DbClient, snapshotId: string) {
  return db.$queryRaw<{ group_key: string; member_key: string }[]>`
    SELECT g.key AS group_key, m.key AS member_key
    FROM identity_group_memberships gm
    JOIN identities g ON g.id = gm.group_id
    JOIN identities m ON m.id = gm.member_id
    WHERE gm.snapshot_id = ${snapshotId}::uuid`;
}

export async function findPolicyRows(db: DbClient, snapshotId: string) {
  return db.policy.findMany({
    where: { snapshotId },
    select: { cluster: true, name: true, origin: true, rawHcl: true, rules: true, parseError: true, templated: true },
    orderBy: [{ cluster: "asc" }, { name: "asc" }],
  });
}

export async function findKvMountRows(db: DbClient, snapshotId: string) {
  return db.$queryRaw<{ cluster: string; mount: string }[]>`
    SELECT DISTINCT cluster, mount FROM secrets WHERE snapshot_id = ${snapshotId}::uuid AND engine_kind = 'kv-v2' ORDER BY cluster, mount`;
}

const secretSelect = {
  key: true, cluster: true, mount: true, path: true, engineKind: true, dataPath: true, environment: true, ownerTeam: true,
  classification: true, rotationPeriodSeconds: true, customMetadata: true,
} as const;

export async function findSecretRow(db: DbClient, snapshotId: string, key: string) {
  return db.secret.findUnique({ where: { snapshotId_key: { snapshotId, key } }, select: secretSelect });
}

/** Secrets whose data path (or KV v2 metadata path) starts with one of the prefixes. */
export async function findSecretRowsUnder(db: DbClient, snapshotId: string, cluster: string, prefixes: readonly string[], limit: number) {
  if (prefixes.length === 0) return [];
  return db.$queryRaw<{ key: string; cluster: string; mount: string; path: string; engine_kind: string; data_path: string }[]>`
    SELECT s.key, s.cluster, s.mount, s.path, s.engine_kind, s.data_path
    FROM secrets s
    WHERE s.snapshot_id = ${snapshotId}::uuid AND s.cluster = ${cluster}
      AND EXISTS (
        SELECT 1 FROM unnest(${[...prefixes]}::text[]) AS p(prefix)
        WHERE starts_with(s.data_path, p.prefix)
           OR (s.engine_kind = 'kv-v2' AND starts_with(s.mount || '/metadata/' || s.path, p.prefix)))
    ORDER BY s.key
    LIMIT ${limit}`;
}

export async function findFormOptionRows(db: DbClient, snapshotId: string) {
  const [clusters, teams, environments, liveOnly] = await Promise.all([
    db.$queryRaw<{ cluster: string }[]>`
      SELECT cluster FROM secrets WHERE snapshot_id = ${snapshotId}::uuid
      UNION SELECT cluster FROM identities WHERE snapshot_id = ${snapshotId}::uuid
      UNION SELECT cluster FROM policies WHERE snapshot_id = ${snapshotId}::uuid ORDER BY 1`,
    db.$queryRaw<{ team: string }[]>`
      SELECT DISTINCT owner_team AS team FROM secrets WHERE snapshot_id = ${snapshotId}::uuid AND owner_team IS NOT NULL ORDER BY 1 LIMIT 1000`,
    db.$queryRaw<{ environment: string }[]>`
      SELECT DISTINCT environment FROM secrets WHERE snapshot_id = ${snapshotId}::uuid AND environment IS NOT NULL ORDER BY 1 LIMIT 200`,
    db.$queryRaw<{ cluster: string; name: string }[]>`
      SELECT l.cluster, l.name FROM policies l
      WHERE l.snapshot_id = ${snapshotId}::uuid AND l.origin = 'live' AND l.name NOT IN ('root', 'default')
        AND NOT EXISTS (SELECT 1 FROM policies t WHERE t.snapshot_id = l.snapshot_id AND t.cluster = l.cluster AND t.name = l.name AND t.origin = 'terraform')
      ORDER BY l.cluster, l.name LIMIT 1000`,
  ]);
  return { clusters, teams, environments, liveOnly };
}
