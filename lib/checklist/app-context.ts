import "server-only";
import type { CurrentUser } from "@/lib/auth/user";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { syncConfigFromEnv } from "@/lib/sync/sync-config";
import { createVaultReader } from "@/lib/vault";
import type { ChecklistContext } from "./context";
import { createVaultProbe, type VaultProbe } from "./vault-probe";

const globalForProbe = globalThis as unknown as { radiusChecklistProbe?: VaultProbe };

/** The live Vault probe of this process: short timeouts, no retries, answers cached for a minute. */
export function appVaultProbe(): VaultProbe {
  globalForProbe.radiusChecklistProbe ??= createVaultProbe(() => {
    const config = getConfig();
    return config.VAULT_ADDR.map((address) => createVaultReader({ address, token: config.VAULT_TOKEN, namespace: config.VAULT_NAMESPACE, timeoutMs: 2_000, retries: 0 }));
  });
  return globalForProbe.radiusChecklistProbe;
}

/** The CI workflows folder the sync reads, with the owner it names repositories after. */
export function appWorkflows(): ChecklistContext["workflows"] {
  const sync = syncConfigFromEnv(getConfig());
  return sync.workflowsDir ? { dir: sync.workflowsDir, owner: sync.ciOwner } : null;
}

/** The context pages, actions and route handlers use. */
export function checklistContext(user: CurrentUser): ChecklistContext {
  return { db, user, vault: appVaultProbe(), workflows: appWorkflows() };
}
