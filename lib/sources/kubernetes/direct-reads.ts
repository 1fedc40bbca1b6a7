/**
 * Apps that call Vault themselves (mechanism "direct": fetched at start-up, restart to pick up a
 * change) are invisible in manifests, so Radius lets teams declare them on the workload or its pod
 * template:
 *   radius.dev/vault-read: "kv-prod/data/payments/stripe, database-prod/creds/orders-rw"
 *   radius.dev/vault-role: "payments"            (optional)
 *   radius.dev/vault-auth-path: "kubernetes-prod" (optional, default kubernetes)
 */
import type { ParsedConsumption } from "../types";
import { isLeasedPath, normalizeAuthMount, normalizeVaultPath } from "./vault-paths";
import type { K8sWorkload } from "./workloads";

export const DIRECT_READ_ANNOTATION = "radius.dev/vault-read";

export function directConsumptions(w: K8sWorkload): ParsedConsumption[] {
  const values = { ...w.object.labels, ...w.object.annotations, ...w.template.labels, ...w.template.annotations };
  const declared = values[DIRECT_READ_ANNOTATION];
  if (!declared) return [];
  const inTemplate = w.template.annotations[DIRECT_READ_ANNOTATION] !== undefined;
  const line = inTemplate ? w.object.lineAt([...w.template.path, "metadata", "annotations", DIRECT_READ_ANNOTATION]) : w.object.lineAt(["metadata", "annotations", DIRECT_READ_ANNOTATION]);
  const paths = [...new Set(declared.split(/[,\s]+/).map(normalizeVaultPath).filter(Boolean))];
  return paths.map((vaultPath) => ({
    workloadKey: w.workload.key, vaultPath, keys: [], mechanism: "direct" as const,
    refreshIntervalSeconds: null, refreshTrigger: "pod-start" as const, syncDelaySeconds: 0,
    leased: isLeasedPath(vaultPath), leaseTtlSeconds: null, reload: "restart" as const, delivery: "env" as const,
    identity: { authMount: normalizeAuthMount(values["radius.dev/vault-auth-path"] ?? "kubernetes"), role: values["radius.dev/vault-role"] ?? null, serviceAccount: w.workload.serviceAccount, namespace: w.namespace },
    via: `${DIRECT_READ_ANNOTATION} on ${w.workload.kind} ${w.workload.name}`,
    notes: ["declared direct read: fetched at start-up"], sourceFile: w.object.file, line,
  }));
}
