import type { ChecklistFacts } from "./facts";
import { CHECKLIST_ITEMS, type ChecklistItemId } from "./items";
import { toItemResult, type Verdict } from "./score-helpers";
import { scoreBlastRadius, scoreCiStaticSecrets, scoreDynamicDatabases, scorePkiCertificates, scoreSingleSource } from "./score-inventory-items";
import { scoreAuditForwarding, scoreAutoUnseal, scoreK8sEncryption, scoreRotationRunbook, scoreVaultConfigInGit } from "./score-operational-items";
import type { ChecklistReport, CheckStatus } from "./types";

const SCORERS: Record<ChecklistItemId, (f: ChecklistFacts) => Verdict> = {
  "single-source": scoreSingleSource,
  "ci-static-secrets": scoreCiStaticSecrets,
  "dynamic-db-credentials": scoreDynamicDatabases,
  "k8s-encryption": scoreK8sEncryption,
  "pki-certificates": scorePkiCertificates,
  "vault-config-in-git": scoreVaultConfigInGit,
  "auto-unseal": scoreAutoUnseal,
  "audit-forwarding": scoreAuditForwarding,
  "rotation-runbook": scoreRotationRunbook,
  "blast-radius-documented": scoreBlastRadius,
};

/** The ten verdicts from the gathered facts. Pure: the same facts always give the same report. */
export function scoreChecklist(facts: ChecklistFacts): ChecklistReport {
  const items = CHECKLIST_ITEMS.map(({ id }) => toItemResult(facts, id, SCORERS[id](facts)));
  const counts: Record<CheckStatus, number> = { pass: 0, fail: 0, unknown: 0 };
  for (const i of items) counts[i.status]++;
  return {
    generatedAt: facts.now.toISOString(),
    snapshot: facts.snapshot ? { id: facts.snapshot.id, switchedAt: facts.snapshot.switchedAt.toISOString() } : null,
    items, counts,
  };
}
