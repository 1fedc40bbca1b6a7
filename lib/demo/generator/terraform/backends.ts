import type { VaultMount, VaultWorld } from "../../vault-world";
import { JWT_MOUNT, K8S_AUTH, OIDC_MOUNT } from "../company";
import type { DemoFile } from "../types";
import { ident, raw, resource } from "./hcl";

/** Provider, mounts and auth backends: the shared part of the repository. */
export function renderBackends(world: VaultWorld): DemoFile[] {
  const header = `terraform {
  required_version = ">= 1.6"
  required_providers {
    vault = {
      source  = "hashicorp/vault"
      version = "~> 4.4"
    }
  }
}

provider "vault" {
  address = var.vault_addr
  # CI applies with a scoped AppRole token, never a root token.
}
`;
  const variables = `variable "vault_addr" {
  type    = string
  default = "https://vault.acme.internal:8200"
}

variable "oidc_client_secret" {
  type      = string
  sensitive = true
}

variable "db_root_passwords" {
  description = "Initial root passwords per database connection; Vault rotates them after import."
  type        = map(string)
  sensitive   = true
}
`;
  const mounts: string[] = [];
  const engines: string[] = [];
  for (const m of world.mounts) {
    const options = m.type === "kv" ? { version: String(m.version) } : undefined;
    mounts.push(resource("vault_mount", m.path, { path: m.path, type: m.type, description: m.description, options }));
    if (m.type === "kv") mounts.push(resource("vault_kv_secret_backend_v2", `${m.path}_config`, { mount: raw(`vault_mount.${ident(m.path)}.path`), max_versions: 10, cas_required: false }));
    engines.push(...engineResources(m));
  }
  const auth: string[] = [];
  for (const a of world.authMounts) {
    if (a.type === "jwt" || a.type === "oidc") {
      const isCi = a.path === JWT_MOUNT;
      auth.push(resource("vault_jwt_auth_backend", a.path, {
        path: a.path, type: a.type, description: a.description,
        oidc_discovery_url: isCi ? "https://token.actions.githubusercontent.com" : "https://sso.acme.internal",
        bound_issuer: isCi ? "https://token.actions.githubusercontent.com" : undefined,
        oidc_client_id: isCi ? undefined : "vault", oidc_client_secret: isCi ? undefined : raw("var.oidc_client_secret"),
        default_role: isCi ? undefined : "engineer",
      }));
    } else {
      auth.push(resource("vault_auth_backend", a.path, { type: a.type, path: a.path, description: a.description }));
    }
    if (a.type === "kubernetes") {
      auth.push(resource("vault_kubernetes_auth_backend_config", `${a.path}_config`, { backend: raw(`vault_auth_backend.${ident(a.path)}.path`), kubernetes_host: `https://api.${a.path === K8S_AUTH.prod ? "k8s-prod" : "k8s-nonprod"}.acme.internal:6443` }));
    }
  }
  auth.push(resource("vault_jwt_auth_backend_role", "engineer", {
    backend: raw(`vault_jwt_auth_backend.${ident(OIDC_MOUNT)}.path`), role_name: "engineer", role_type: "oidc", bound_audiences: ["vault"],
    user_claim: "email", groups_claim: "groups", token_policies: ["default"], token_ttl: 28_800, token_max_ttl: 43_200,
    allowed_redirect_uris: ["https://vault.acme.internal/ui/vault/auth/oidc/oidc/callback", "http://localhost:8250/oidc/callback"],
  }));
  return [
    { path: "versions.tf", content: header },
    { path: "variables.tf", content: variables },
    { path: "mounts.tf", content: mounts.join("\n") },
    { path: "engines.tf", content: engines.join("\n") },
    { path: "auth.tf", content: auth.join("\n") },
  ];
}

function engineResources(m: VaultMount): string[] {
  const backend = raw(`vault_mount.${ident(m.path)}.path`);
  switch (m.type) {
    case "database":
      return [
        ...m.connections.map((c) => resource("vault_database_secret_backend_connection", `${m.path}_${c.name}`, { backend, name: c.name, allowed_roles: c.allowedRoles }, [
          `  postgresql {\n    connection_url = ${JSON.stringify(c.connectionUrl)}\n    username       = ${JSON.stringify(c.username)}\n    password       = var.db_root_passwords[${JSON.stringify(`${m.path}/${c.name}`)}]\n  }`,
        ])),
        ...m.staticRoles.map((r) => resource("vault_database_secret_backend_static_role", `${m.path}_${r.name}`, { backend, name: r.name, db_name: r.dbName, username: r.username, rotation_period: r.rotationPeriod })),
      ];
    case "aws":
      return m.roles.map((r) => resource("vault_aws_secret_backend_role", r.name, { backend, name: r.name, credential_type: r.credentialType, role_arns: r.roleArns, default_sts_ttl: r.defaultStsTtl, max_sts_ttl: r.maxStsTtl }));
    case "pki":
      return m.pki.roles.map((r) => resource("vault_pki_secret_backend_role", r.name, { backend, name: r.name, allowed_domains: r.allowedDomains, allow_subdomains: r.allowSubdomains, key_type: r.keyType, key_bits: r.keyBits, ttl: r.ttl, max_ttl: r.maxTtl }));
    case "transit":
      return m.keys.map((k) => resource("vault_transit_secret_backend_key", k, { backend, name: k, type: "aes256-gcm96" }));
    default:
      return [];
  }
}
