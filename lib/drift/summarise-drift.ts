/** The drift summary's verdict and evidence in words (pure, safe anywhere). */
import { plural } from "@/lib/inventory/format";
import { DRIFT_KINDS, DRIFT_STATUSES, type DriftComparisonRecord, type DriftCounts, type DriftKind, type DriftStatus, type DriftSummary } from "./types";

export function emptyCounts(): DriftCounts {
  const row = (): Record<DriftStatus, number> => ({ "vault-only": 0, "terraform-only": 0, different: 0 });
  return { policy: row(), "auth-role": row(), mount: row() };
}

const shortCommit = (commit: string): string => commit.slice(0, 12);

/**
 * pass = Terraform was compared and nothing drifts; fail = something drifts; unknown = no
 * snapshot yet, or the sync that made it did not read Terraform (not configured or unreadable):
 * "not compared" must never read as "no drift".
 */
export function summariseDrift(snapshot: { id: string } | null, comparison: (DriftComparisonRecord & { comparedAt: string }) | null, counts: DriftCounts): DriftSummary {
  const byStatus = Object.fromEntries(DRIFT_STATUSES.map((s) => [s, DRIFT_KINDS.reduce((n, k) => n + counts[k][s], 0)])) as Record<DriftStatus, number>;
  const byKind = Object.fromEntries(DRIFT_KINDS.map((k) => [k, DRIFT_STATUSES.reduce((n, s) => n + counts[k][s], 0)])) as Record<DriftKind, number>;
  const total = byStatus["vault-only"] + byStatus["terraform-only"] + byStatus.different;
  const base = { snapshot, comparison, total, byStatus, byKind, counts };
  if (!snapshot) return { ...base, status: "unknown", evidence: "No sync has completed yet, so live Vault has not been compared with Terraform." };
  if (!comparison) {
    return { ...base, status: "unknown", evidence: "The last sync did not compare Vault with Terraform: no Terraform repository is configured, or it could not be read (see the sync problems)." };
  }
  const c = comparison.compared;
  const scope = `${plural(c.policy, "policy", "policies")}, ${plural(c["auth-role"], "auth role")} and ${plural(c.mount, "mount")} of cluster ${comparison.cluster} compared with Terraform commit ${shortCommit(comparison.commit)}`;
  if (total === 0) return { ...base, status: "pass", evidence: `No drift: ${scope}; live Vault matches Terraform.` };
  const parts = [
    byStatus["vault-only"] ? `${byStatus["vault-only"]} only in Vault (click-ops)` : "",
    byStatus["terraform-only"] ? `${byStatus["terraform-only"]} only in Terraform (not applied)` : "",
    byStatus.different ? `${byStatus.different} different` : "",
  ].filter(Boolean);
  return { ...base, status: "fail", evidence: `${plural(total, "resource")} drift (${parts.join(", ")}): ${scope}.` };
}
