/**
 * The two sides of a comparison, as plain data: what the sync read from live Vault and from the
 * Terraform repository. A field left `undefined` is one that side does not say (the Terraform
 * parser does not read a role's `audience`, Vault's mount table here carries no TTLs): it is not
 * compared. Pure types, safe anywhere.
 */
import type { PolicyRule } from "@/lib/policy";
import type { TerraformLocation } from "./types";

export interface PolicySide {
  name: string;
  /** Parsed by lib/policy; null when the text did not parse (then the texts are compared). */
  rules: readonly PolicyRule[] | null;
  rawHcl: string;
  parseError: string | null;
}

export type Duration = number | string | null;

export interface AuthRoleSide {
  /** Auth mount path ("kubernetes-prod", "auth/kubernetes-prod/" is the same). */
  mount: string;
  roleName: string;
  /** kubernetes | jwt | oidc | approle: only for the words of the explanation. */
  method: string;
  tokenPolicies: readonly string[];
  tokenTtl: Duration;
  tokenMaxTtl: Duration;
  boundServiceAccountNames?: readonly string[];
  boundServiceAccountNamespaces?: readonly string[];
  boundAudiences?: readonly string[];
  boundClaims?: Record<string, unknown>;
  /** null: not stated (Terraform left it to the provider's default): not compared. */
  userClaim?: string | null;
  roleType?: string | null;
}

export interface MountSide {
  kind: "secret" | "auth";
  path: string;
  type: string;
  kvVersion?: number | string | null;
  defaultLeaseTtl?: Duration;
  maxLeaseTtl?: Duration;
}

export interface DriftInput {
  cluster: string;
  commit: string;
  live: {
    policies: readonly PolicySide[];
    authRoles: readonly AuthRoleSide[];
    mounts: readonly MountSide[];
  };
  terraform: {
    policies: readonly (PolicySide & { origin: TerraformLocation })[];
    authRoles: readonly (AuthRoleSide & { origin: TerraformLocation })[];
    mounts: readonly (MountSide & { origin: TerraformLocation })[];
  };
}

/** Vault's built-in policies: `default` exists in every cluster, so it is drift only when Terraform manages it. */
export const BUILT_IN_POLICIES: ReadonlySet<string> = new Set(["default", "root"]);
