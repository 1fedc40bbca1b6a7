import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db/create-client";
import { SECRET_DEFAULT_DIR_PUBLIC } from "./list-defaults";
import type { SecretListParams, SecretSort } from "./schemas";
import { cappedCountSql, iso, searchWords, toCapped, whereAll } from "./sql";
import type { SecretFacets, SecretRow } from "./types";

// Secrets are listed with raw SQL: the filters, the null-aware sorts and the capped count are
// clearer (and cheaper) as SQL than as Prisma's query builder. Every value is a bound parameter;
// the only spliced SQL comes from the constant tables below, chosen by a zod-validated enum.

const ROW_COLUMNS = Prisma.sql`s.key, s.cluster, s.mount, s.path, s.engine_kind, s.lifecycle::text AS lifecycle,
  s.environment, s.owner_team, s.classification, s.last_rotated_at, s.reader_count, s.list_only_count,
  s.consumer_count, s.dependent_count, s.propagation_seconds, s.restart_bound, s.exposure_score`;

export interface SecretRowRecord {
  key: string; cluster: string; mount: string; path: string; engine_kind: string; lifecycle: string;
  environment: string | null; owner_team: string | null; classification: string | null; last_rotated_at: Date | null;
  reader_count: number; list_only_count: number; consumer_count: number; dependent_count: number;
  propagation_seconds: number | null; restart_bound: boolean; exposure_score: number;
}

export function toSecretRow(r: SecretRowRecord): SecretRow {
  return {
    key: r.key, cluster: r.cluster, mount: r.mount, path: r.path, engineKind: r.engine_kind, lifecycle: r.lifecycle,
    environment: r.environment, ownerTeam: r.owner_team, classification: r.classification, lastRotatedAt: iso(r.last_rotated_at),
    readerCount: r.reader_count, listOnlyCount: r.list_only_count, consumerCount: r.consumer_count,
    dependentCount: r.dependent_count, propagationSeconds: r.propagation_seconds, restartBound: r.restart_bound,
    exposureScore: r.exposure_score,
  };
}

export const SECRET_DEFAULT_DIR = SECRET_DEFAULT_DIR_PUBLIC;

// Unbounded propagation (null) is the longest; never rotated (null) is the oldest.
const ORDER: Record<SecretSort, Record<"asc" | "desc", Prisma.Sql>> = {
  path: { asc: Prisma.sql`s.key ASC`, desc: Prisma.sql`s.key DESC` },
  score: { asc: Prisma.sql`s.exposure_score ASC, s.key`, desc: Prisma.sql`s.exposure_score DESC, s.key` },
  readers: { asc: Prisma.sql`s.reader_count ASC, s.key`, desc: Prisma.sql`s.reader_count DESC, s.key` },
  consumers: { asc: Prisma.sql`s.consumer_count ASC, s.key`, desc: Prisma.sql`s.consumer_count DESC, s.key` },
  propagation: {
    asc: Prisma.sql`s.propagation_seconds ASC NULLS LAST, s.key`,
    desc: Prisma.sql`s.propagation_seconds DESC NULLS FIRST, s.key`,
  },
  rotated: { asc: Prisma.sql`s.last_rotated_at ASC NULLS FIRST, s.key`, desc: Prisma.sql`s.last_rotated_at DESC NULLS LAST, s.key` },
};

function secretFilters(snapshotId: string, p: SecretListParams): Prisma.Sql {
  const c: Prisma.Sql[] = [Prisma.sql`s.snapshot_id = ${snapshotId}::uuid`];
  c.push(...searchWords(Prisma.sql`s.key`, p.q));
  if (p.mount) {
    const at = p.mount.indexOf(":");
    if (at > 0) c.push(Prisma.sql`s.cluster = ${p.mount.slice(0, at)} AND s.mount = ${p.mount.slice(at + 1)}`);
    else c.push(Prisma.sql`s.mount = ${p.mount}`);
  }
  if (p.environment) c.push(Prisma.sql`s.environment = ${p.environment}`);
  if (p.team) c.push(Prisma.sql`s.owner_team = ${p.team}`);
  if (p.engine) c.push(Prisma.sql`s.engine_kind = ${p.engine}`);
  if (p.classification) c.push(Prisma.sql`s.classification = ${p.classification}`);
  if (p.minScore !== undefined) c.push(Prisma.sql`s.exposure_score >= ${p.minScore}`);
  return Prisma.sql`FROM secrets s ${whereAll(c)}`;
}

