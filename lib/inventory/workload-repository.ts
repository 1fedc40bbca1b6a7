import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db/create-client";
import type { WorkloadListParams } from "./schemas";
import { cappedCountSql, searchWords, toCapped, whereAll } from "./sql";

export interface WorkloadListRecord {
  id: string; key: string; name: string; kind: string; namespace: string | null; owner_team: string | null;
  reload: string | null; source_file: string | null; source_line: number | null; consumes: number; dependents: number;
}

const WORKLOAD_ORDER = {
  name: { asc: Prisma.sql`w.name ASC, w.key`, desc: Prisma.sql`w.name DESC, w.key` },
  kind: { asc: Prisma.sql`w.kind::text ASC, w.key`, desc: Prisma.sql`w.kind::text DESC, w.key` },
  namespace: { asc: Prisma.sql`w.namespace ASC NULLS LAST, w.key`, desc: Prisma.sql`w.namespace DESC NULLS LAST, w.key` },
  team: { asc: Prisma.sql`w.owner_team ASC NULLS LAST, w.key`, desc: Prisma.sql`w.owner_team DESC NULLS LAST, w.key` },
  consumes: {
    asc: Prisma.sql`(SELECT count(*) FROM consumptions c WHERE c.workload_id = w.id) ASC, w.key`,
    desc: Prisma.sql`(SELECT count(*) FROM consumptions c WHERE c.workload_id = w.id) DESC, w.key`,
  },
} as const;

function workloadFilter(snapshotId: string, p: WorkloadListParams): Prisma.Sql {
  const c = [Prisma.sql`w.snapshot_id = ${snapshotId}::uuid`, ...searchWords(Prisma.sql`w.key`, p.q)];
  // The enum is spelled "ci-job" in the database and the URL alike.
  if (p.kind) c.push(Prisma.sql`w.kind::text = ${p.kind}`);
  if (p.namespace) c.push(Prisma.sql`w.namespace = ${p.namespace}`);
  if (p.team) c.push(Prisma.sql`w.owner_team = ${p.team}`);
  return Prisma.sql`FROM workloads w ${whereAll(c)}`;
}

export async function findWorkloadPage(db: DbClient, snapshotId: string, p: WorkloadListParams) {
  const fromWhere = workloadFilter(snapshotId, p);
  const order = WORKLOAD_ORDER[p.sort][p.dir ?? (p.sort === "consumes" ? "desc" : "asc")];
  const [rows, counted] = await Promise.all([
    db.$queryRaw<Omit<WorkloadListRecord, "consumes" | "dependents">[]>`
      SELECT w.id, w.key, w.name, w.kind::text AS kind, w.namespace, w.owner_team, w.reload::text AS reload, w.source_file, w.source_line
      ${fromWhere} ORDER BY ${order} LIMIT ${p.pageSize} OFFSET ${(p.page - 1) * p.pageSize}`,
    db.$queryRaw<{ n: number }[]>(cappedCountSql(fromWhere)),
  ]);
  const counts = await countEdges(db, rows.map((r) => r.id));
  return { rows: rows.map((r) => ({ ...r, ...(counts.get(r.id) ?? { consumes: 0, dependents: 0 }) })), ...toCapped(counted[0]?.n) };
}

/** Secrets consumed and direct dependents, for one page of workloads. */
async function countEdges(db: DbClient, ids: string[]) {
  if (ids.length === 0) return new Map<string, { consumes: number; dependents: number }>();
  const rows = await db.$queryRaw<{ id: string; consumes: number; dependents: number }[]>`
    SELECT ids.id::text AS id,
      (SELECT count(*)::int FROM consumptions c WHERE c.workload_id = ids.id) AS consumes,
      (SELECT count(*)::int FROM dependencies d WHERE d.to_id = ids.id) AS dependents
    FROM unnest(${ids}::uuid[]) AS ids(id)`;
  return new Map(rows.map((r) => [r.id, { consumes: r.consumes, dependents: r.dependents }]));
}

export async function findWorkloadFacets(db: DbClient, snapshotId: string) {
  const rows = await db.$queryRaw<{ facet: "namespaces" | "teams"; value: string }[]>`
    SELECT 'namespaces' AS facet, namespace AS value FROM workloads WHERE snapshot_id = ${snapshotId}::uuid AND namespace IS NOT NULL GROUP BY 2
    UNION ALL SELECT 'teams', owner_team FROM workloads WHERE snapshot_id = ${snapshotId}::uuid AND owner_team IS NOT NULL GROUP BY 2`;
  const facets = { namespaces: [] as string[], teams: [] as string[] };
  for (const r of rows) facets[r.facet].push(r.value);
  facets.namespaces.sort();
  facets.teams.sort();
  return facets;
}

/** One workload with everything its page shows, except the transitive dependents (dependency-repository). */
export async function findWorkloadByKey(db: DbClient, snapshotId: string, key: string) {
  return db.workload.findUnique({
    where: { snapshotId_key: { snapshotId, key } },
    select: {
      id: true, key: true, name: true, kind: true, namespace: true, ownerTeam: true, reload: true, sourceFile: true, sourceLine: true, metadata: true,
      consumptions: {
        orderBy: { secretRef: "asc" },
        select: {
          mechanism: true, refreshIntervalSeconds: true, reload: true, secretRef: true, manifestFile: true, manifestLine: true, details: true,
          secret: { select: { key: true, environment: true, classification: true, leaseTtlSeconds: true } },
          identity: { select: { key: true, cluster: true, kind: true, authMount: true, roleName: true, displayName: true } },
        },
      },
      dependsOn: { select: { kind: true, sourceFile: true, to: { select: { key: true, name: true, kind: true, namespace: true, ownerTeam: true } } } },
    },
  });
}
