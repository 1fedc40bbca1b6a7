/**
 * Auth roles: `vault_kubernetes_auth_backend_role`, `vault_jwt_auth_backend_role`,
 * `vault_approle_auth_backend_role`. `backend` defaults to the method's default mount path
 * (provider docs); `policies` is the deprecated spelling of `token_policies`.
 */
import type { JsonValue, SourceProblem, TerraformResource } from "../types";
import { normalizeAuthMount } from "../kubernetes/vault-paths";
import { ResourceReader } from "./resource-reader";
import type { ResolveContext } from "./resolve-expressions";
import type { VaultAuthRoleConfig } from "./vault-config-types";

export const AUTH_ROLE_TYPES: Record<string, { method: VaultAuthRoleConfig["method"]; defaultMount: string }> = {
  vault_kubernetes_auth_backend_role: { method: "kubernetes", defaultMount: "kubernetes" },
  vault_jwt_auth_backend_role: { method: "jwt", defaultMount: "jwt" },
  vault_approle_auth_backend_role: { method: "approle", defaultMount: "approle" },
};

export function readAuthRole(resource: TerraformResource, ctx: ResolveContext, problems: SourceProblem[]): VaultAuthRoleConfig | null {
  const shape = AUTH_ROLE_TYPES[resource.type];
  if (!shape) return null;
  const r = new ResourceReader(resource, ctx, problems);
  const roleName = r.string("role_name");
  if (!roleName) { r.warn("no role_name; skipped"); return null; }
  const claims = r.value("bound_claims");
  return {
    method: shape.method,
    mount: normalizeAuthMount(r.string("backend") ?? shape.defaultMount),
    roleName,
    tokenPolicies: [...new Set([...r.strings("token_policies"), ...r.strings("policies")])],
    tokenTtlSeconds: r.seconds("token_ttl"),
    tokenMaxTtlSeconds: r.seconds("token_max_ttl"),
    boundServiceAccountNames: r.strings("bound_service_account_names"),
    boundServiceAccountNamespaces: r.strings("bound_service_account_namespaces"),
    boundClaims: claims && typeof claims === "object" && !Array.isArray(claims) ? (claims as Record<string, JsonValue>) : {},
    boundAudiences: r.strings("bound_audiences"),
    userClaim: r.string("user_claim"),
    roleType: r.string("role_type"),
    origin: r.origin,
  };
}
