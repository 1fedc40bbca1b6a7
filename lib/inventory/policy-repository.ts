import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db/create-client";
import type { PolicyDetailParams, PolicyListParams } from "./schemas";
import { cappedCountSql, searchWords, toCapped, whereAll } from "./sql";

export interface PolicyListRecord {
  cluster: string; name: string; live: boolean; terraform: boolean; drift: boolean; rule_count: number;
  templated: boolean; parse_error: boolean; carriers: number;
}

const POLICY_ORDER = {
  name: { asc: Prisma.sql`p.name ASC, p.cluster`, desc: Prisma.sql`p.name DESC, p.cluster` },
  cluster: { asc: Prisma.sql`p.cluster ASC, p.name`, desc: Prisma.sql`p.cluster DESC, p.name` },
  rules: { asc: Prisma.sql`p.rule_count ASC, p.name`, desc: Prisma.sql`p.rule_count DESC, p.name` },
  carriers: { asc: Prisma.sql`p.carriers ASC, p.name`, desc: Prisma.sql`p.carriers DESC, p.name` },
} as const;

const ORIGIN_FILTER = {
  live: Prisma.sql`live`,
  terraform: Prisma.sql`terraform`,
  both: Prisma.sql`live AND terraform`,
  "live-only": Prisma.sql`live AND NOT terraform`,
  "terraform-only": Prisma.sql`terraform AND NOT live`,
} as const;

/**
 * One row per (cluster, name), live and Terraform versions folded together; drift = both exist
 * with different rules. Carriers = identities naming the policy directly (2,000 policies x 10,000
 * identities is small enough to aggregate per request).
 */
function policyRowsSql(snapshotId: string, p: PolicyListParams): Prisma.Sql {
  const c = [Prisma.sql`snapshot_id = ${snapshotId}::uuid`, ...searchWords(Prisma.sql`name`, p.q)];
  if (p.cluster) c.push(Prisma.sql`cluster = ${p.cluster}`);
  return Prisma.sql`
    WITH folded AS (
      SELECT cluster, name, bool_or(origin = 'live') AS live, bool_or(origin = 'terraform') AS terraform,
        count(DISTINCT rules) > 1 AS drift, max(jsonb_array_length(rules))::int AS rule_count,
        bool_or(templated) AS templated, bool_or(parse_error IS NOT NULL) AS parse_error
      FROM policies ${whereAll(c)} GROUP BY cluster, name
    ), carried AS (
      SELECT cluster, unnest(policies) AS name, count(*)::int AS n FROM identities WHERE snapshot_id = ${snapshotId}::uuid GROUP BY 1, 2
    )
    SELECT f.*, coalesce(c.n, 0) AS carriers FROM folded f LEFT JOIN carried c ON c.cluster = f.cluster AND c.name = f.name`;
}

