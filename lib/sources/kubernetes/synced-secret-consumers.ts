/**
 * Consumers of Vault-backed Kubernetes Secrets (ESO targets, CSI secretObjects). Reload rules
 * (DESIGN.md propagation table):
 * - env var (`secretKeyRef`, `envFrom`): read at container start => restart, unless stakater/Reloader
 *   watches the Secret (a rolling restart follows each change => hot, with the rollout as delay).
 * - volume: the kubelet refreshes the files after its sync period plus cache TTL (about 1-2 min;
 *   syncDelaySeconds = 120 as the upper bound) => hot, unless the workload declares
 *   `radius.dev/reload: restart` or mounts the volume only through subPath (never updated);
 *   Reloader turns either of those back into hot.
 */
import type { ParsedConsumption } from "../types";
import { isLeasedPath } from "./vault-paths";
import { podSecretRefs } from "./pod-secret-refs";
import { reloaderWatches } from "./reload-hint";
import { syncedSecretKey, type SyncedSecret } from "./synced-secret";
import type { K8sWorkload } from "./workloads";

export const KUBELET_SYNC_SECONDS = 120;

export function syncedSecretConsumptions(w: K8sWorkload, index: Map<string, SyncedSecret[]>): ParsedConsumption[] {
  const out: ParsedConsumption[] = [];
  for (const ref of podSecretRefs(w)) {
    for (const synced of index.get(syncedSecretKey(w.cluster, w.namespace, ref.secretName)) ?? []) {
      const notes = [...synced.notes];
      const watched = reloaderWatches(w.workload.reload, ref.secretName);
      let reload: ParsedConsumption["reload"];
      if (ref.delivery === "k8s-secret-env") {
        reload = watched ? "hot" : "restart";
        notes.push(watched ? `env var; ${w.workload.reload.reloaderWatches?.via} restarts the workload on change` : "env var: read at container start, restart required");
      } else if (watched) {
        reload = "hot"; notes.push(`volume; ${w.workload.reload.reloaderWatches?.via} restarts the workload on change`);
      } else if (ref.subPathOnly) {
        reload = "restart"; notes.push("volume mounted with subPath: the kubelet never updates it");
      } else if (w.workload.reload.appReload === "restart") {
        reload = "restart"; notes.push(`${w.workload.reload.appReloadVia}`);
      } else {
        reload = "hot"; notes.push("volume: kubelet sync about 1-2m");
      }
      const syncDelaySeconds = ref.delivery === "k8s-secret-volume" && !ref.subPathOnly ? KUBELET_SYNC_SECONDS : 0;
      const identity = synced.identity.serviceAccount || synced.mechanism === "eso" ? synced.identity : { ...synced.identity, serviceAccount: w.workload.serviceAccount };
      for (const entry of synced.entries) {
        out.push({
          workloadKey: w.workload.key, vaultPath: entry.vaultPath, keys: entry.keys, mechanism: synced.mechanism,
          refreshIntervalSeconds: synced.refreshIntervalSeconds, refreshTrigger: synced.refreshTrigger, syncDelaySeconds,
          leased: isLeasedPath(entry.vaultPath), leaseTtlSeconds: null, reload, delivery: ref.delivery, identity,
          via: `${synced.via} -> Secret ${ref.secretName}`, notes, sourceFile: synced.file, line: entry.line,
        });
      }
    }
  }
  return out;
}
