/**
 * Auth method backends: kubernetes, jwt/oidc, approle (role LIST + GET, writes applied in memory),
 * userpass (no users modelled: LIST is Vault's empty 404). Login endpoints are not modelled.
 */
import { notFound } from "../errors";
import { ok, type Backend, type Route } from "../backend";
import { collectionRoutes, list, num, text } from "./collection-routes";
import { NamedStore } from "./named-store";
import type { AppRole, JwtRole, KubernetesRole, VaultAuthMount } from "../../vault-world";

type TokenFields = Pick<KubernetesRole, "tokenPolicies" | "tokenTtl" | "tokenMaxTtl" | "tokenType">;

/** tokenutil.PopulateTokenData: the fields every role shares. */
function tokenData(r: TokenFields): Record<string, unknown> {
  return {
    token_bound_cidrs: [],
    token_explicit_max_ttl: 0,
    token_max_ttl: r.tokenMaxTtl,
    token_no_default_policy: false,
    token_num_uses: 0,
    token_period: 0,
    token_policies: r.tokenPolicies,
    token_ttl: r.tokenTtl,
    token_type: r.tokenType,
  };
}

function tokenFromBody(b: Record<string, unknown>, e: TokenFields | undefined): TokenFields {
  return {
    tokenPolicies: list(b.token_policies ?? b.policies, e?.tokenPolicies ?? []),
    tokenTtl: num(b.token_ttl, e?.tokenTtl ?? 0),
    tokenMaxTtl: num(b.token_max_ttl, e?.tokenMaxTtl ?? 0),
    tokenType: (b.token_type as TokenFields["tokenType"] | undefined) ?? e?.tokenType ?? "default",
  };
}

export function createAuthBackend(m: VaultAuthMount): Backend {
  switch (m.type) {
    case "kubernetes":
      return { type: m.type, routes: kubernetesRoutes(m.kubernetesRoles ?? []) };
    case "jwt":
    case "oidc":
      return { type: m.type, routes: jwtRoutes(m.jwtRoles ?? []) };
    case "approle":
      return { type: m.type, routes: appRoleRoutes(m.appRoles ?? []) };
    case "userpass":
      return { type: m.type, routes: collectionRoutes({ prefix: "users", store: new NamedStore<{ name: string }>(), render: () => ({}) }) };
  }
}

function kubernetesRoutes(roles: KubernetesRole[]): Route[] {
  return collectionRoutes({
    prefix: "role",
    store: new NamedStore(roles, true),
    render: (r) => ({
      alias_name_source: "serviceaccount_uid",
      ...(r.audience ? { audience: r.audience } : {}),
      bound_service_account_names: r.boundServiceAccountNames,
      bound_service_account_namespace_selector: "",
      bound_service_account_namespaces: r.boundServiceAccountNamespaces,
      ...tokenData(r),
    }),
    fromBody: (name, b, e) => ({
      name: name.toLowerCase(),
      boundServiceAccountNames: list(b.bound_service_account_names, e?.boundServiceAccountNames ?? []),
      boundServiceAccountNamespaces: list(b.bound_service_account_namespaces, e?.boundServiceAccountNamespaces ?? []),
      audience: text(b.audience, e?.audience ?? ""),
      ...tokenFromBody(b, e),
    }),
  });
}

function jwtRoutes(roles: JwtRole[]): Route[] {
  return collectionRoutes({
    prefix: "role",
    store: new NamedStore(roles),
    render: (r) => ({
      allowed_redirect_uris: r.allowedRedirectUris.length > 0 ? r.allowedRedirectUris : null,
      bound_audiences: r.boundAudiences.length > 0 ? r.boundAudiences : null,
      bound_claims: Object.keys(r.boundClaims).length > 0 ? r.boundClaims : null,
      bound_claims_type: "string",
      bound_subject: r.boundSubject,
      callback_mode: "client",
      claim_mappings: null,
      clock_skew_leeway: 0,
      expiration_leeway: 0,
      groups_claim: r.groupsClaim,
      max_age: 0,
      not_before_leeway: 0,
      oidc_scopes: null,
      role_type: r.roleType,
      user_claim: r.userClaim,
      user_claim_json_pointer: false,
      verbose_oidc_logging: false,
      ...tokenData(r),
    }),
    fromBody: (name, b, e) => ({
      name,
      // Vault defaults role_type to "oidc" when not given at creation.
      roleType: (b.role_type as JwtRole["roleType"] | undefined) ?? e?.roleType ?? "oidc",
      boundAudiences: list(b.bound_audiences, e?.boundAudiences ?? []),
      boundClaims: (b.bound_claims as JwtRole["boundClaims"] | undefined) ?? e?.boundClaims ?? {},
      boundSubject: text(b.bound_subject, e?.boundSubject ?? ""),
      userClaim: text(b.user_claim, e?.userClaim ?? ""),
      groupsClaim: text(b.groups_claim, e?.groupsClaim ?? ""),
      allowedRedirectUris: list(b.allowed_redirect_uris, e?.allowedRedirectUris ?? []),
      ...tokenFromBody(b, e),
    }),
  });
}

function appRoleRoutes(roles: AppRole[]): Route[] {
  const store = new NamedStore(roles, true);
  return [
    {
      pattern: /^role\/(?<name>[^/]+)\/role-id$/,
      ops: {
        read: (req) => {
          const r = store.get(req.params.name ?? "");
          if (!r) throw notFound();
          return ok({ role_id: r.roleId });
        },
      },
    },
    ...collectionRoutes({
      prefix: "role",
      store,
      render: (r) => ({
        bind_secret_id: r.bindSecretId,
        local_secret_ids: false,
        secret_id_bound_cidrs: r.secretIdBoundCidrs,
        secret_id_num_uses: 0,
        secret_id_ttl: r.secretIdTtl,
        ...tokenData(r),
      }),
      fromBody: (name, b, e) => ({
        name: name.toLowerCase(),
        roleId: e?.roleId ?? crypto.randomUUID(),
        bindSecretId: b.bind_secret_id === undefined ? (e?.bindSecretId ?? true) : b.bind_secret_id === true || b.bind_secret_id === "true",
        secretIdTtl: num(b.secret_id_ttl, e?.secretIdTtl ?? 0),
        secretIdBoundCidrs: list(b.secret_id_bound_cidrs, e?.secretIdBoundCidrs ?? []),
        ...tokenFromBody(b, e),
      }),
    }),
  ];
}
