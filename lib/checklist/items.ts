/** The ten items of the architecture decision checklist (DESIGN.md), in order. Safe anywhere. */
export const CHECKLIST_ITEMS = [
  { id: "single-source", title: "Single source of truth", question: "Exactly one authoritative store per environment; no secret maintained in two places." },
  { id: "ci-static-secrets", title: "No static secrets in CI", question: "Every CI secret is fetched at job run time via OIDC; repository secrets hold no credentials." },
  { id: "dynamic-db-credentials", title: "Dynamic credentials for databases", question: "No application has a permanent database password; Vault's database engine issues them with a TTL." },
  { id: "k8s-encryption", title: "K8s Secrets encryption at rest / RBAC", question: "etcd encrypted with a KMS provider; ESO-synced Secrets readable only by the target service account." },
  { id: "pki-certificates", title: "All TLS certs from PKI automation", question: "Every internal certificate is issued and renewed by PKI automation; none issued by hand." },
  { id: "vault-config-in-git", title: "Vault config in Git", question: "Every policy, role and mount is Terraformed and peer-reviewed; no click-ops." },
  { id: "auto-unseal", title: "Auto-unseal configured", question: "Vault unseals through a cloud KMS or HSM, so a restart needs no operator." },
  { id: "audit-forwarding", title: "Audit log forwarded with alerts", question: "An audit device is enabled, its events reach Radius, and alert rules watch them." },
  { id: "rotation-runbook", title: "Rotation runbook tested within 90 days", question: "The manual rotation runbook was executed in staging within the last 90 days." },
  { id: "blast-radius-documented", title: "Blast radius documented for every secret", question: "For every secret: who can read it, what breaks if it is rotated, how long until propagation." },
] as const;

export type ChecklistItemId = (typeof CHECKLIST_ITEMS)[number]["id"];
export const CHECKLIST_ITEM_IDS = CHECKLIST_ITEMS.map((i) => i.id) as [ChecklistItemId, ...ChecklistItemId[]];

/** Items that depend on a human fact an admin can attest in the portal. */
export const ATTESTABLE_ITEMS = ["k8s-encryption", "auto-unseal", "rotation-runbook"] as const satisfies readonly ChecklistItemId[];
export type AttestableItemId = (typeof ATTESTABLE_ITEMS)[number];

export function isAttestable(id: string): id is AttestableItemId {
  return (ATTESTABLE_ITEMS as readonly string[]).includes(id);
}

/** How long an attestation stays in force (the runbook item measures from the test date). */
export const ATTESTATION_VALID_DAYS: Record<AttestableItemId, number> = { "k8s-encryption": 365, "auto-unseal": 365, "rotation-runbook": 90 };
