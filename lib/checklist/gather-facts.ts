// No "server-only": recordDailyHistory runs from instrumentation.ts (history-scheduler.ts), which
// Next.js compiles outside the react-server build where that package throws. Server code only.
import { can } from "@/lib/auth/permissions";
import { readCiFindings } from "./ci-findings";
import { loadDriftSummary } from "./drift-facts";
import { nowOf, type ChecklistContext } from "./context";
import type { ChecklistFacts } from "./facts";
import {
  countKubernetesDistribution, findActiveSnapshot, findAuditArrival, findBlastRadiusGaps, findCertificatesOutsidePki,
  findDanglingReferences, findDriftNames, findEnvironmentClusters, findLatestAttestations, findStaticDatabaseCredentials,
} from "./repository";

const DAY = 86_400_000;
const EMPTY_DB = { rows: [], static_roles: 0, kv_passwords: 0, dynamic_roles: 0 };
const EMPTY_CERTS = { rows: [], total: 0, active: 0, no_role: 0, mounts: [] };
const EMPTY_BLAST = { rows: [], total: 0, incomplete: 0, no_owner: 0, no_consumer: 0 };

/** One snapshot for every query, resolved first, so the ten answers never mix two syncs. */
export async function gatherChecklistFacts(ctx: ChecklistContext): Promise<ChecklistFacts> {
  const now = nowOf(ctx);
  const active = await findActiveSnapshot(ctx.db);
  const id = active?.snapshot_id ?? null;
  const mayName = can(ctx.user.roles, "drift.read") || can(ctx.user.roles, "exports.create");
  const ci = ctx.workflows
    ? readCiFindings(ctx.workflows.dir, ctx.workflows.owner, id ?? "none", now).then(
        (findings) => ({ configured: true as const, findings, error: null }),
        (error: unknown) => ({ configured: true as const, findings: null, error: error instanceof Error ? error.message : String(error) }),
      )
    : Promise.resolve({ configured: false as const });
  const vault = ctx.vault ? ctx.vault.probe().catch(() => null) : Promise.resolve(null);
  const [environments, dangling, databases, kubernetes, certificates, drift, driftNames, audit, blastRadius, attestations, ciFacts, vaultFacts] = await Promise.all([
    id ? findEnvironmentClusters(ctx.db, id) : [],
    id ? findDanglingReferences(ctx.db, id) : { rows: [], total: 0 },
    id ? findStaticDatabaseCredentials(ctx.db, id) : EMPTY_DB,
    id ? countKubernetesDistribution(ctx.db, id) : { eso: 0, eso_secrets: 0, k8s_workloads: 0 },
    id ? findCertificatesOutsidePki(ctx.db, id, now) : EMPTY_CERTS,
    loadDriftSummary(ctx.db, id),
    id && mayName ? findDriftNames(ctx.db, id) : null,
    findAuditArrival(ctx.db, new Date(now.getTime() - DAY)),
    id ? findBlastRadiusGaps(ctx.db, id) : EMPTY_BLAST,
    findLatestAttestations(ctx.db),
    ci,
    vault,
  ]);
  return {
    now, snapshot: active ? { id: active.snapshot_id, switchedAt: active.switched_at } : null,
    environments, dangling, databases, kubernetes, certificates, drift, driftNames, audit, blastRadius, attestations, ci: ciFacts, vault: vaultFacts,
  };
}
