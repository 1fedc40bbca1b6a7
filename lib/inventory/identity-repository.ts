import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db/create-client";
import { COUNT_CAP, type IdentityDetailParams, type IdentityListParams } from "./schemas";
import { cappedCountSql, searchWords, toCapped, whereAll } from "./sql";

export interface IdentityListRecord {
  id: string; key: string; cluster: string; kind: string; auth_mount: string; auth_type: string; role_name: string;
  display_name: string | null; policies: string[]; readable: number;
}

const IDENTITY_ORDER = {
  key: { asc: Prisma.sql`i.key ASC`, desc: Prisma.sql`i.key DESC` },
  kind: { asc: Prisma.sql`i.kind::text ASC, i.key`, desc: Prisma.sql`i.kind::text DESC, i.key` },
  mount: { asc: Prisma.sql`i.auth_mount ASC, i.key`, desc: Prisma.sql`i.auth_mount DESC, i.key` },
  policies: { asc: Prisma.sql`cardinality(i.policies) ASC, i.key`, desc: Prisma.sql`cardinality(i.policies) DESC, i.key` },
} as const;

export async function findIdentityPage(db: DbClient, snapshotId: string, p: IdentityListParams) {
  const c = [Prisma.sql`i.snapshot_id = ${snapshotId}::uuid`, ...searchWords(Prisma.sql`i.key`, p.q)];
  if (p.kind) c.push(Prisma.sql`i.kind::text = ${p.kind}`);
  if (p.mount) c.push(Prisma.sql`i.auth_mount = ${p.mount}`);
  const fromWhere = Prisma.sql`FROM identities i ${whereAll(c)}`;
  const order = IDENTITY_ORDER[p.sort][p.dir ?? (p.sort === "policies" ? "desc" : "asc")];
  const [rows, counted] = await Promise.all([
    db.$queryRaw<Omit<IdentityListRecord, "readable">[]>`
      SELECT i.id, i.key, i.cluster, i.kind::text AS kind, i.auth_mount, i.auth_type, i.role_name, i.display_name, i.policies
      ${fromWhere} ORDER BY ${order} LIMIT ${p.pageSize} OFFSET ${(p.page - 1) * p.pageSize}`,
    db.$queryRaw<{ n: number }[]>(cappedCountSql(fromWhere)),
  ]);
  const readable = await countReadableByIdentity(db, rows.map((r) => r.id));
  return { rows: rows.map((r) => ({ ...r, readable: readable.get(r.id) ?? 0 })), ...toCapped(counted[0]?.n) };
}

/** Readable secrets per identity, for one page of identities only, each count capped like every count. */
export async function countReadableByIdentity(db: DbClient, identityIds: string[]): Promise<Map<string, number>> {
  if (identityIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; n: number }[]>`
    SELECT ids.id::text AS id,
      (SELECT count(*)::int FROM (SELECT 1 FROM grants g WHERE g.identity_id = ids.id AND 'read' = ANY(g.capabilities) LIMIT ${COUNT_CAP + 1}) x) AS n
    FROM unnest(${identityIds}::uuid[]) AS ids(id)`;
  return new Map(rows.map((r) => [r.id, r.n]));
}

export async function findIdentityMounts(db: DbClient, snapshotId: string): Promise<string[]> {
  const rows = await db.identity.findMany({ where: { snapshotId }, distinct: ["authMount"], select: { authMount: true }, orderBy: { authMount: "asc" } });
  return rows.map((r) => r.authMount);
}

const identitySelect = { id: true, key: true, cluster: true, kind: true, authMount: true, authType: true, roleName: true, displayName: true, bindings: true, policies: true, ttlSeconds: true, maxTtlSeconds: true } as const;
const refSelect = { key: true, cluster: true, kind: true, authMount: true, roleName: true, displayName: true } as const;

export async function findIdentityByKey(db: DbClient, snapshotId: string, key: string) {
  return db.identity.findUnique({ where: { snapshotId_key: { snapshotId, key } }, select: identitySelect });
}

export async function findGroupsAndMembers(db: DbClient, snapshotId: string, identityId: string) {
  const [memberOf, members, memberCount] = await Promise.all([
    db.identityGroupMembership.findMany({ where: { snapshotId, memberId: identityId }, select: { group: { select: { ...refSelect, policies: true } } } }),
    db.identityGroupMembership.findMany({ where: { snapshotId, groupId: identityId }, select: { member: { select: refSelect } }, take: 100 }),
    db.identityGroupMembership.count({ where: { snapshotId, groupId: identityId } }),
  ]);
  return { groups: memberOf.map((m) => m.group), members: members.map((m) => m.member), memberCount };
}

/**
 * Grants of an identity summed per policy and rule: the shape of what an attacker holding it gets.
 * Same rule as lib/blast-radius readableBy (a grant decided by a rule several policies carry counts
 * under each), done in SQL because a broad identity can hold 100,000 grants.
 */