export async function findPolicyPage(db: DbClient, snapshotId: string, p: PolicyListParams) {
  const rows = policyRowsSql(snapshotId, p);
  const origin = p.origin ? Prisma.sql`WHERE ${ORIGIN_FILTER[p.origin]}` : Prisma.empty;
  const order = POLICY_ORDER[p.sort][p.dir ?? (p.sort === "rules" || p.sort === "carriers" ? "desc" : "asc")];
  const [page, counted] = await Promise.all([
    db.$queryRaw<PolicyListRecord[]>`SELECT * FROM (${rows}) p ${origin} ORDER BY ${order} LIMIT ${p.pageSize} OFFSET ${(p.page - 1) * p.pageSize}`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (${rows}) p ${origin}`,
  ]);
  return { rows: page, ...toCapped(counted[0]?.n) };
}

export async function findPolicyClusters(db: DbClient, snapshotId: string): Promise<string[]> {
  const rows = await db.policy.findMany({ where: { snapshotId }, distinct: ["cluster"], select: { cluster: true }, orderBy: { cluster: "asc" } });
  return rows.map((r) => r.cluster);
}

export async function findPolicyVersions(db: DbClient, snapshotId: string, cluster: string, name: string) {
  return db.policy.findMany({
    where: { snapshotId, cluster, name },
    select: { id: true, origin: true, rawHcl: true, rules: true, parseError: true, templated: true, file: true, commit: true },
    orderBy: { origin: "asc" },
  });
}

const refSelect = { id: true, key: true, cluster: true, kind: true, authMount: true, roleName: true, displayName: true } as const;

/** Identities that name the policy themselves (token policies of a role, or a group's policies). */
export async function findDirectCarriers(db: DbClient, snapshotId: string, cluster: string, name: string) {
  return db.identity.findMany({ where: { snapshotId, cluster, policies: { has: name } }, select: refSelect, orderBy: { key: "asc" }, take: 1000 });
}

/** Members of groups that carry it: they get the policy through the group. */
export async function findMembersOfGroups(db: DbClient, snapshotId: string, groupIds: string[]) {
  if (groupIds.length === 0) return [];
  return db.identityGroupMembership.findMany({
    where: { snapshotId, groupId: { in: groupIds } },
    select: { group: { select: { key: true } }, member: { select: refSelect } },
    take: 1000,
  });
}

export interface PolicyGrantRecord {
  identity_key: string; identity_kind: string; secret_key: string; capabilities: string[]; rule_path: string; via_group: string | null;
  policy_names: string[];
}

function policyGrantFilter(snapshotId: string, cluster: string, name: string, q: string | undefined) {
  const c = [Prisma.sql`g.snapshot_id = ${snapshotId}::uuid`, Prisma.sql`(g.policy_name = ${name} OR g.policy_names @> ARRAY[${name}]::text[])`, Prisma.sql`s.cluster = ${cluster}`,
    ...searchWords(Prisma.sql`(s.key || ' ' || i.key)`, q)];
  return Prisma.sql`FROM grants g JOIN secrets s ON s.id = g.secret_id JOIN identities i ON i.id = g.identity_id
    LEFT JOIN identities vg ON vg.id = g.via_group_id ${whereAll(c)}`;
}

const POLICY_GRANT_COLUMNS = Prisma.sql`i.key AS identity_key, i.kind::text AS identity_kind, s.key AS secret_key, g.capabilities, g.rule_path, vg.key AS via_group, g.policy_names`;

/** The grants this policy decides (the rule Vault picks is one of its rules): what changes if it changes. */
export async function findPolicyGrantPage(db: DbClient, snapshotId: string, cluster: string, name: string, p: PolicyDetailParams) {
  const fromWhere = policyGrantFilter(snapshotId, cluster, name, p.q);
  const [rows, counted, byRule] = await Promise.all([
    db.$queryRaw<PolicyGrantRecord[]>`SELECT ${POLICY_GRANT_COLUMNS} ${fromWhere} ORDER BY s.key, i.key LIMIT ${p.pageSize} OFFSET ${(p.page - 1) * p.pageSize}`,
    db.$queryRaw<{ n: number }[]>(cappedCountSql(fromWhere)),
    db.$queryRaw<{ rule_path: string; grants: number; identities: number }[]>`
      SELECT g.rule_path, count(*)::int AS grants, count(DISTINCT g.identity_id)::int AS identities
      FROM grants g JOIN secrets s ON s.id = g.secret_id
      WHERE g.snapshot_id = ${snapshotId}::uuid AND (g.policy_name = ${name} OR g.policy_names @> ARRAY[${name}]::text[]) AND s.cluster = ${cluster}
      GROUP BY 1 ORDER BY 2 DESC`,
  ]);
  return { rows, byRule, ...toCapped(counted[0]?.n) };
}

export async function* iteratePolicyGrants(db: DbClient, snapshotId: string, cluster: string, name: string, q: string | undefined, batch = 2000) {
  for (let offset = 0; ; offset += batch) {
    const rows = await db.$queryRaw<PolicyGrantRecord[]>`SELECT ${POLICY_GRANT_COLUMNS} ${policyGrantFilter(snapshotId, cluster, name, q)}
      ORDER BY g.id LIMIT ${batch} OFFSET ${offset}`;
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batch) return;
  }
}
