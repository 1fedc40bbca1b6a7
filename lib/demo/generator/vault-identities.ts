import type { AppRole, JwtRole, KubernetesRole, VaultAuthMount, VaultIdentityGroup } from "../vault-world";
import { APPROLE_MOUNT, COMPANY, JWT_MOUNT, K8S_AUTH, OIDC_MOUNT, type CompanyModel } from "./company";
import type { AccessModel, IdentityModel } from "./access-model";
import { accessorFor } from "./ids";
import type { Rng } from "./prng";

/** Service accounts of a service's workloads; the Kubernetes role binds all of them. */
export function serviceAccountsOf(company: CompanyModel, service: string): string[] {
  const s = company.serviceByName.get(service);
  if (!s) return [service];
  return [s.name, ...(s.hasWorker ? [`${s.name}-worker`] : []), ...(s.hasCron ? [`${s.name}-cron`] : [])];
}

export const namespacesFor = (team: string, tier: "nonprod" | "prod"): string[] => (tier === "prod" ? [`${team}-prod`] : [`${team}-dev`, `${team}-staging`]);

export function kubernetesRoleOf(company: CompanyModel, id: IdentityModel): KubernetesRole {
  const tier = id.mount === K8S_AUTH.prod ? "prod" : "nonprod";
  const isEso = id.name === "external-secrets";
  return {
    name: id.name,
    boundServiceAccountNames: isEso ? ["external-secrets"] : serviceAccountsOf(company, id.service ?? id.name),
    boundServiceAccountNamespaces: isEso ? ["external-secrets"] : namespacesFor(id.team ?? "", tier),
    audience: "vault",
    tokenPolicies: id.policies, tokenTtl: 3600, tokenMaxTtl: 14_400, tokenType: "default",
  };
}

export function ciRoleOf(id: IdentityModel): JwtRole {
  return {
    name: id.name, roleType: "jwt", boundAudiences: [`https://github.com/${COMPANY.githubOrg}`],
    boundClaims: { repository: `${COMPANY.githubOrg}/${id.service}`, ref: "refs/heads/main" },
    boundSubject: "", userClaim: "actor", groupsClaim: "", allowedRedirectUris: [],
    tokenPolicies: id.policies, tokenTtl: 900, tokenMaxTtl: 1800, tokenType: "default",
  };
}

export function buildAuthMounts(rng: Rng, company: CompanyModel, access: AccessModel, roleIds: Map<string, string>): VaultAuthMount[] {
  const live = access.identities.filter((i) => i.inVault);
  const k8s = (mount: string): KubernetesRole[] => live.filter((i) => i.kind === "kubernetes" && i.mount === mount).map((i) => kubernetesRoleOf(company, i));
  const appRoles: AppRole[] = live.filter((i) => i.kind === "approle").map((i) => ({
    name: i.name, roleId: roleIds.get(i.key) ?? rng.uuid(), bindSecretId: true, secretIdTtl: 0, secretIdBoundCidrs: ["10.20.8.0/24"],
    tokenPolicies: i.policies, tokenTtl: 3600, tokenMaxTtl: 14_400, tokenType: "default",
  }));
  const humans: JwtRole = {
    name: "engineer", roleType: "oidc", boundAudiences: ["vault"], boundClaims: {}, boundSubject: "", userClaim: "email", groupsClaim: "groups",
    allowedRedirectUris: ["https://vault.acme.internal/ui/vault/auth/oidc/oidc/callback", "http://localhost:8250/oidc/callback"],
    tokenPolicies: ["default"], tokenTtl: 28_800, tokenMaxTtl: 43_200, tokenType: "default",
  };
  return [
    { path: K8S_AUTH.nonprod, type: "kubernetes", accessor: accessorFor(rng, "auth_kubernetes"), description: "k8s-nonprod cluster workloads", kubernetesRoles: k8s(K8S_AUTH.nonprod) },
    { path: K8S_AUTH.prod, type: "kubernetes", accessor: accessorFor(rng, "auth_kubernetes"), description: "k8s-prod cluster workloads", kubernetesRoles: k8s(K8S_AUTH.prod) },
    { path: JWT_MOUNT, type: "jwt", accessor: accessorFor(rng, "auth_jwt"), description: "GitHub Actions OIDC", jwtRoles: live.filter((i) => i.kind === "jwt").map(ciRoleOf) },
    { path: OIDC_MOUNT, type: "oidc", accessor: accessorFor(rng, "auth_oidc"), description: "Engineers (SSO)", jwtRoles: [humans] },
    { path: APPROLE_MOUNT, type: "approle", accessor: accessorFor(rng, "auth_approle"), description: "Legacy batch jobs", appRoles },
  ];
}

/** OIDC group claim value that the group's alias maps, e.g. "eng-payments". */
export const groupAliasName = (group: string): string => (group.startsWith("team-") ? group.replace(/^team-/, "eng-") : group);

export function buildIdentityGroups(rng: Rng, access: AccessModel, oidcAccessor: string): VaultIdentityGroup[] {
  return access.identities.filter((i) => i.kind === "group").map((g) => ({
    id: rng.uuid(), name: g.name, type: "external" as const, policies: g.policies, memberEntityIds: [], memberGroupIds: [],
    metadata: g.team ? { team: g.team } : null,
    alias: { id: rng.uuid(), name: groupAliasName(g.name), mountAccessor: oidcAccessor },
  }));
}
