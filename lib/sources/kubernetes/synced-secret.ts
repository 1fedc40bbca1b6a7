/**
 * A Kubernetes Secret whose content comes from Vault through a controller (ESO ExternalSecret,
 * CSI driver `secretObjects`). Workloads that use the Secret become consumers; see
 * synced-secret-consumers.ts for the reload rules.
 */
import type { ConsumptionIdentity, ParsedConsumption } from "../types";

export interface SyncedSecretEntry {
  vaultPath: string;
  keys: string[];
  line: number;
}

export interface SyncedSecret {
  cluster: string;
  namespace: string;
  secretName: string;
  mechanism: "eso" | "csi";
  entries: SyncedSecretEntry[];
  refreshIntervalSeconds: number | null;
  refreshTrigger: ParsedConsumption["refreshTrigger"];
  /** For CSI the service account is the consuming pod's; left null here and filled per consumer. */
  identity: ConsumptionIdentity;
  via: string;
  notes: string[];
  file: string;
}

export const syncedSecretKey = (cluster: string, namespace: string, name: string): string => `${cluster}|${namespace}/${name}`;

export function indexSyncedSecrets(list: SyncedSecret[]): Map<string, SyncedSecret[]> {
  const index = new Map<string, SyncedSecret[]>();
  for (const s of list) {
    const key = syncedSecretKey(s.cluster, s.namespace, s.secretName);
    index.set(key, [...(index.get(key) ?? []), s]);
  }
  return index;
}
