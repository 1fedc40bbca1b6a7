/**
 * What the Changes capability reads from the typed environment (lib/config-schema.ts). Pure, so
 * the app, scripts and tests build it the same way.
 */
import type { Env } from "@/lib/config-schema";

export interface ChangeSettings {
  /** TERRAFORM_DIR: the folder of the repository holding the Vault configuration. */
  terraformDir: string;
  /** TERRAFORM_CHANGES_FILE: where new resources go, e.g. "team-{team}.tf". */
  changesFile: string;
  /** TERRAFORM_BRANCH: the base branch pull requests target. */
  baseBranch: string;
  /** NEXTAUTH_URL: the portal's public URL, for links in pull requests. */
  portalUrl: string;
}

export function changeSettingsFromEnv(env: Pick<Env, "TERRAFORM_DIR" | "TERRAFORM_CHANGES_FILE" | "TERRAFORM_BRANCH" | "NEXTAUTH_URL">): ChangeSettings {
  return {
    terraformDir: env.TERRAFORM_DIR,
    changesFile: env.TERRAFORM_CHANGES_FILE,
    baseBranch: env.TERRAFORM_BRANCH,
    portalUrl: env.NEXTAUTH_URL.replace(/\/+$/, ""),
  };
}