export function secretOrder(p: Pick<SecretListParams, "sort" | "dir">): Prisma.Sql {
  return ORDER[p.sort][p.dir ?? SECRET_DEFAULT_DIR[p.sort]];
}

export async function findSecretPage(db: DbClient, snapshotId: string, p: SecretListParams) {
  const fromWhere = secretFilters(snapshotId, p);
  const offset = (p.page - 1) * p.pageSize;
  const [rows, counted] = await Promise.all([
    db.$queryRaw<SecretRowRecord[]>`SELECT ${ROW_COLUMNS} ${fromWhere} ORDER BY ${secretOrder(p)} LIMIT ${p.pageSize} OFFSET ${offset}`,
    db.$queryRaw<{ n: number }[]>(cappedCountSql(fromWhere)),
  ]);
  return { rows: rows.map(toSecretRow), ...toCapped(counted[0]?.n) };
}

/**
 * Every match in display order, for CSV: ids first (one sorted scan), then rows fetched in batches
 * by id, so an export of 100,000 rows never pays for deep OFFSETs.
 */
export async function* iterateSecrets(db: DbClient, snapshotId: string, p: SecretListParams, batch = 2000): AsyncGenerator<SecretRow[]> {
  const ids = await db.$queryRaw<{ id: string }[]>`SELECT s.id ${secretFilters(snapshotId, p)} ORDER BY ${secretOrder(p)}`;
  for (let i = 0; i < ids.length; i += batch) {
    const slice = ids.slice(i, i + batch).map((r) => r.id);
    const rows = await db.$queryRaw<(SecretRowRecord & { id: string })[]>`
      SELECT s.id, ${ROW_COLUMNS} FROM secrets s WHERE s.snapshot_id = ${snapshotId}::uuid AND s.id = ANY(${slice}::uuid[])`;
    const byId = new Map(rows.map((r) => [r.id, r]));
    yield slice.flatMap((id) => {
      const r = byId.get(id);
      return r ? [toSecretRow(r)] : [];
    });
  }
}

/** Distinct values offered by the filter selects. A snapshot never changes, so callers may cache. */
export async function findSecretFacets(db: DbClient, snapshotId: string): Promise<SecretFacets> {
  const rows = await db.$queryRaw<{ facet: keyof SecretFacets; value: string }[]>`
    SELECT 'mounts' AS facet, cluster || ':' || mount AS value FROM secrets WHERE snapshot_id = ${snapshotId}::uuid GROUP BY 2
    UNION ALL SELECT 'environments', environment FROM secrets WHERE snapshot_id = ${snapshotId}::uuid AND environment IS NOT NULL GROUP BY 2
    UNION ALL SELECT 'teams', owner_team FROM secrets WHERE snapshot_id = ${snapshotId}::uuid AND owner_team IS NOT NULL GROUP BY 2
    UNION ALL SELECT 'engines', engine_kind FROM secrets WHERE snapshot_id = ${snapshotId}::uuid GROUP BY 2
    UNION ALL SELECT 'classifications', classification FROM secrets WHERE snapshot_id = ${snapshotId}::uuid AND classification IS NOT NULL GROUP BY 2`;
  const facets: SecretFacets = { mounts: [], environments: [], teams: [], engines: [], classifications: [] };
  for (const r of rows) facets[r.facet].push(r.value);
  for (const list of Object.values(facets)) list.sort();
  return facets;
}
