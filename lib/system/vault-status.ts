import "server-only";
import { getConfig } from "@/lib/config";
import { createVaultReader } from "@/lib/vault";

export interface VaultClusterStatus {
  address: string;
  reachable: boolean;
  sealed: boolean | null;
  version: string | null;
  clusterName: string | null;
  error: string | null;
}

/** sys/health of every configured cluster, bounded to a couple of seconds so a page never hangs. */
export async function getVaultStatus(): Promise<VaultClusterStatus[]> {
  const config = getConfig();
  return Promise.all(
    config.VAULT_ADDR.map(async (address) => {
      const reader = createVaultReader({ address, token: config.VAULT_TOKEN, namespace: config.VAULT_NAMESPACE, timeoutMs: 2_000, retries: 0 });
      try {
        const health = await reader.health();
        return { address, reachable: true, sealed: health.sealed, version: health.version, clusterName: health.cluster_name ?? null, error: null };
      } catch (error) {
        return { address, reachable: false, sealed: null, version: null, clusterName: null, error: error instanceof Error ? error.message : "unreachable" };
      }
    }),
  );
}
