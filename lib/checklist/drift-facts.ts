// No "server-only": part of the daily-history graph (see history-scheduler.ts). Server code only.
import type { DbClient } from "@/lib/db/create-client";
import { driftComparedSchema } from "@/lib/drift/schemas";
import { emptyCounts, summariseDrift } from "@/lib/drift/summarise-drift";
import { DRIFT_KINDS, DRIFT_STATUSES, type DriftKind, type DriftStatus, type DriftSummary } from "@/lib/drift/types";

/**
 * The "Vault config in Git" verdict: lib/drift's own summariseDrift over the drift tables of the
 * snapshot, read here directly so the history job need not load lib/drift's server-only service.
 */
export async function loadDriftSummary(db: DbClient, snapshotId: string | null): Promise<DriftSummary> {
  if (!snapshotId) return summariseDrift(null, null, emptyCounts());
  const [comparisons, rows] = await Promise.all([
    db.$queryRaw<{ cluster: string; commit: string; compared: unknown; created_at: Date }[]>`
      SELECT cluster, commit, compared, created_at FROM drift_comparisons WHERE snapshot_id = ${snapshotId}::uuid`,
    db.$queryRaw<{ kind: string; status: string; n: number }[]>`
      SELECT kind::text AS kind, status::text AS status, count(*)::int AS n FROM drift_items WHERE snapshot_id = ${snapshotId}::uuid GROUP BY 1, 2`,
  ]);
  const c = comparisons[0];
  const compared = driftComparedSchema.safeParse(c?.compared ?? {});
  const comparison = c
    ? { cluster: c.cluster, commit: c.commit, comparedAt: c.created_at.toISOString(), compared: compared.success ? compared.data : { policy: 0, "auth-role": 0, mount: 0 } }
    : null;
  const counts = emptyCounts();
  for (const r of rows) {
    if ((DRIFT_KINDS as readonly string[]).includes(r.kind) && (DRIFT_STATUSES as readonly string[]).includes(r.status)) counts[r.kind as DriftKind][r.status as DriftStatus] = r.n;
  }
  return summariseDrift({ id: snapshotId }, comparison, counts);
}