export async function findGrantSummary(db: DbClient, snapshotId: string, identityId: string) {
  return db.$queryRaw<{ policy_name: string; rule_path: string; via_group: string | null; secrets: number; readable: number }[]>`
    SELECT p.policy_name, g.rule_path, vg.key AS via_group, count(*)::int AS secrets,
           count(*) FILTER (WHERE 'read' = ANY(g.capabilities))::int AS readable
    FROM grants g
    CROSS JOIN LATERAL unnest(CASE WHEN cardinality(g.policy_names) > 0 THEN g.policy_names ELSE ARRAY[g.policy_name] END) AS p(policy_name)
    LEFT JOIN identities vg ON vg.id = g.via_group_id
    WHERE g.snapshot_id = ${snapshotId}::uuid AND g.identity_id = ${identityId}::uuid
    GROUP BY 1, 2, 3 ORDER BY 1, 2`;
}

/** Distinct secrets it can read (the per-policy summary counts a secret once per policy carrying the rule). */
export async function countReadableSecrets(db: DbClient, snapshotId: string, identityId: string): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(DISTINCT g.secret_id)::int AS n FROM grants g
    WHERE g.snapshot_id = ${snapshotId}::uuid AND g.identity_id = ${identityId}::uuid AND 'read' = ANY(g.capabilities)`;
  return rows[0]?.n ?? 0;
}

export interface IdentityGrantRecord {
  secret_key: string; cluster: string; mount: string; path: string; environment: string | null; classification: string | null;
  exposure_score: number; capabilities: string[]; policy_name: string; policy_names: string[]; rule_path: string; via_group: string | null;
}

function identityGrantFilter(snapshotId: string, identityId: string, p: Pick<IdentityDetailParams, "q" | "policy">) {
  const c = [Prisma.sql`g.snapshot_id = ${snapshotId}::uuid`, Prisma.sql`g.identity_id = ${identityId}::uuid`, ...searchWords(Prisma.sql`s.key`, p.q)];
  if (p.policy) c.push(Prisma.sql`(g.policy_name = ${p.policy} OR g.policy_names @> ARRAY[${p.policy}]::text[])`);
  return Prisma.sql`FROM grants g JOIN secrets s ON s.id = g.secret_id LEFT JOIN identities vg ON vg.id = g.via_group_id ${whereAll(c)}`;
}

const GRANT_COLUMNS = Prisma.sql`s.key AS secret_key, s.cluster, s.mount, s.path, s.environment, s.classification, s.exposure_score,
  g.capabilities, g.policy_name, g.policy_names, g.rule_path, vg.key AS via_group`;

export function identityGrantOrder(p: Pick<IdentityDetailParams, "sort" | "dir">): Prisma.Sql {
  const desc = p.dir === "desc";
  if (p.sort === "policy") return desc ? Prisma.sql`g.policy_name DESC, s.key` : Prisma.sql`g.policy_name ASC, s.key`;
  return desc ? Prisma.sql`s.key DESC` : Prisma.sql`s.key ASC`;
}

export async function findIdentityGrantPage(db: DbClient, snapshotId: string, identityId: string, p: IdentityDetailParams) {
  const fromWhere = identityGrantFilter(snapshotId, identityId, p);
  const [rows, counted] = await Promise.all([
    db.$queryRaw<IdentityGrantRecord[]>`SELECT ${GRANT_COLUMNS} ${fromWhere} ORDER BY ${identityGrantOrder(p)}
      LIMIT ${p.pageSize} OFFSET ${(p.page - 1) * p.pageSize}`,
    db.$queryRaw<{ n: number }[]>(cappedCountSql(fromWhere)),
  ]);
  return { rows, ...toCapped(counted[0]?.n) };
}

/** All of an identity's grants for CSV, in batches by keyset on the secret key (stable, index-friendly). */
export async function* iterateIdentityGrants(db: DbClient, snapshotId: string, identityId: string, p: IdentityDetailParams, batch = 2000) {
  let after = "";
  for (;;) {
    const fromWhere = identityGrantFilter(snapshotId, identityId, p);
    const rows = await db.$queryRaw<IdentityGrantRecord[]>`SELECT ${GRANT_COLUMNS} ${fromWhere} AND s.key > ${after}
      ORDER BY s.key, g.policy_name LIMIT ${batch}`;
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.secret_key;
  }
}

/** Workloads that authenticate as this identity (from their manifests). */
export async function findWorkloadsUsingIdentity(db: DbClient, snapshotId: string, identityId: string) {
  return db.consumption.findMany({
    where: { snapshotId, identityId },
    distinct: ["workloadId"],
    select: { mechanism: true, workload: { select: { key: true, name: true, kind: true, namespace: true, ownerTeam: true } } },
    take: 200,
  });
}
