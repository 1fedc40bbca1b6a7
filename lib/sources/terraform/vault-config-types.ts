/** Vault configuration read from Terraform (the desired state Radius compares with live Vault). */
import type { JsonValue } from "../types";

export interface TerraformOrigin {
  /** Terraform address, e.g. "vault_policy.payments". */
  address: string;
  file: string;
  line: number;
}

export interface VaultPolicyConfig {
  name: string;
  /** Policy HCL; null when it could not be resolved (a warning says why). */
  policy: string | null;
  /** The file the text came from when written as file("..."). */
  policyFile: string | null;
  origin: TerraformOrigin;
}

export interface VaultAuthRoleConfig {
  method: "kubernetes" | "jwt" | "approle";
  /** Auth mount path without "auth/" (resolved from `backend`, or the method's default path). */
  mount: string;
  roleName: string;
  tokenPolicies: string[];
  tokenTtlSeconds: number | null;
  tokenMaxTtlSeconds: number | null;
  boundServiceAccountNames: string[];
  boundServiceAccountNamespaces: string[];
  boundClaims: Record<string, JsonValue>;
  boundAudiences: string[];
  userClaim: string | null;
  roleType: string | null;
  origin: TerraformOrigin;
}

export interface VaultGroupAliasConfig {
  name: string;
  /** Auth mount path of the alias (resolved through `mount_accessor` -> auth backend resource). */
  mount: string | null;
  origin: TerraformOrigin;
}

export interface VaultIdentityGroupConfig {
  name: string;
  type: "internal" | "external";
  policies: string[];
  /** Names of member groups (resolved from `${vault_identity_group.x.id}`), else the raw ids. */
  memberGroups: string[];
  memberEntityIds: string[];
  aliases: VaultGroupAliasConfig[];
  origin: TerraformOrigin;
}

export type VaultMountKind = "secret" | "auth";

export interface VaultMountConfig {
  kind: VaultMountKind;
  path: string;
  type: string;
  /** KV version for kv mounts, else null. */
  kvVersion: 1 | 2 | null;
  defaultLeaseTtlSeconds: number | null;
  maxLeaseTtlSeconds: number | null;
  origin: TerraformOrigin;
}

export interface VaultKvSettingsConfig {
  mount: string;
  maxVersions: number | null;
  casRequired: boolean | null;
  deleteVersionAfterSeconds: number | null;
  origin: TerraformOrigin;
}

export interface VaultSecretRoleConfig {
  engine: "database" | "pki";
  mount: string;
  name: string;
  /** The path consumers read: `<mount>/creds/<name>` or `<mount>/issue/<name>`. */
  readPath: string;
  defaultTtlSeconds: number | null;
  maxTtlSeconds: number | null;
  /** database: db_name; pki: allowed_domains. */
  details: Record<string, JsonValue>;
  origin: TerraformOrigin;
}

export interface VaultTerraformConfig {
  policies: VaultPolicyConfig[];
  authRoles: VaultAuthRoleConfig[];
  identityGroups: VaultIdentityGroupConfig[];
  mounts: VaultMountConfig[];
  kvSettings: VaultKvSettingsConfig[];
  secretRoles: VaultSecretRoleConfig[];
}
