/**
 * Auth roles -> IdentityRecords keyed "<cluster>:<authMount>/<role>".
 * kubernetes: bound service accounts/namespaces; jwt/oidc: role_type (the kind), bound claims,
 * audiences, user/groups claim; approle: bind_secret_id, CIDRs. Policies are token_policies plus
 * legacy `policies`. TTL 0 means "the mount/system default": recorded as null (not known here).
 */
import type { IdentityKind, IdentityRecord } from "@/lib/sync/snapshot-data";
import { addProblem, getValidated, listKeys, type CollectContext } from "./collect-context";
import type { AuthMount } from "./mount-tables";
import { appRoleSchema, jwtRoleSchema, kubernetesRoleSchema } from "./schemas";

type TokenFields = { token_policies: string[]; policies?: string[]; token_ttl?: number; token_max_ttl?: number };
type RoleView = { kind: IdentityKind; bindings: Record<string, unknown>; token: TokenFields };

const READERS: Record<string, (ctx: CollectContext, path: string, mount: AuthMount) => Promise<RoleView | null>> = {
  kubernetes: async (ctx, path) => {
    const r = (await getValidated(ctx, path, kubernetesRoleSchema))?.data;
    if (!r) return null;
    const bindings = { boundServiceAccountNames: r.bound_service_account_names, boundServiceAccountNamespaces: r.bound_service_account_namespaces, ...(r.audience ? { audience: r.audience } : {}) };
    return { kind: "kubernetes", bindings, token: r };
  },
  jwt: readJwtRole,
  oidc: readJwtRole,
  approle: async (ctx, path) => {
    const r = (await getValidated(ctx, path, appRoleSchema))?.data;
    if (!r) return null;
    return { kind: "approle", bindings: { bindSecretId: r.bind_secret_id, secretIdBoundCidrs: r.secret_id_bound_cidrs, tokenBoundCidrs: r.token_bound_cidrs ?? [] }, token: r };
  },
};

async function readJwtRole(ctx: CollectContext, path: string, mount: AuthMount): Promise<RoleView | null> {
  const r = (await getValidated(ctx, path, jwtRoleSchema))?.data;
  if (!r) return null;
  // role_type decides the login flow; Vault defaults it to "oidc".
  const roleType = r.role_type ?? (mount.type === "jwt" ? "jwt" : "oidc");
  const bindings = {
    roleType,
    boundClaims: r.bound_claims ?? {},
    boundAudiences: r.bound_audiences,
    boundSubject: r.bound_subject || null,
    userClaim: r.user_claim,
    groupsClaim: r.groups_claim || null,
  };
  return { kind: roleType, bindings, token: r };
}

export async function collectAuthRoles(ctx: CollectContext, mounts: readonly AuthMount[]): Promise<IdentityRecord[]> {
  const perMount = await Promise.all(
    mounts.map(async (mount) => {
      const read = READERS[mount.type];
      if (!read) {
        addProblem(ctx, "GET", "sys/auth", `auth mount ${mount.path}/ (type ${mount.type}) is not enumerated: its identities are not in the inventory`, "warning");
        return [];
      }
      const names = (await listKeys(ctx, `auth/${mount.path}/role`)) ?? [];
      const roles = await Promise.all(names.map(async (name) => toRecord(ctx.cluster, mount, name, await read(ctx, `auth/${mount.path}/role/${encodeURIComponent(name)}`, mount))));
      return roles.filter((r): r is IdentityRecord => r !== null);
    }),
  );
  return perMount.flat();
}

function toRecord(cluster: string, mount: AuthMount, name: string, view: RoleView | null): IdentityRecord | null {
  if (!view) return null;
  const policies = [...new Set([...view.token.token_policies, ...(view.token.policies ?? [])])].sort();
  return {
    key: `${cluster}:${mount.path}/${name}`,
    cluster,
    authMount: mount.path,
    authType: mount.type,
    roleName: name,
    kind: view.kind,
    displayName: null,
    bindings: view.bindings,
    policies,
    ttlSeconds: view.token.token_ttl || null,
    maxTtlSeconds: view.token.token_max_ttl || null,
  };
}
