/**
 * What the sync reads, derived from the typed environment (lib/config-schema.ts). Pure, so the
 * scheduler (instrumentation), the bench script and tests build it the same way.
 */
import type { Env } from "@/lib/config-schema";

export interface SyncConfig {
  vault: { addresses: string[]; token: string; namespace?: string; concurrency: number; timeoutMs: number };
  terraform: { repo: string; branch: string; dir: string } | null;
  manifestsDir: string | null;
  workflowsDir: string | null;
  catalogPath: string | null;
  /**
   * GitHub owner for WORKFLOWS_DIR folders named after a bare repository ("payments-api" ->
   * "acme/payments-api"), so CI workload keys read like the `repository` claim Vault JWT roles
   * bind to. WORKFLOWS_OWNER when the environment has it, else the owner of GITHUB_REPOSITORY
   * (the forge Radius opens pull requests on belongs to the same organisation), else "acme"
   * (the demo organisation).
   */
  ciOwner: string;
  intervalMinutes: number;
}

export const DEFAULT_CI_OWNER = "acme";

type SyncEnv = Pick<
  Env,
  | "VAULT_ADDR" | "VAULT_TOKEN" | "VAULT_NAMESPACE" | "VAULT_REQUEST_CONCURRENCY" | "VAULT_TIMEOUT_MS"
  | "TERRAFORM_REPO" | "TERRAFORM_BRANCH" | "TERRAFORM_DIR" | "MANIFESTS_DIR" | "WORKFLOWS_DIR" | "CATALOG_PATH"
  | "GITHUB_REPOSITORY" | "SYNC_INTERVAL_MINUTES"
> & { WORKFLOWS_OWNER?: string };

export function syncConfigFromEnv(env: SyncEnv): SyncConfig {
  return {
    vault: {
      addresses: env.VAULT_ADDR,
      token: env.VAULT_TOKEN,
      namespace: env.VAULT_NAMESPACE,
      concurrency: env.VAULT_REQUEST_CONCURRENCY,
      timeoutMs: env.VAULT_TIMEOUT_MS,
    },
    terraform: env.TERRAFORM_REPO ? { repo: env.TERRAFORM_REPO, branch: env.TERRAFORM_BRANCH, dir: env.TERRAFORM_DIR } : null,
    manifestsDir: env.MANIFESTS_DIR ?? null,
    workflowsDir: env.WORKFLOWS_DIR ?? null,
    catalogPath: env.CATALOG_PATH ?? null,
    ciOwner: env.WORKFLOWS_OWNER || env.GITHUB_REPOSITORY?.split("/")[0] || DEFAULT_CI_OWNER,
    intervalMinutes: env.SYNC_INTERVAL_MINUTES,
  };
}
