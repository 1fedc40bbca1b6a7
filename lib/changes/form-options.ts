import "server-only";
import { getActiveSnapshotId } from "@/lib/db/snapshots";
import { assertCan, type ChangesContext } from "./context";
import { findFormOptionRows, findKvMountRows } from "./snapshot-repository";
import type { ChangeFormOptions } from "./schemas";

/** The change form's selects, from the active snapshot (empty lists before the first sync). */
export async function getChangeFormOptions(ctx: Pick<ChangesContext, "db" | "user">): Promise<ChangeFormOptions> {
  assertCan(ctx, "changes.create");
  const snapshotId = await getActiveSnapshotId(ctx.db);
  if (!snapshotId) return { clusters: [], kvMounts: [], teams: [], environments: [], liveOnlyPolicies: [] };
  const [rows, kvMounts] = await Promise.all([findFormOptionRows(ctx.db, snapshotId), findKvMountRows(ctx.db, snapshotId)]);
  return {
    clusters: rows.clusters.map((r) => r.cluster),
    kvMounts,
    teams: rows.teams.map((r) => r.team),
    environments: rows.environments.map((r) => r.environment),
    liveOnlyPolicies: rows.liveOnly,
  };
}
