import "server-only";
import type { DbClient } from "@/lib/db/create-client";
import { workloadSelect } from "./secret-detail-repository";

/** Safety valve: a dependency graph this large around one secret is shown truncated. */
export const DEPENDENCY_EDGE_LIMIT = 20_000;

export interface DependencyEdge {
  fromId: string; // depends on...
  toId: string; // ...this
}

/**
 * Every dependency edge that leads, directly or transitively, into one of `workloadIds`: the graph
 * of who breaks when they break. UNION (not UNION ALL) deduplicates edges, so cycles terminate.
 */
export async function findEdgesIntoWorkloads(db: DbClient, snapshotId: string, workloadIds: string[]): Promise<DependencyEdge[]> {
  if (workloadIds.length === 0) return [];
  const rows = await db.$queryRaw<{ from_id: string; to_id: string }[]>`
    WITH RECURSIVE reach(from_id, to_id) AS (
      SELECT d.from_id, d.to_id FROM dependencies d
      WHERE d.snapshot_id = ${snapshotId}::uuid AND d.to_id = ANY(${workloadIds}::uuid[])
      UNION
      SELECT d.from_id, d.to_id FROM dependencies d JOIN reach r ON d.to_id = r.from_id
      WHERE d.snapshot_id = ${snapshotId}::uuid
    )
    SELECT from_id::text, to_id::text FROM reach LIMIT ${DEPENDENCY_EDGE_LIMIT}`;
  return rows.map((r) => ({ fromId: r.from_id, toId: r.to_id }));
}

export async function findWorkloadsByIds(db: DbClient, snapshotId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db.workload.findMany({ where: { snapshotId, id: { in: ids } }, select: { ...workloadSelect, reload: true } });
}
