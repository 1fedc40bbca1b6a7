import "server-only";
import { getActiveSnapshotId } from "@/lib/db/snapshots";
import { assertCan, type ExportContext } from "./context";

/** Environments and teams the filter selects offer (exports.create). */
export async function getExportFacets(ctx: ExportContext): Promise<{ environments: string[]; teams: string[] }> {
  assertCan(ctx, "exports.create");
  const snapshotId = await getActiveSnapshotId(ctx.db);
  if (!snapshotId) return { environments: [], teams: [] };
  const rows = await ctx.db.$queryRaw<{ facet: "environments" | "teams"; value: string }[]>`
    SELECT 'environments' AS facet, environment AS value FROM secrets WHERE snapshot_id = ${snapshotId}::uuid AND environment IS NOT NULL GROUP BY 2
    UNION ALL SELECT 'teams', owner_team FROM secrets WHERE snapshot_id = ${snapshotId}::uuid AND owner_team IS NOT NULL GROUP BY 2`;
  const out = { environments: [] as string[], teams: [] as string[] };
  for (const r of rows) out[r.facet].push(r.value);
  out.environments.sort();
  out.teams.sort();
  return out;
}
